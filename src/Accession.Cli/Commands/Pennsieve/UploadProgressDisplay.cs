using Accession.Cli.Terminal;
using Accession.Pennsieve.Processor;
using Microsoft.Extensions.Logging;

namespace Accession.Cli.Commands.Pennsieve;

/// <summary>
/// Shows an import's uploads with the CLI's one progress display (<see cref="ByteProgress"/>): files and
/// bytes done, rate and time left, from the first upload to the last; a status line on a terminal, a
/// log line in the processor's format every few seconds otherwise. Log lines erase the status line
/// while they are written. Thread-safe.
/// </summary>
internal sealed partial class UploadProgressDisplay(ProgressMode mode, TextWriter error, TimeProvider time, LineLogger logger) : IUploadProgress
{
    private ByteProgress? _progress;

    public void Started(int files, long bytes)
    {
        var progress = new ByteProgress(mode, error, CliApplication.ProgramName, time, line => LogProgress(logger, line));
        progress.Expect(bytes, files);
        Volatile.Write(ref _progress, progress);
        logger.Progress = progress;
    }

    public void FileUploaded(long bytes) => Volatile.Read(ref _progress)?.Complete(bytes);

    public void Stopped()
    {
        // Stopped first: the timer is gone and the line erased before log lines stop minding it.
        Interlocked.Exchange(ref _progress, null)?.Dispose();
        logger.Progress = ByteProgress.None;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "uploads: {Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);
}
