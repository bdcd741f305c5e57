using System.Reflection;
using System.Text.RegularExpressions;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>
/// Every requirement keyword of shared/specs/ome-zarr.md is quoted in the coverage table of
/// docs/validation-rules.md, which names the rules that check it or says why it is not checked.
/// </summary>
public sealed partial class SpecCoverageTests
{
    private static readonly string[] SpecLines = File.ReadAllLines(SharedData.Path("specs", "ome-zarr.md"));

    private static readonly string[] DocLines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "docs", "validation-rules.md"));

    [Fact]
    public void Every_requirement_keyword_of_the_spec_is_quoted_in_the_coverage_table()
    {
        var rows = CoverageRows();
        var uncovered = new List<string>();
        foreach (var (section, number, text) in SpecStatements())
        {
            var quotes = rows.Where(r => r.Section == section).Select(r => r.Statement).ToList();
            foreach (Match keyword in Keyword().Matches(text))
            {
                if (!quotes.Any(quote => Covers(text, quote, keyword.Index)))
                {
                    uncovered.Add($"§{section} line {number}: …{text[Math.Max(0, keyword.Index - 40)..Math.Min(text.Length, keyword.Index + 40)]}…");
                }
            }
        }

        Assert.True(uncovered.Count == 0, "Not in the coverage table of docs/validation-rules.md:\n" + string.Join('\n', uncovered));
    }

    [Fact]
    public void Every_quote_is_a_requirement_of_its_section_and_names_existing_rules_or_a_reason()
    {
        var statements = SpecStatements().ToList();
        var catalogue = RuleCatalogue();
        var rows = CoverageRows();

        Assert.True(rows.Count > 50, $"the coverage table has only {rows.Count} rows");
        Assert.All(rows, row =>
        {
            Assert.Matches(Keyword(), row.Statement);
            Assert.True(statements.Any(s => s.Section == row.Section && s.Text.Contains(row.Statement, StringComparison.Ordinal)),
                $"'{row.Statement}' is not a requirement of §{row.Section} of the spec");
            var ids = RuleId().Matches(row.Coverage).Select(m => m.Groups[1].Value).ToList();
            Assert.True(ids.Count > 0 || row.Coverage.StartsWith("Not ", StringComparison.Ordinal),
                $"'{row.Statement}' names no rule and gives no reason");
            Assert.All(ids, id => Assert.True(catalogue.Contains(id), $"'{row.Statement}' names the unknown rule {id}"));
        });
    }

    [Fact]
    public void Every_catalogue_rule_id_is_a_real_rule_and_the_parser_sees_them()
    {
        var catalogue = RuleCatalogue();

        Assert.Contains(DatasetRuleIds.WellImageAcquisitionUnknown, catalogue);
        Assert.Contains(AttributeRules.VersionMissing.Id, catalogue);
        Assert.Equal(["ome-version-missing"], RuleId().Matches("`ome-version-missing` and `field_count`, `image.label`").Select(m => m.Groups[1].Value));
    }

    private static bool Covers(string text, string quote, int position)
    {
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            if (position >= at && position < at + quote.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spec lines holding a requirement keyword, with the number of the section they are in.</summary>
    private static IEnumerable<(string Section, int Number, string Text)> SpecStatements()
    {
        var section = string.Empty;
        for (var i = 0; i < SpecLines.Length; i++)
        {
            if (Heading().Match(SpecLines[i]) is { Success: true } heading)
            {
                section = heading.Groups[1].Value;
            }
            else if (Keyword().IsMatch(SpecLines[i]))
            {
                yield return (section, i + 1, SpecLines[i]);
            }
        }
    }

    private static List<(string Section, string Statement, string Coverage)> CoverageRows() =>
        [.. DocLines
            .Where(line => line.StartsWith("| §", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1].TrimStart('§'), cells[2], cells[3]))];

    private static HashSet<string> RuleCatalogue()
    {
        var ids = typeof(DatasetRuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        return [.. ids.Concat(AttributeRules.All.Select(r => r.Id))];
    }

    // RFC 2119 keywords as the spec writes them: capitals, also inside "MUST NOT", "NOT RECOMMENDED", "MUSTs".
    [GeneratedRegex(@"\b(MUST|SHALL|SHOULD|RECOMMENDED)")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)\.? ")]
    private static partial Regex Heading();

    // A rule id in a code span: lower-case words joined by hyphens.
    [GeneratedRegex(@"`([a-z0-9]+(?:-[a-z0-9]+)+)`")]
    private static partial Regex RuleId();
}
