using Accession.Pennsieve.Configuration;
using Accession.Pennsieve.Processor;
using Accession.TestKit.Pennsieve;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accession.Pennsieve.Tests;

public class ResumeTests
{
    [Fact]
    public async Task A_run_stopped_mid_upload_is_resumed_without_uploading_any_file_twice()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment["UPLOAD_WORKERS"] = "2";
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        var expected = ImportRun.Files(image);
        fake.Faults.Delay(PennsieveRoute.Put, TimeSpan.FromMilliseconds(100));

        // First run: stopped once a few files are stored.
        var settings = SettingsReader.Read(name => run.Environment.GetValueOrDefault(name));
        using var stop = new CancellationTokenSource();
        var first = new ImportProcessor(settings, NullLogger.Instance, _ => "{}").RunAsync(stop.Token);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await fake.WaitUntilAsync(f => f.Objects.Count >= 3, timeout.Token);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var storedBefore = fake.Objects.Count;
        Assert.InRange(storedBefore, 3, expected.Count - 1);

        // Second run: the same import, only the rest uploaded.
        fake.Faults.Reset();
        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.CreateImport);
        Assert.All(import.Files, f => Assert.Equal(1, fake.Uploads(import.Id, f.UploadKey)));
        foreach (var (relative, bytes) in expected)
        {
            var file = import.Files.Single(f => f.FilePath == "image.zarr/" + relative);
            Assert.Equal(bytes, fake.FindObject(import.Id, file.UploadKey)!.ReadAllBytes());
        }

        Assert.Contains(result.ErrorLines, l => l.Contains("resuming", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(run.OutputDir));
    }

    [Fact]
    public async Task A_journal_of_another_archive_is_not_resumed()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var archive = run.Archive(run.BuildImage("image.zarr"), "image.zip", prefix: "image.zarr/");
        fake.Faults.FailPuts(500, tries: 100);
        Assert.Equal(1, (await run.RunAsync()).ExitCode);
        Assert.True(File.Exists(Path.Combine(run.OutputDir, ".image.import-journal")));

        fake.Faults.Reset();
        File.Delete(archive);
        run.Archive(run.BuildImage("other.zarr"), "image.zip", prefix: "image.zarr/");
        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, fake.Imports.Count);
        Assert.False(File.Exists(Path.Combine(run.OutputDir, ".image.import-journal")));
    }
}
