using System.Globalization;
using Accession.Cli.Terminal;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Formats checksum lines like iscc-sum 0.1.0 (shared/specs/iscc-sum.md §4.3): <c>ISCC:… *path</c>, or
/// with <c>--tag</c> <c>ISCC-SUM (path) = ISCC:…</c>; units as indented lines; <c>--similar</c> members
/// as <c>␣␣~NN</c> lines; each line ends with LF, or NUL with <c>-z</c>. Paths are escaped as
/// <see cref="ChecksumPath"/> describes (not with <c>-z</c>). Each record is flushed as soon as it is
/// written, unless <paramref name="seenWhenComplete"/> (a <c>-o</c> file, which nobody sees before it is
/// moved into place, so flushing would only cost a system call per batch), and none is written once
/// <paramref name="stop"/> is cancelled (a signal arrived).
/// </summary>
internal sealed class SumWriter(TextWriter writer, bool tag, bool zero, ByteProgress progress, CancellationToken stop, bool seenWhenComplete = false)
{
    private string Terminator { get; } = zero ? "\0" : "\n";

    /// <summary>Lines written so far (blank separators excluded).</summary>
    public int Lines { get; private set; }

    /// <summary>
    /// One checksum line, followed by its units (with <c>--units</c>); flushed at once, or with
    /// <paramref name="flush"/> false by the caller's <see cref="Flush"/> after a batch of lines known together.
    /// </summary>
    public void WriteSum(string code, string path, IEnumerable<string>? units = null, bool flush = true)
    {
        Start();
        using (progress.Quiet())
        {
            Line(Format(code, path));
            foreach (var unit in units ?? [])
            {
                Line("  " + unit);
            }

            if (flush)
            {
                Send();
            }
        }
    }

    /// <summary>Sends the lines written so far.</summary>
    public void Flush()
    {
        using (progress.Quiet())
        {
            Send();
        }
    }

    /// <summary>A member of a similarity group with its Hamming distance to the group's first file.</summary>
    public void WriteSimilar(string code, string path, int distance)
    {
        Start();
        using (progress.Quiet())
        {
            Line($"  ~{distance.ToString("00", CultureInfo.InvariantCulture)} {Format(code, path)}");
            Send();
        }
    }

    /// <summary>The blank line between similarity groups (none with <c>-z</c>, as iscc-sum).</summary>
    public void WriteGroupSeparator()
    {
        if (!zero)
        {
            writer.Write('\n');
        }
    }

    /// <summary>A bare line, for <c>--walk</c>; with <paramref name="flush"/> false sent by the caller's <see cref="Flush"/>.</summary>
    public void WriteLine(string text, bool flush = true)
    {
        Start();
        using (progress.Quiet())
        {
            Line(text);
            if (flush)
            {
                Send();
            }
        }
    }

    private string Format(string code, string path)
    {
        var (escaped, name) = zero ? (false, path) : ChecksumPath.Escape(path);
        var line = tag ? $"ISCC-SUM ({name}) = {code}" : $"{code} *{name}";
        return escaped ? "\\" + line : line;
    }

    private void Start() => stop.ThrowIfCancellationRequested();

    private void Send()
    {
        if (!seenWhenComplete)
        {
            writer.Flush();
        }
    }

    private void Line(string text)
    {
        writer.Write(text);
        writer.Write(Terminator);
        Lines++;
    }
}
