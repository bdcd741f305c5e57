using Spectre.Console;

namespace Accession.Cli.Terminal;

/// <summary>
/// Progress of long hashing work on stderr: a bar with bytes done, rate and time left (Spectre.Console).
/// Shown only when stderr is a terminal and the work is large; otherwise every call is a no-op, so
/// redirected output never carries progress noise.
/// </summary>
internal sealed class ByteProgress
{
    /// <summary>Work below this size finishes too fast for a progress display to help.</summary>
    public const long DefaultThreshold = 64L << 20;

    /// <summary>A progress that shows nothing.</summary>
    public static ByteProgress None { get; } = new(null);

    private readonly ProgressTask? _task;
    private long _completed;

    private ByteProgress(ProgressTask? task)
    {
        _task = task;
    }

    /// <summary>True when a display is shown.</summary>
    public bool IsVisible => _task is not null;

    /// <summary>
    /// Runs <paramref name="work"/> with a progress display for <paramref name="totalBytes"/> when
    /// <paramref name="console"/>'s stderr is a terminal and the total reaches <paramref name="threshold"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        CommandConsole console,
        TextWriter error,
        long totalBytes,
        Func<ByteProgress, Task<T>> work,
        long threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.ErrorIsTerminal || totalBytes < threshold || !ReferenceEquals(error, Console.Error))
        {
            return await work(None).ConfigureAwait(false);
        }

        // Stderr was checked above; Spectre's own detection looks at stdout, which is often redirected.
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return await ansi.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("hashing", autoStart: true, maxValue: totalBytes);
                return await work(new ByteProgress(task)).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }

    /// <summary>
    /// A sink for one input's progress: the engine reports bytes of that input hashed so far, and the
    /// display adds them to what earlier inputs completed.
    /// </summary>
    public IProgress<long>? ForInput(string description)
    {
        if (_task is null)
        {
            return null;
        }

        _task.Description = Markup.Escape(description.Length > 40 ? "…" + description[^39..] : description);
        var start = _completed;
        return new Sink(this, start);
    }

    /// <summary>Marks an input of <paramref name="length"/> bytes as done (also when it failed or was skipped).</summary>
    public void Complete(long length)
    {
        if (_task is null)
        {
            return;
        }

        _completed += length;
        _task.Value = Math.Min(_completed, _task.MaxValue);
    }

    private sealed class Sink(ByteProgress owner, long start) : IProgress<long>
    {
        public void Report(long value)
        {
            var task = owner._task!;
            task.Value = Math.Min(start + value, task.MaxValue);
        }
    }
}
