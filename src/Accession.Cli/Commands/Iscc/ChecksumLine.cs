using System.Text.RegularExpressions;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// One line of a checksum file, in either form iscc-sum writes (shared/specs/iscc-sum.md §4.3):
/// <c>ISCC:… *path</c> or <c>ISCC-SUM (path) = ISCC:…</c>. A path ending in <c>/</c> is a folder
/// hashed with <c>--tree</c>.
/// </summary>
internal sealed partial record ChecksumLine(string Code, string Path)
{
    /// <summary>True for a <c>--tree</c> line (the path ends with a slash).</summary>
    public bool IsTree => Path.EndsWith('/');

    /// <summary>Narrow codes (ISO 24138, 2×64 bits) are shorter than 35 characters; wide ones longer.</summary>
    public IsccSumWidth Width => Code.Length >= 35 ? IsccSumWidth.Wide : IsccSumWidth.Narrow;

    /// <summary>The line's content, or null when it is not a checksum line.</summary>
    public static ChecksumLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tagged = TaggedForm().Match(line);
        if (tagged.Success)
        {
            return new ChecksumLine(tagged.Groups[2].Value, tagged.Groups[1].Value);
        }

        var plain = PlainForm().Match(line);
        return plain.Success ? new ChecksumLine(plain.Groups[1].Value, plain.Groups[2].Value) : null;
    }

    [GeneratedRegex(@"^ISCC-SUM \((.+)\) = (ISCC:[A-Z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TaggedForm();

    [GeneratedRegex(@"^(ISCC:[A-Z0-9]+) \*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainForm();
}
