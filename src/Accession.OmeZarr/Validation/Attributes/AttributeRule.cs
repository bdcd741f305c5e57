namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// One per-group OME attribute rule: its stable id, the severity it reports with, and what it checks.
/// </summary>
/// <param name="Id">The kebab-case rule id written into findings.</param>
/// <param name="Severity">The severity it reports with (see <paramref name="SeverityNote"/> when it depends on the version).</param>
/// <param name="Meaning">What the rule checks, in one sentence.</param>
/// <param name="SeverityNote">How the severity depends on the version, e.g. <c>Error in 0.4, Warning in 0.5</c>; null when fixed.</param>
public sealed record AttributeRule(string Id, Severity Severity, string Meaning, string? SeverityNote = null)
{
    /// <summary>The prefix of rules for SHOULD fields that the specification's <c>strict_*</c> schemas require.</summary>
    public const string StrictPrefix = "strict-";

    /// <summary>Whether this rule reports a SHOULD field that only the strict schemas require.</summary>
    public bool IsStrict => Id.StartsWith(StrictPrefix, StringComparison.Ordinal);
}
