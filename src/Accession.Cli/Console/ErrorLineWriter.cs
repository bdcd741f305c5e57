using Accession.Iscc.Platform;

namespace Accession.Cli.Terminal;

/// <summary>
/// Writes user errors as one line on stderr that names the thing and says what is wrong
/// (shared/DESIGN.md "One voice for every command"): <c>accession iscc: data/a.bin: No such file or directory</c>.
/// </summary>
internal sealed class ErrorLineWriter(TextWriter error, string program, ByteProgress? progress = null)
{
    private readonly ByteProgress _progress = progress ?? ByteProgress.None;

    /// <summary>How the lines start, e.g. <c>accession iscc</c>.</summary>
    public string Program { get; } = program;

    /// <summary>Number of lines written so far.</summary>
    public int Count { get; private set; }

    /// <summary><c>program: subject: message</c>.</summary>
    public void Write(string subject, string message) => Write($"{FileNameBytes.Printable(subject)}: {message}");

    /// <summary><c>program: message</c>.</summary>
    public void Write(string message)
    {
        Count++;
        using (_progress.Quiet())
        {
            error.Write($"{Program}: {message}\n");
            error.Flush();
        }
    }
}
