using Accession.TestKit.Archives;
using Accession.TestKit.Pennsieve;

namespace Accession.Pennsieve.Tests;

/// <summary>Input and settings problems: one line, the right exit code, and not a single request.</summary>
public class BadInputTests
{
    [Fact]
    public async Task A_missing_setting_exits_2_with_one_line_naming_it()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment.Remove("INTEGRATION_ID");

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["accession pennsieve-import: INTEGRATION_ID: is required when the importer is enabled; set it to the workflow run id (or set IMPORTER_ENABLED=false for a local run)."], result.ErrorLines);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_option_overrides_its_variable_and_is_checked_the_same_way()
    {
        using var run = new ImportRun();

        var result = await run.RunAsync("--upload-workers", "many");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["accession pennsieve-import: UPLOAD_WORKERS: 'many' is not a whole number from 1 to 256; fix or unset it."], result.ErrorLines);
    }

    [Fact]
    public async Task No_archive_exits_2_without_a_request()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected exactly one archive file, found 0", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Two_archives_exit_2_without_a_request()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("a.zarr");
        run.Archive(image, "a.zip");
        run.Archive(image, "b.tar.gz");

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("found 2 (a.zip, b.tar.gz)", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_corrupt_archive_exits_2_naming_it_without_a_request()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var archive = run.Archive(run.BuildImage("a.zarr"), "a.zip");
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a.zip", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_archive_without_a_dataset_exits_2_without_a_request()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        new ZipBuilder().AddStored("notes/readme.txt", "no zarr here").Write(Path.Combine(run.InputDir, "notes.zip"));

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no OME-Zarr dataset found", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_invalid_dataset_exits_1_with_its_findings_logged_and_without_a_request()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("bad.zarr", extra: b => b.EditJson(".zattrs", attrs => attrs["multiscales"]![0]!.AsObject().Remove("axes")));
        run.Archive(image, "bad.zip", prefix: "bad.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not valid OME-Zarr", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => l.Contains(" - WARNING - validation error ", StringComparison.Ordinal));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Hostile_entries_exit_2_and_nothing_is_written_or_sent()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        new ZipBuilder()
            .AddStored("a.zarr/.zgroup", "{\"zarr_format\":2}")
            .AddStored("../../escaped.txt", "boo")
            .Write(Path.Combine(run.InputDir, "evil.zip"));

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'..'", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
        Assert.Empty(Directory.EnumerateFileSystemEntries(run.OutputDir));
    }
}
