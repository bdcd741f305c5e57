using System.Globalization;

namespace Accession.Cli.Terminal;

/// <summary>How a run shows its progress on stderr (shared/DESIGN.md "One voice for every command").</summary>
internal enum ProgressMode
{
    /// <summary>Nothing (<c>--no-progress</c>, <c>--status</c>).</summary>
    Off,

    /// <summary>One status line redrawn in place: stderr is a terminal, or <c>--progress</c>.</summary>
    Line,

    /// <summary>A log line every few seconds: stderr is a file or pipe.</summary>
    Log,
}

/// <summary>
/// Progress of long work on stderr (hashing, uploads): bytes done, files done when they were counted,
/// rate and time left, as one status line redrawn in place on a terminal, or as a log line every few
/// seconds otherwise. Result lines on stdout never get mixed into the status line: writers hold <see cref="Quiet"/> while they write, and the line is drawn again on the
/// next tick. Thread-safe: the engine reports from its threads, a timer draws.
/// </summary>
internal sealed class ByteProgress : IDisposable
{
    /// <summary>How often a terminal status line is redrawn.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a progress line is logged when stderr is not a terminal.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private const int LineWidth = 79;
    private const string EraseLine = "\r\u001b[K";

    private readonly ProgressMode _mode;
    private readonly TextWriter _error;
    private readonly string _program;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Action<string>? _log;
    private readonly ITimer? _timer;
    private readonly Lock _drawing = new();
    private long _total;
    private long _completed;
    private long _filesTotal;
    private long _filesCompleted;
    private long _current;
    private string _description = string.Empty;
    private bool _lineShown;

    /// <param name="mode">How progress is shown.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="program">Starts each log line (<c>accession: progress: …</c>).</param>
    /// <param name="time">The clock that draws and measures the rate.</param>
    /// <param name="log">In <see cref="ProgressMode.Log"/>, receives each progress text instead of stderr (a command's own log format).</param>
    public ByteProgress(ProgressMode mode, TextWriter error, string program, TimeProvider time, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _mode = mode;
        _error = error;
        _program = program;
        _time = time;
        _log = log;
        _start = time.GetTimestamp();
        if (mode != ProgressMode.Off)
        {
            var interval = mode == ProgressMode.Line ? RedrawInterval : LogInterval;
            _timer = time.CreateTimer(_ => Draw(), null, interval, interval);
        }
    }

    /// <summary>A progress that shows nothing.</summary>
    public static ByteProgress None { get; } = new(ProgressMode.Off, TextWriter.Null, string.Empty, TimeProvider.System);

    /// <summary>Adds <paramref name="bytes"/> to the work expected (0 when unknown, e.g. standard input).</summary>
    public void Expect(long bytes) => Interlocked.Add(ref _total, bytes);

    /// <summary>
    /// Adds <paramref name="files"/> files of <paramref name="bytes"/> bytes to the work expected; from
    /// then on the display counts files too, each <see cref="Complete"/> being one file.
    /// </summary>
    public void Expect(long bytes, int files)
    {
        Interlocked.Add(ref _filesTotal, files);
        Expect(bytes);
    }

    /// <summary>
    /// A sink for one input's progress: the engine reports bytes of that input hashed so far, and the
    /// display adds them to what earlier inputs completed. Null when nothing is shown.
    /// </summary>
    public IProgress<long>? ForInput(string description)
    {
        if (_mode == ProgressMode.Off)
        {
            return null;
        }

        Volatile.Write(ref _description, OneLineName.Of(description));
        Interlocked.Exchange(ref _current, 0);
        return new Sink(this);
    }

    /// <summary>Marks an input of <paramref name="length"/> bytes as done (also when it failed or was skipped).</summary>
    public void Complete(long length)
    {
        Interlocked.Increment(ref _filesCompleted);
        Interlocked.Add(ref _completed, length);
        Interlocked.Exchange(ref _current, 0);
    }

    /// <summary>
    /// Erases the status line and keeps it away until the scope ends, so a line written inside the scope
    /// (a result on stdout, a message on stderr) starts at the left margin and stays intact.
    /// </summary>
    public Lock.Scope Quiet()
    {
        var scope = _drawing.EnterScope();
        if (_lineShown)
        {
            _lineShown = false;
            try
            {
                _error.Write(EraseLine);
                _error.Flush();
            }
            catch (IOException)
            {
                // See Draw.
            }
        }

        return scope;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        using (Quiet())
        {
        }
    }

    private void Draw()
    {
        var done = Interlocked.Read(ref _completed) + Interlocked.Read(ref _current);
        var total = Interlocked.Read(ref _total);
        var seconds = _time.GetElapsedTime(_start).TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var files = Interlocked.Read(ref _filesTotal) is > 0 and var expected
            ? string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref _filesCompleted)}/{expected} files, ")
            : string.Empty;
        var text = total > 0 && done <= total
            ? string.Create(CultureInfo.InvariantCulture, $"{files}{Size(done)} of {Size(total)} ({100 * done / total}%), {Size((long)rate)}/s{Left(total - done, rate)}")
            : string.Create(CultureInfo.InvariantCulture, $"{files}{Size(done)}, {Size((long)rate)}/s");
        lock (_drawing)
        {
            try
            {
                if (_mode == ProgressMode.Log && _log is not null)
                {
                    _log(text);
                    return;
                }

                if (_mode == ProgressMode.Log)
                {
                    _error.Write($"{_program}: progress: {text}\n");
                }
                else
                {
                    var description = Volatile.Read(ref _description);
                    var line = description.Length == 0 ? text : $"{description}  {text}";
                    _error.Write(EraseLine + (line.Length > LineWidth ? "…" + line[^(LineWidth - 1)..] : line));
                    _lineShown = true;
                }

                _error.Flush();
            }
            catch (IOException)
            {
                // Progress is a courtesy: a stderr that cannot be written must not stop the work.
            }
        }
    }

    private static string Left(long remaining, double rate) =>
        rate <= 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", about {TimeSpan.FromSeconds(Math.Ceiling(remaining / rate)):g} left");

    private static string Size(long bytes) => ByteSize.Format(bytes, "0.0");

    private sealed class Sink(ByteProgress owner) : IProgress<long>
    {
        public void Report(long value) => Interlocked.Exchange(ref owner._current, value);
    }
}
