using System.Text.Json;
using Accession.TestKit.Pennsieve;

namespace Accession.Pennsieve.Tests;

public class LocalModeTests
{
    [Theory]
    [InlineData("sample.zarr.zip", 2)]
    [InlineData("sample.zarr.tar.gz", 3)]
    public async Task Local_mode_extracts_and_writes_plan_and_report_without_a_request(string archiveName, int zarrFormat)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.Environment["PENNSIEVE_API_HOST"] = fake.BaseUrl;
        run.Environment["PENNSIEVE_API_HOST2"] = fake.BaseUrl;
        var image = run.BuildImage("inner.zarr", zarrFormat);
        run.Archive(image, archiveName, prefix: "inner.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.CommandErrors);
        Assert.Empty(fake.Requests);
        var expected = ImportRun.Files(image);
        var extracted = Path.Combine(run.OutputDir, "sample.zarr");
        Assert.Equal(expected.Select(f => ("inner.zarr/" + f.Relative, f.Bytes)), ImportRun.Files(extracted).Select(f => (f.Relative, f.Bytes)));

        using var plan = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDir, "sample.zarr.import-plan.json")));
        Assert.Equal("inner.zarr", plan.RootElement.GetProperty("assetName").GetString());
        Assert.Equal("ome-zarr", plan.RootElement.GetProperty("assetType").GetString());
        Assert.Equal(
            expected.Select(f => "inner.zarr/" + f.Relative).Order(StringComparer.Ordinal),
            plan.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("filePath").GetString()!).Order(StringComparer.Ordinal));
        var batch = Assert.Single(plan.RootElement.GetProperty("batches").EnumerateArray());
        Assert.Equal(expected.Count, batch.GetProperty("count").GetInt32());

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDir, "sample.zarr.validation.json")));
        Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains(result.ErrorLines, l => l.Contains(" - INFO - local run: asset 'inner.zarr'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dataset_at_the_archive_root_takes_the_archive_name_and_junk_is_left_out()
    {
        using var run = new ImportRun();
        var image = run.BuildImage("flat");
        File.WriteAllText(Path.Combine(image, ".DS_Store"), "junk");
        Directory.CreateDirectory(Path.Combine(image, "__MACOSX"));
        File.WriteAllText(Path.Combine(image, "__MACOSX", "._0"), "junk");
        run.Archive(image, "my-data.zarr.zip");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        using var plan = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDir, "my-data.zarr.import-plan.json")));
        Assert.Equal("my-data.zarr", plan.RootElement.GetProperty("assetName").GetString());
        var paths = plan.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("filePath").GetString()!).ToList();
        Assert.All(paths, p => Assert.StartsWith("my-data.zarr/", p, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("DS_Store", StringComparison.Ordinal) || p.Contains("__MACOSX", StringComparison.Ordinal));
        Assert.Equal(
            [".DS_Store", "__MACOSX/._0"],
            plan.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains("2 clutter entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_dataset_in_local_mode_writes_its_report_exits_1_and_extracts_nothing()
    {
        using var run = new ImportRun();
        var image = run.BuildImage("bad.zarr", extra: b => b.EditJson(".zattrs", attrs => attrs["multiscales"]![0]!.AsObject().Remove("axes")));
        run.Archive(image, "bad.zip", prefix: "bad.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDir, "bad.validation.json")));
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.False(Directory.Exists(Path.Combine(run.OutputDir, "bad")));
        Assert.False(File.Exists(Path.Combine(run.OutputDir, "bad.import-plan.json")));
    }

    [Fact]
    public async Task A_leftover_extraction_folder_is_refused_rather_than_mixed_with()
    {
        using var run = new ImportRun();
        run.Archive(run.BuildImage("a.zarr"), "a.zip", prefix: "a.zarr/");
        Directory.CreateDirectory(Path.Combine(run.OutputDir, "a"));
        File.WriteAllText(Path.Combine(run.OutputDir, "a", "stale.txt"), "old");

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not empty", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Equal(["stale.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(run.OutputDir, "a")).Select(Path.GetFileName));
    }
}
