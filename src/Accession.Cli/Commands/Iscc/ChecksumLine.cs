using System.Text.RegularExpressions;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// One line of a checksum file, in either form iscc-sum writes (shared/specs/iscc-sum.md §4.3):
/// <c>ISCC:… *path</c> or <c>ISCC-SUM (path) = ISCC:…</c>, optionally escaped (<see cref="ChecksumPath"/>).
/// A path ending in <c>/</c> is a folder hashed with <c>--tree</c>. Only a well-formed ISCC-SUM makes a
/// checksum line; anything else is an improperly formatted line, never a failed file.
/// </summary>
internal sealed partial record ChecksumLine(string Code, string Path)
{
    /// <summary>True for a <c>--tree</c> line (the path ends with a slash).</summary>
    public bool IsTree => Path.EndsWith('/');

    /// <summary>Narrow codes (ISO 24138, 2×64 bits) are shorter than 35 characters; wide ones longer.</summary>
    public IsccSumWidth Width => Code.Length >= 35 ? IsccSumWidth.Wide : IsccSumWidth.Narrow;

    /// <summary>The line's content, or null when it is not a checksum line.</summary>
    public static ChecksumLine? Parse(string line, bool escapes = true)
    {
        ArgumentNullException.ThrowIfNull(line);
        var escaped = escapes && line.StartsWith('\\');
        var text = escaped ? line[1..] : line;
        var match = TaggedForm().Match(text) is { Success: true } tagged ? (Code: tagged.Groups[2].Value, Path: tagged.Groups[1].Value)
            : PlainForm().Match(text) is { Success: true } plain ? (Code: plain.Groups[1].Value, Path: plain.Groups[2].Value)
            : default;
        if (match.Code is null || !IsSum(match.Code))
        {
            return null;
        }

        var path = escaped ? ChecksumPath.Unescape(match.Path) : match.Path;
        return path is null ? null : new ChecksumLine(match.Code, path);
    }

    /// <summary>True for a unit line of <c>--units</c> output: two spaces and a Data-Code or Instance-Code.</summary>
    public static bool IsUnitLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return UnitForm().IsMatch(line)
            && IsccCode.TryParse(line[2..], out var unit)
            && unit.MainType is MainType.Data or MainType.Instance
            && unit.ToString() == line[2..];
    }

    // An ISCC-SUM (§3.3): header 55 00 or 57 00 and exactly the body that header announces, written
    // in canonical form; a truncated or retyped code is a malformed line.
    private static bool IsSum(string code) =>
        IsccCode.TryParse(code, out var sum)
        && sum.MainType == MainType.Iscc
        && sum.Header.SubType is IsccSubTypes.IsccSum or IsccSubTypes.IsccWide
        && sum.Header.Version == 0
        && sum.Header.Length == 0
        && sum.ToString() == code;

    [GeneratedRegex(@"^ISCC-SUM \((.+)\) = (ISCC:[A-Z0-9]+)\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TaggedForm();

    [GeneratedRegex(@"^(ISCC:[A-Z0-9]+) \*(.+)\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PlainForm();

    [GeneratedRegex(@"^  ISCC:[A-Z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitForm();
}
