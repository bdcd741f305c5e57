namespace Accession.Iscc.TreeWalk;

/// <summary>
/// The ignore patterns in force in one folder: those of every <c>.isccignore</c> from the walk root
/// down to the folder, parents first (iscc-sum docs/specifications/treewalk.md §5.2). The last
/// matching pattern decides, so a child folder's patterns override its parents'. All patterns match
/// paths relative to the walk root, as in iscc-sum 0.1.0.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly IgnorePattern[] _patterns;

    private IgnoreRules(IgnorePattern[] patterns)
    {
        _patterns = patterns;
    }

    public static IgnoreRules Empty { get; } = new([]);

    public int Count => _patterns.Length;

    /// <summary>These rules followed by <paramref name="patterns"/> (which take precedence).</summary>
    public IgnoreRules Extend(IReadOnlyCollection<IgnorePattern> patterns) =>
        patterns.Count == 0 ? this : new IgnoreRules([.. _patterns, .. patterns]);

    /// <summary>True when a file at <paramref name="relativePath"/> is ignored.</summary>
    public bool IsIgnored(string relativePath)
    {
        var ignored = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(relativePath))
            {
                ignored = pattern.Excludes;
            }
        }

        return ignored;
    }

    /// <summary>
    /// True when the walk must not enter the folder at <paramref name="relativePath"/>: the folder must
    /// be ignored both with and without a trailing slash, so <c>!name/</c> can keep a folder that
    /// <c>*</c> would drop.
    /// </summary>
    public bool IsIgnoredFolder(string relativePath) =>
        IsIgnored(relativePath + "/") && IsIgnored(relativePath);

    /// <summary>
    /// Parses the text of an ignore file. Lines that are not valid patterns are skipped and described
    /// in <paramref name="errors"/> (with their line number).
    /// </summary>
    public static List<IgnorePattern> ParseFile(string text, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var patterns = new List<IgnorePattern>();
        var lineNumber = 0;
        foreach (var line in text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            lineNumber++;
            try
            {
                if (IgnorePattern.Parse(line) is { } pattern)
                {
                    patterns.Add(pattern);
                }
            }
            catch (FormatException e)
            {
                errors.Add($"line {lineNumber}: {e.Message}");
            }
        }

        return patterns;
    }
}
