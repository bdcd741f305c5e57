
namespace Accession.Cli.Terminal;

/// <summary>
/// Writes user errors as one line on stderr that names the thing and says what is wrong
/// (shared/DESIGN.md "One voice for every command"): <c>accession iscc: data/a.bin: No such file or directory</c>.
/// </summary>
internal sealed class ErrorLineWriter(TextWriter error, string program, ByteProgress? progress = null)
{
    private readonly ByteProgress _progress = progress ?? ByteProgress.None;

    // Lines kept back by a holding writer until they are passed on in their place.
    private List<string>? _held;

    /// <summary>How the lines start, e.g. <c>accession iscc</c>.</summary>
    public string Program { get; } = program;

    /// <summary>Number of lines written so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A writer that keeps its lines until <see cref="PassHeldLinesTo"/>, for work done side by side
    /// whose messages are to appear in the order of the results they belong to.
    /// </summary>
    public static ErrorLineWriter Holding(string program) => new(TextWriter.Null, program) { _held = [] };

    /// <summary>Writes the lines a <see cref="Holding"/> writer kept to <paramref name="target"/>, in order.</summary>
    public void PassHeldLinesTo(ErrorLineWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var message in _held ?? [])
        {
            target.Write(message);
        }

        _held?.Clear();
    }

    /// <summary><c>program: subject: message</c>.</summary>
    public void Write(string subject, string message) => Write($"{OneLineName.Of(subject)}: {message}");

    /// <summary><c>program: message</c>.</summary>
    public void Write(string message)
    {
        Count++;
        if (_held is not null)
        {
            _held.Add(message);
            return;
        }

        using (_progress.Quiet())
        {
            error.Write($"{Program}: {message}\n");
            error.Flush();
        }
    }
}
