using System.Globalization;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Formats checksum lines like iscc-sum 0.1.0 (shared/specs/iscc-sum.md §4.3): <c>ISCC:… *path</c>, or
/// with <c>--tag</c> <c>ISCC-SUM (path) = ISCC:…</c>; units as indented lines; <c>--similar</c> members
/// as <c>␣␣~NN</c> lines; each line ends with LF, or NUL with <c>-z</c>.
/// </summary>
internal sealed class SumWriter(TextWriter writer, bool tag, bool zero)
{
    private string Terminator { get; } = zero ? "\0" : "\n";

    /// <summary>Lines written so far (blank separators excluded).</summary>
    public int Lines { get; private set; }

    public void WriteSum(string code, string path) => Line(Format(code, path));

    public void WriteUnits(IEnumerable<string> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var unit in units)
        {
            Line("  " + unit);
        }
    }

    /// <summary>A member of a similarity group with its Hamming distance to the group's first file.</summary>
    public void WriteSimilar(string code, string path, int distance) =>
        Line($"  ~{distance.ToString("00", CultureInfo.InvariantCulture)} {Format(code, path)}");

    /// <summary>The blank line between similarity groups (none with <c>-z</c>, as iscc-sum).</summary>
    public void WriteGroupSeparator()
    {
        if (!zero)
        {
            writer.Write('\n');
        }
    }

    /// <summary>A bare line, for <c>--walk</c>.</summary>
    public void WriteLine(string text) => Line(text);

    private string Format(string code, string path) => tag ? $"ISCC-SUM ({path}) = {code}" : $"{code} *{path}";

    private void Line(string text)
    {
        writer.Write(text);
        writer.Write(Terminator);
        Lines++;
    }
}
