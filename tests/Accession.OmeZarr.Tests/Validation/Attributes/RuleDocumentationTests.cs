using Accession.OmeZarr.Validation.Attributes;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

public sealed class RuleDocumentationTests
{
    [Fact]
    public void Every_attribute_rule_is_documented_with_its_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "docs", "validation-rules.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => cells[2], StringComparer.Ordinal);

        Assert.All(AttributeRules.All, rule =>
        {
            Assert.True(rows.TryGetValue(rule.Id, out var severity), $"{rule.Id} is missing from docs/validation-rules.md");
            Assert.StartsWith(rule.Severity.ToString(), severity, StringComparison.Ordinal);
        });
    }
}
