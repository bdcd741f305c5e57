using System.Text.Json;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>Runs the attribute validator on JSON text and answers questions about the findings.</summary>
internal sealed class AttributeCheck
{
    private AttributeCheck(NgffVersion version, List<ValidationFinding> findings)
    {
        Version = version;
        Findings = findings;
    }

    public NgffVersion Version { get; }

    public List<ValidationFinding> Findings { get; }

    public IEnumerable<ValidationFinding> Errors => Findings.Where(f => f.Severity == Severity.Error);

    public bool IsValid => !Errors.Any();

    public bool IsStrictValid => IsValid && !Findings.Any(f => AttributeRules.IsStrict(f.RuleId));

    public static AttributeCheck Run(string json, bool zarrV3 = false)
    {
        using var document = JsonDocument.Parse(json);
        return Run(document.RootElement, zarrV3);
    }

    public static AttributeCheck Run(JsonElement attributes, bool zarrV3)
    {
        var findings = new List<ValidationFinding>();
        var version = OmeAttributesValidator.Validate(attributes, zarrV3, zarrV3 ? "zarr.json" : ".zattrs", findings);
        return new AttributeCheck(version, findings);
    }

    public bool Has(string ruleId) => Findings.Any(f => f.RuleId == ruleId);

    public ValidationFinding Single(string ruleId) => Assert.Single(Findings, f => f.RuleId == ruleId);

    /// <summary>One line per finding, for assertion messages.</summary>
    public string Describe() =>
        Findings.Count == 0 ? "(no findings)" : string.Join(Environment.NewLine, Findings.Select(f => $"{f.Severity} {f.RuleId} {f.JsonPath}: {f.Message}"));
}
