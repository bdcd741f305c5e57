using System.CommandLine;
using System.CommandLine.Parsing;

namespace Accession.Cli;

/// <summary>
/// Finds a word that looks like an option but names none, which System.CommandLine would otherwise hand
/// to a command's file arguments (<c>iscc --narow f</c> hashed <c>f</c> and reported <c>--narow</c> missing).
/// Words after <c>--</c> are arguments, and a lone <c>-</c> means standard input.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>The first unknown option with a suggestion, or null when there is none.</summary>
    public static string? Find(ParseResult parseResult)
    {
        var endOfOptions = parseResult.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var arguments = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        var tokens = endOfOptions < 0 ? parseResult.Tokens : parseResult.Tokens.Take(endOfOptions);
        var unknown = tokens.Where(arguments.Contains).Select(t => t.Value).Concat(parseResult.UnmatchedTokens)
            .FirstOrDefault(word => word.Length > 1 && word[0] == '-');
        if (unknown is null)
        {
            return null;
        }

        var suggestion = Closest(unknown, parseResult.CommandResult.Command);
        return suggestion is null
            ? $"unknown option '{unknown}'."
            : $"unknown option '{unknown}'; did you mean '{suggestion}'?";
    }

    private static string? Closest(string typed, Command command)
    {
        var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        var best = names.Select(n => (Name: n, Distance: Distance(typed, n))).OrderBy(c => c.Distance).FirstOrDefault();

        // More than a third of the letters wrong is a different word, not a typo.
        return best.Name is not null && best.Distance <= Math.Max(1, best.Name.Length / 3) ? best.Name : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
