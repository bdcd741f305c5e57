using System.Diagnostics;
using System.Globalization;
using Accession.Pennsieve.Http;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// Reports upload progress every few seconds while uploads run (shared/DESIGN.md "One voice":
/// periodic lines when the output is not a terminal). Stops when disposed.
/// </summary>
internal sealed class ImportProgress : IAsyncDisposable
{
    /// <summary>How often a progress line is written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ImportProgress(TransferCounters counters, int files, long bytes, Action<string> report)
    {
        var started = Stopwatch.GetTimestamp();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    report(Describe(counters, files, bytes, Stopwatch.GetElapsedTime(started)));
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed: the uploads are over.
            }
        });
    }

    internal static string Describe(TransferCounters counters, int files, long bytes, TimeSpan elapsed)
    {
        var done = counters.BytesUploaded;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((bytes - done) / rate) : (TimeSpan?)null;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"uploaded {counters.FilesUploaded}/{files} files, {done / 1e6:F1}/{bytes / 1e6:F1} MB, {rate / 1e6:F1} MB/s, {counters.FilesFailed} failed, ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown")}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
