using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Accession.TestKit;
using Accession.TestKit.Archives;
using Accession.TestKit.OmeZarr;
using Accession.TestKit.Pennsieve;

namespace Accession.Cli.Tests.Pennsieve;

/// <summary>
/// SIGTERM, as the workflow runner sends it to stop a task, delivered to the shipped executable in the
/// middle of an import against the fake Pennsieve: a bounded stop with exit 143 and a summary of what was
/// uploaded, and a journal that lets the next run finish the same import without sending a file twice.
/// </summary>
[Trait("Category", "Process")]
public class PennsieveImportSignalTests
{
    /// <summary>How long the stop may take: the uploads' grace period (1.5 s) plus a loaded machine's slack.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_mid_upload_stops_promptly_with_143_and_a_rerun_finishes_the_import_without_uploading_any_file_twice()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var temp = new TempFolder();
        var image = BuildImage(Path.Combine(temp.Path, "staging", "image.zarr"));
        var input = Directory.CreateDirectory(Path.Combine(temp.Path, "input")).FullName;
        var output = Path.Combine(temp.Path, "output");
        SampleArchives.Build(image, Path.Combine(input, "image.zip"), prefix: "image.zarr/");
        var environment = new Dictionary<string, string?>
        {
            ["INPUT_DIR"] = input,
            ["OUTPUT_DIR"] = output,
            ["IMPORTER_ENABLED"] = "true",
            ["PENNSIEVE_API_HOST"] = fake.BaseUrl,
            ["PENNSIEVE_API_HOST2"] = fake.BaseUrl,
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = fake.BaseUrl,
            ["PENNSIEVE_API_KEY"] = fake.Seed.ApiKey,
            ["PENNSIEVE_API_SECRET"] = fake.Seed.ApiSecret,
            ["INTEGRATION_ID"] = fake.Seed.WorkflowRun.Id,
            ["UPLOAD_WORKERS"] = "2",
            ["RETRY_BASE_DELAY_MS"] = "1",
        };

        // Slow PUTs: the signal arrives with most files still to go and two PUTs in flight.
        fake.Faults.Delay(PennsieveRoute.Put, TimeSpan.FromMilliseconds(200));
        string firstError;
        using (var first = CliProcess.Start(["pennsieve-import"], environment: environment))
        {
            var error = first.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(CliProcess.Patience))
            {
                await fake.WaitUntilAsync(f => f.Objects.Count >= 4, timeout.Token);
            }

            var stopping = Stopwatch.StartNew();
            await AccessionProgram.SignalAsync(first, "TERM");
            await first.WaitForExitAsync().WaitAsync(CliProcess.Patience);
            Assert.True(stopping.Elapsed < StopBound, $"stopped after {stopping.Elapsed}");
            firstError = await error;
            Assert.True(first.ExitCode == 143, firstError);
        }

        var import = Assert.Single(fake.Imports);
        var stored = fake.Objects.Count;
        Assert.InRange(stored, 4, import.Files.Count - 1);
        var summary = Regex.Match(firstError, $@"import {Regex.Escape(import.Id)}: asset 'image\.zarr', (\d+)/{import.Files.Count} files and \d+/\d+ bytes uploaded");
        Assert.True(summary.Success, firstError);
        Assert.Equal(stored, int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("accession pennsieve-import: stopped before the import finished; the summary above says what was uploaded.\n", firstError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, ".image.import-journal")), "the journal is kept for the rerun");

        fake.Faults.Reset();
        using (var second = CliProcess.Start(["pennsieve-import"], environment: environment))
        {
            var error = second.StandardError.ReadToEndAsync();
            await second.WaitForExitAsync().WaitAsync(CliProcess.Patience);
            var secondError = await error;
            Assert.True(second.ExitCode == 0, secondError);
            Assert.Contains($"import_id={import.Id} resuming: {stored} files uploaded by an earlier run", secondError, StringComparison.Ordinal);
        }

        import = Assert.Single(fake.Imports);
        Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.CreateImport);
        foreach (var (relative, full) in FolderFiles.List(image))
        {
            var file = Assert.Single(import.Files, f => f.FilePath == "image.zarr/" + relative);
            Assert.Equal(1, fake.Uploads(import.Id, file.UploadKey));
            Assert.Equal(File.ReadAllBytes(full), fake.FindObject(import.Id, file.UploadKey)!.ReadAllBytes());
        }

        Assert.Equal(import.Files.Count, fake.Objects.Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    /// <summary>A valid image of 64 + 16 chunks of random bytes: enough files for the signal to land mid-upload.</summary>
    private static string BuildImage(string folder)
    {
        new OmeZarrBuilder(folder)
            .Image(string.Empty, ["y", "x"], [[32, 32], [16, 16]], chunks: [4, 4])
            .AllChunks("0", [32, 32], [4, 4])
            .AllChunks("1", [16, 16], [4, 4]);
        foreach (var (relative, full) in FolderFiles.List(folder))
        {
            if (!Path.GetFileName(relative).StartsWith('.'))
            {
                File.WriteAllBytes(full, RandomNumberGenerator.GetBytes((int)new FileInfo(full).Length));
            }
        }

        return folder;
    }
}
