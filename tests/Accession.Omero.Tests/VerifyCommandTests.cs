using Accession.TestKit.Omero;

namespace Accession.Omero.Tests;

/// <summary><c>accession omero-iscc verify</c>, the fixity audit, against the fake OMERO.web.</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Every_annotated_image_that_still_matches_exits_0_and_writes_nothing()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var single = scenario.AddSingleFileImage("cells, day 1.tif", 40_000, 1);
        var multi = scenario.Omero.AddImage("slide.mrxs", scenario.Alice, scenario.Lab,
            FakeOmeroFileSpec.Generated("slide.mrxs", 1_000, 2),
            FakeOmeroFileSpec.Generated("slide/Data0000.dat", 60_000, 3));
        var unannotated = scenario.Omero.AddImage("new.tif", scenario.Omero.AddFileset(scenario.Alice, scenario.Lab, [FakeOmeroFileSpec.Generated("new.tif", 500, 4)]), id: 1_000);
        await scenario.PollOnceAsync(scenario.Settings with { BatchSize = 2 });
        var created = scenario.Omero.AnnotationCounts;
        scenario.Omero.ClearRequests();

        var (exitCode, output, error) = await scenario.RunCliAsync("verify");

        Assert.True(exitCode == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains($"image {single.Id} \"cells, day 1.tif\": OK {scenario.IsccAnnotations(single.Id)[0].Value("iscc:sum")}", lines);
        Assert.Contains($"image {multi.Id} \"slide.mrxs\": OK {scenario.IsccAnnotations(multi.Id)[0].Value("iscc:sum")}", lines);
        Assert.DoesNotContain(lines, line => line.Contains($"image {unannotated.Id} ", StringComparison.Ordinal));
        Assert.Equal("accession omero-iscc verify: 2 images checked: 2 match, 0 do not match, 0 could not be checked", lines[^1]);
        Assert.Equal(created, scenario.Omero.AnnotationCounts);
        Assert.DoesNotContain(scenario.Omero.Requests, request => request.Method == "POST" && request.Path != "/api/v0/login/");
    }

    [Fact]
    public async Task A_file_whose_bytes_changed_after_annotation_is_named_and_exits_1()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var kept = scenario.AddSingleFileImage("kept.tif", 30_000, 1);
        var rotted = scenario.AddSingleFileImage("rotted.tif", 30_000, 2);
        var shared = scenario.Omero.AddFileset(scenario.Alice, scenario.Lab, [
            FakeOmeroFileSpec.Generated("plate.vsi", 2_000, 3),
            FakeOmeroFileSpec.Generated("_plate_/stack1/frame_t.ets", 20_000, 4),
        ]);
        var seriesA = scenario.Omero.AddImage("plate.vsi [A]", shared);
        var seriesB = scenario.Omero.AddImage("plate.vsi [B]", shared);
        await scenario.PollOnceAsync();
        var stored = scenario.IsccAnnotations(rotted.Id)[0].Value("iscc:sum");
        scenario.Omero.ReplaceFileContent(rotted.Fileset.Files[0].Id, FakeFileContent.Generated(30_000, 99));
        scenario.Omero.ReplaceFileContent(shared.Files[1].Id, FakeFileContent.Generated(20_000, 98));
        var now = await scenario.ExpectedCodeAsync(scenario.Omero.Images.Single(image => image.Id == rotted.Id).Fileset);

        var (exitCode, output, _) = await scenario.RunCliAsync("verify");

        Assert.Equal(1, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Contains($"image {rotted.Id} \"rotted.tif\": MISMATCH stored {stored} now {now}", lines);
        Assert.Contains(lines, line => line.StartsWith($"image {seriesA.Id} \"plate.vsi [A]\": MISMATCH stored ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"image {seriesB.Id} \"plate.vsi [B]\": MISMATCH stored ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"image {kept.Id} \"kept.tif\": OK ", StringComparison.Ordinal));
        Assert.Equal("accession omero-iscc verify: 4 images checked: 1 match, 3 do not match, 0 could not be checked", lines[^1]);
        var sharedDownloads = scenario.Omero.Requests.Count(request => request.Path == $"{OmeroRoutes.DownloadOriginalFile}{shared.Files[1].Id}/");
        Assert.Equal(2, sharedDownloads);
    }

    [Fact]
    public async Task Named_images_are_checked_alone_and_those_without_a_code_are_reported()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var first = scenario.AddSingleFileImage("a.tif", 5_000, 1);
        var second = scenario.AddSingleFileImage("b.tif", 5_000, 2);
        await scenario.PollOnceAsync();
        var late = scenario.AddSingleFileImage("c.tif", 5_000, 3);
        scenario.Omero.ClearRequests();

        var (exitCode, output, _) = await scenario.RunCliAsync("verify", "--image", second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--image", late.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--image", "9999");

        Assert.Equal(1, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(
            [$"image 9999: not found (deleted or not readable)", $"image {late.Id} \"c.tif\": not annotated", $"image {second.Id} \"b.tif\": OK {scenario.IsccAnnotations(second.Id)[0].Value("iscc:sum")}"],
            lines[..^1]);
        Assert.Equal("accession omero-iscc verify: 3 images checked: 1 match, 0 do not match, 2 could not be checked", lines[^1]);
        Assert.DoesNotContain(scenario.Omero.Requests, request => request.Path.Contains($"/{first.Id}/", StringComparison.Ordinal));
        Assert.DoesNotContain(scenario.Omero.Requests, request => request.Path.StartsWith("/api/v0/m/images/", StringComparison.Ordinal) && request.Path.Length == "/api/v0/m/images/".Length);
    }

    [Fact]
    public async Task A_replica_checks_only_its_shard()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var images = Enumerable.Range(0, 4).Select(i => scenario.AddSingleFileImage($"img{i}.tif", 2_000, (ulong)i)).ToList();
        await scenario.PollOnceAsync();

        var (exitCode, output, _) = await scenario.RunCliAsync("verify", "--shard", "1/2");

        Assert.Equal(0, exitCode);
        var checkedIds = output.TrimEnd('\n').Split('\n')[..^1].Select(line => long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(images.Select(image => image.Id).Where(id => id % 2 == 1).Order(), checkedIds.Order());
    }

    [Fact]
    public async Task Bad_credentials_exit_2_with_one_line()
    {
        await using var scenario = await ServiceScenario.StartAsync();

        var (exitCode, output, error) = await scenario.RunCliAsync("verify", "--password", "wrong");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"accession omero-iscc verify: OMERO.web at {scenario.Omero.BaseUrl} refused the login of user", Assert.Single(error.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }
}
