using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Accession.Cli.Terminal;

/// <summary>
/// A logger that writes one plain line per message to a writer (stderr), in the Python processor's
/// format <c>2026-01-31 12:00:00,123 - INFO - message</c> (shared/specs/pennsieve-import.md §1.13),
/// so existing log parsing keeps working. A progress status line on the same stderr is erased before
/// each line and drawn again later. Thread-safe: lines from several workers never interleave.
/// </summary>
internal sealed class LineLogger(TextWriter writer, LogLevel minimum = LogLevel.Information) : ILogger
{
    private readonly Lock _gate = new();
    private ByteProgress _progress = ByteProgress.None;

    /// <summary>The progress display drawing on the same writer now, if any.</summary>
    public ByteProgress Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value ?? ByteProgress.None);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss,fff} - {Level(logLevel)} - {formatter(state, exception).ReplaceLineEndings(" ")}\n");
        using (Progress.Quiet())
        {
            lock (_gate)
            {
                writer.Write(line);
                writer.Flush();
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };
}
