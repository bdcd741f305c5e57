using System.Text;
using System.Text.RegularExpressions;

namespace Accession.Iscc.TreeWalk;

/// <summary>
/// One line of an <c>.isccignore</c> file: a gitignore-style ("gitwildmatch") pattern matched against a
/// path relative to the walk root (iscc-sum docs/specifications/treewalk.md §5, TREEWALK-IGNORE).
/// The translation follows the matcher iscc-sum 0.1.0 uses (pathspec 0.12, <c>GitWildMatchPattern</c>)
/// so that folders hash to the same ISCC-SUM: a name without a slash matches at any depth, a leading
/// slash or an inner slash anchors at the root, a trailing slash matches only below a folder of that
/// name, <c>**</c> spans folders, <c>!</c> re-includes, <c>#</c> starts a comment. Patterns come from
/// the trees being hashed, so they are matched without backtracking: a hostile pattern costs time
/// linear in the path's length, never exponential.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex _regex;

    private IgnorePattern(string text, Regex regex, bool excludes)
    {
        Text = text;
        _regex = regex;
        Excludes = excludes;
    }

    /// <summary>The pattern as written in the file.</summary>
    public string Text { get; }

    /// <summary>True when a match ignores the path; false for a <c>!</c> pattern that re-includes it.</summary>
    public bool Excludes { get; }

    /// <summary>True when <paramref name="relativePath"/> (with <c>/</c> separators) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    /// <summary>
    /// Parses one line; null for blank lines, comments and the lone <c>/</c>.
    /// Throws <see cref="FormatException"/> for a pattern that cannot match anything meaningful.
    /// </summary>
    public static IgnorePattern? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // A trailing "\ " keeps its escaped space, so only leading whitespace goes.
        var pattern = line.EndsWith("\\ ", StringComparison.Ordinal) ? line.TrimStart() : line.Trim();
        if (pattern.Length == 0 || pattern[0] == '#' || pattern == "/")
        {
            return null;
        }

        var excludes = true;
        if (pattern[0] == '!')
        {
            excludes = false;
            pattern = pattern[1..];
        }

        var regex = ToRegex(pattern)
            ?? throw new FormatException($"'{line.Trim()}' is not a valid ignore pattern.");
        try
        {
            return new IgnorePattern(line.Trim(), new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), excludes);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new FormatException($"'{line.Trim()}' is not a valid ignore pattern.", e);
        }
    }

    private static string? ToRegex(string pattern)
    {
        var segments = pattern.Split('/').ToList();

        // Runs of "**" segments mean the same as one.
        for (var i = segments.Count - 1; i > 0; i--)
        {
            if (segments[i] == "**" && segments[i - 1] == "**")
            {
                segments.RemoveAt(i);
            }
        }

        // "**/" matches everything except files directly in the root.
        if (segments is ["**", ""])
        {
            return "^.+/.*$";
        }

        if (segments[0].Length == 0)
        {
            // A leading slash anchors the pattern at the root.
            segments.RemoveAt(0);
        }
        else if (segments.Count == 1 || (segments.Count == 2 && segments[1].Length == 0))
        {
            // A single name (optionally with a trailing slash) matches at any depth.
            if (segments[0] != "**")
            {
                segments.Insert(0, "**");
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        if (segments.Count > 1 && segments[^1].Length == 0)
        {
            // A trailing slash matches everything below the folder.
            segments[^1] = "**";
        }

        var output = new StringBuilder("^");
        var needSlash = false;
        var last = segments.Count - 1;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment == "**")
            {
                if (i == 0 && i == last)
                {
                    output.Append("[^/]+(?:/.*)?");
                }
                else if (i == 0)
                {
                    output.Append("(?:.+/)?");
                    needSlash = false;
                }
                else if (i == last)
                {
                    output.Append("/.*");
                }
                else
                {
                    output.Append("(?:/.+)?");
                    needSlash = true;
                }

                continue;
            }

            if (needSlash)
            {
                output.Append('/');
            }

            if (segment == "*")
            {
                output.Append("[^/]+");
            }
            else
            {
                var glob = TranslateSegment(segment);
                if (glob is null)
                {
                    return null;
                }

                output.Append(glob);
            }

            if (i == last)
            {
                // Without a trailing slash a name matches a file or a folder and all below it.
                output.Append("(?:/.*)?");
            }

            needSlash = true;
        }

        return output.Append('$').ToString();
    }

    // One path segment of glob syntax: * ? [...] and backslash escapes.
    private static string? TranslateSegment(string segment)
    {
        var regex = new StringBuilder();
        var escape = false;
        var i = 0;
        while (i < segment.Length)
        {
            var c = segment[i++];
            if (escape)
            {
                escape = false;
                regex.Append(Regex.Escape(c.ToString()));
            }
            else if (c == '\\')
            {
                escape = true;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                // One character is one code point, as in Python: a surrogate pair counts once.
                regex.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^/])");
            }
            else if (c == '[')
            {
                var j = i;
                if (j < segment.Length && segment[j] is '!' or '^')
                {
                    j++;
                }

                if (j < segment.Length && segment[j] == ']')
                {
                    j++;
                }

                while (j < segment.Length && segment[j] != ']')
                {
                    j++;
                }

                if (j < segment.Length)
                {
                    j++;
                    regex.Append('[');
                    if (segment[i] is '!' or '^')
                    {
                        regex.Append('^');
                        i++;
                    }

                    regex.Append(segment[i..j].Replace("\\", "\\\\", StringComparison.Ordinal));
                    i = j;
                }
                else
                {
                    regex.Append("\\[");
                }
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return escape ? null : regex.ToString();
    }
}
