using Accession.Omero.State;
using Accession.TestKit.Omero;

namespace Accession.Omero.Tests;

/// <summary>The service against the fake OMERO.web over real sockets.</summary>
public sealed class PollEndToEndTests
{
    [Fact]
    public async Task First_poll_annotates_every_image_with_the_code_of_its_files_and_a_second_poll_writes_nothing()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var omero = scenario.Omero;
        var small = scenario.AddSingleFileImage("cells, day 1.tif", 50_000, 1);
        var large = scenario.AddSingleFileImage("large.tif", 3_000_000, 2, scenario.Other);
        var mrxs = omero.AddImage("slide.mrxs", scenario.Alice, scenario.Lab,
            FakeOmeroFileSpec.Generated("slide.mrxs", 1_000, 3),
            FakeOmeroFileSpec.Generated("slide/Data0000.dat", 200_000, 4),
            FakeOmeroFileSpec.Generated("slide/Slidedat.ini", 500, 5));
        var shared = omero.AddFileset(scenario.Alice, scenario.Lab, [
            FakeOmeroFileSpec.Generated("plate.vsi", 2_000, 6),
            FakeOmeroFileSpec.Generated("_plate_/stack1/frame_t.ets", 70_000, 7),
            FakeOmeroFileSpec.Generated("_plate_/stack10001/frame_t.ets", 30_000, 8),
        ]);
        var seriesA = omero.AddImage("plate.vsi [A]", shared);
        var seriesB = omero.AddImage("plate.vsi [B]", shared);
        FakeOmeroImage[] images = [small, large, mrxs, seriesA, seriesB];

        var first = await scenario.PollOnceAsync();

