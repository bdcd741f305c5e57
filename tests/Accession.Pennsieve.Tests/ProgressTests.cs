using System.Text.RegularExpressions;
using Accession.Cli.Terminal;
using Accession.TestKit.Pennsieve;
using Microsoft.Extensions.Time.Testing;

namespace Accession.Pennsieve.Tests;

/// <summary>
/// Upload progress through the CLI's progress display: a status line with files, bytes, rate and time
/// left on a terminal, erased before log lines; a log line every few seconds otherwise; nothing with
/// <c>--no-progress</c>. The display's clock is a fake moved on while the uploads run, so nothing waits on time.
/// </summary>
public class ProgressTests
{
    private const string EraseLine = "\r\u001b[K";

    private static async Task<(ImportResult Result, FakeImport Import)> RunWithClockAsync(bool errorIsTerminal, TimeSpan tick, params string[] options)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment["UPLOAD_WORKERS"] = "1";
        run.Archive(run.BuildImage("image.zarr"), "image.zip", prefix: "image.zarr/");
        var time = new FakeTimeProvider();
        var console = new CommandConsole(() => Stream.Null, errorIsTerminal) { Time = time };

        // Slow PUTs keep the uploads running while the clock moves; the first stored files prove they started.
        fake.Faults.Delay(PennsieveRoute.Put, TimeSpan.FromMilliseconds(50));
        var running = run.RunAsync(console, options);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await fake.WaitUntilAsync(f => f.Objects.Count >= 2, timeout.Token);
        }

        time.Advance(tick);
        var result = await running;
        return (result, Assert.Single(fake.Imports));
    }

    [Fact]
    public async Task On_a_terminal_a_status_line_shows_files_bytes_rate_and_time_left_and_is_erased_before_the_summary()
    {
        var (result, import) = await RunWithClockAsync(true, ByteProgress.RedrawInterval);

        Assert.Equal(0, result.ExitCode);
        var files = import.Files.Count;
        Assert.Matches(new Regex($@"\r\u001b\[K\d+/{files} files, [0-9.]+ \S+ of [0-9.]+ \S+ \(\d+%\), [0-9.]+ \S+/s"), result.Error);
        var summary = result.Error.IndexOf($"import {import.Id}: asset 'image.zarr', {files}/{files} files", StringComparison.Ordinal);
        Assert.True(summary > result.Error.LastIndexOf(EraseLine, StringComparison.Ordinal), "the status line is erased before the summary");
        Assert.Contains(result.ErrorLines, l => l.Contains("0 retries, 0 re-logins, 0 presigned again;", StringComparison.Ordinal) && l.EndsWith(" s.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_terminal_progress_is_a_log_line_in_the_processors_format()
    {
        var (result, import) = await RunWithClockAsync(false, ByteProgress.LogInterval);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(EraseLine, result.Error, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => Regex.IsMatch(l, $@"^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d,\d{{3}} - INFO - uploads: \d+/{import.Files.Count} files, "));
    }

    [Fact]
    public async Task No_progress_shows_none_even_on_a_terminal()
    {
        var (result, _) = await RunWithClockAsync(true, ByteProgress.LogInterval, "--no-progress");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(EraseLine, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains("uploads:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_and_no_progress_together_are_a_usage_error()
    {
        using var run = new ImportRun();
        var result = await run.RunAsync("--progress", "--no-progress");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["accession pennsieve-import: --progress cannot be used with --no-progress"], result.CommandErrors);
    }
}