        Assert.Equal((5, 0, 0), (first.Annotated, first.Failed, first.AlreadyAnnotated));
        foreach (var image in images)
        {
            var annotation = Assert.Single(scenario.IsccAnnotations(image.Id));
            Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), annotation.Value("iscc:sum"));
        }

        Assert.Equal("cells, day 1.tif", scenario.IsccAnnotations(small.Id)[0].Value("iscc:source_file"));
        var sharedDownloads = omero.Requests.Count(r => r.Path.StartsWith(OmeroRoutes.DownloadOriginalFile, StringComparison.Ordinal)
            && shared.Files.Any(f => r.Path == $"{OmeroRoutes.DownloadOriginalFile}{f.Id}/"));
        Assert.Equal(shared.Files.Count, sharedDownloads);

        var created = omero.AnnotationCounts.Created;
        omero.ClearRequests();
        var second = await scenario.PollOnceAsync();

        Assert.Equal(0, second.Annotated);
        Assert.Equal(created, omero.AnnotationCounts.Created);
        Assert.DoesNotContain(omero.Requests, r => r.Method == "POST" && r.Path != "/api/v0/login/");
        Assert.DoesNotContain(omero.Requests, r => r.Path.Contains("download", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fileset_is_walked_as_iscc_tree_walks_the_folder_with_its_ignore_file_metadata_and_unicode_names()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.Omero.AddImage("scan.mrxs", scenario.Alice, scenario.Lab,
            FakeOmeroFileSpec.Generated("scan.mrxs", 900, 1),
            FakeOmeroFileSpec.Generated("scan/Data0001.dat", 40_000, 2),
            FakeOmeroFileSpec.Generated("scan/Data0000.dat", 30_000, 3),
            FakeOmeroFileSpec.Text(".isccignore", "*.log\n"),
            FakeOmeroFileSpec.Text("scan/debug.log", "left out by the ignore file"),
            FakeOmeroFileSpec.Text("scan.iscc.json", "{}"),
            FakeOmeroFileSpec.Generated("e\u0301.txt", 700, 4),
            FakeOmeroFileSpec.Generated("\u00e9a.txt", 800, 5),
            FakeOmeroFileSpec.Generated("B.txt", 600, 6));

        var summary = await scenario.PollOnceAsync();

        using (var state = StateStore.Open(scenario.Settings.StatePath))
        {
            Assert.True(summary.Annotated == 1, state.Find(image.Id)?.LastError);
        }

        var annotation = Assert.Single(scenario.IsccAnnotations(image.Id));
        Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), annotation.Value("iscc:sum"));
        Assert.EndsWith("/", annotation.Value("iscc:source_file"), StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Omero.Requests, request => request.Path == $"{OmeroRoutes.DownloadOriginalFile}{image.Fileset.Files[4].Id}/");
    }

    [Fact]
    public async Task Images_that_already_carry_a_code_are_skipped_by_a_new_deployment()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var images = Enumerable.Range(0, 3).Select(i => scenario.AddSingleFileImage($"img{i}.tif", 1_000, (ulong)i)).ToList();
        await scenario.PollOnceAsync();
        File.Delete(scenario.Settings.StatePath);

        var rerun = await scenario.PollOnceAsync();

        Assert.Equal((0, 3), (rerun.Annotated, rerun.AlreadyAnnotated));
        Assert.All(images, image => Assert.Single(scenario.IsccAnnotations(image.Id)));
    }

    [Fact]
    public async Task An_expired_session_is_renewed_mid_poll()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var images = Enumerable.Range(0, 6).Select(i => scenario.AddSingleFileImage($"img{i}.tif", 20_000, (ulong)i)).ToList();
        using var components = scenario.Components();
        var expired = 0;
        var poller = new Service.IsccPoller(scenario.Settings, components.Client, components.State, null, components.Metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
        {
            // Every session ends while the first images are hashed and others are still in flight.
            AfterHash = _ =>
            {
                if (Interlocked.Increment(ref expired) == 2)
                {
                    scenario.Omero.Faults.ExpireAllSessions();
                }
            },
        };

        var summary = await poller.PollAsync(backfill: false, CancellationToken.None);

        Assert.Equal((6, 0), (summary.Annotated, summary.Failed));
        Assert.Equal(2, components.Client.Logins);
        foreach (var image in images)
        {
            Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"));
        }
    }

    [Fact]
    public async Task Sessions_that_end_every_few_requests_are_renewed_as_often_as_needed()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var images = Enumerable.Range(0, 4).Select(i => scenario.AddSingleFileImage($"img{i}.tif", 1_000, (ulong)i)).ToList();
        scenario.Omero.Faults.ExpireSessionsAfter(5);
        using var components = scenario.Components(scenario.Settings with { Concurrency = 1 });

        var summary = await components.Poller.PollAsync(backfill: false, CancellationToken.None);

        Assert.Equal((4, 0), (summary.Annotated, summary.Failed));
        Assert.True(components.Client.Logins > 2, $"logins: {components.Client.Logins}");
        Assert.All(images, image => Assert.Single(scenario.IsccAnnotations(image.Id)));
    }

    [Fact]
    public async Task A_download_cut_off_mid_file_is_fetched_again_and_gets_the_right_code()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("big.tif", 2_500_000, 42);
        scenario.Omero.Faults.CutDownloads(afterBytes: 1_200_000, times: 2);

        var summary = await scenario.PollOnceAsync();

        Assert.Equal(1, summary.Annotated);
        Assert.Equal(2, scenario.Omero.Faults.DownloadsCut);
        Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"));
    }

    [Fact]
    public async Task A_server_that_is_down_is_polled_again_with_backoff_until_it_is_back()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("img.tif", 5_000, 9);
        scenario.Omero.Faults.GoDown(OmeroOutage.ConnectionReset);
        using var components = scenario.Components();
        var runner = new Service.OmeroIsccRunner(components, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var poll = runner.PollAsync(backfill: false, maxAttempts: null, CancellationToken.None);
        await Until(() => scenario.Omero.Faults.RequestsRefused >= 3);
        Assert.False(poll.IsCompleted);
        scenario.Omero.Faults.ComeBack();
        var summary = await poll.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, summary.Annotated);
        Assert.Single(scenario.IsccAnnotations(image.Id));
    }

    [Fact]
    public async Task A_failing_image_is_retried_on_later_polls_then_parked()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var good = scenario.AddSingleFileImage("good.tif", 1_000, 1);
        var bad = scenario.AddSingleFileImage("bad.tif", 1_000, 2);
        scenario.Omero.Faults.FailNext(1_000, $"/webgateway/archived_files/download/{bad.Id}/");
        var settings = scenario.Settings with { MaxRetries = 1 };

        var first = await scenario.PollOnceAsync(settings);
        var second = await scenario.PollOnceAsync(settings);
        var third = await scenario.PollOnceAsync(settings);

        Assert.Equal((1, 1, 0), (first.Annotated, first.Failed, first.Parked));
        Assert.Equal((0, 0, 1), (second.Annotated, second.Failed, second.Parked));
        Assert.Equal((0, 0, 0, 0), (third.Annotated, third.Failed, third.Parked, third.Candidates));
        Assert.Single(scenario.IsccAnnotations(good.Id));
        Assert.Empty(scenario.IsccAnnotations(bad.Id));
        using var state = StateStore.Open(settings.StatePath);
        var parked = Assert.Single(state.List(ImageOutcome.Parked));
        Assert.Equal((bad.Id, 2), (parked.ImageId, parked.Attempts));
        Assert.Contains("500", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_image_that_works_again_is_annotated_on_the_next_poll()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("flaky.tif", 1_000, 1);
        scenario.Omero.Faults.FailNext(4, "/webgateway/archived_files/download/");

        var first = await scenario.PollOnceAsync();
        var second = await scenario.PollOnceAsync();

        Assert.Equal((0, 1), (first.Annotated, first.Failed));
        Assert.Equal((1, 0), (second.Annotated, second.Failed));
        Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"));
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
