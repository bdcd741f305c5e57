namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// What every attribute rule needs: the version the group is validated as, and a place to put
/// findings about one metadata file.
/// </summary>
internal sealed class RuleContext(string file, ICollection<ValidationFinding> findings)
{
    /// <summary>The version the rules apply; set once the version rules have decided it.</summary>
    public NgffVersion Version { get; set; } = NgffVersion.Unknown;

    /// <summary>0.1 to 0.3: only the rules of those versions apply.</summary>
    public bool IsLegacy => Version <= NgffVersion.V03;

    /// <summary>0.4 or 0.5: the full rule set applies.</summary>
    public bool IsCurrent => Version is NgffVersion.V04 or NgffVersion.V05;

    /// <summary>Reports a finding with the rule's own severity.</summary>
    public void Report(AttributeRule rule, string jsonPath, string message) => Report(rule, rule.Severity, jsonPath, message);

    /// <summary>Reports a finding with a version-dependent severity (see <see cref="AttributeRule.SeverityNote"/>).</summary>
    public void Report(AttributeRule rule, Severity severity, string jsonPath, string message) =>
        findings.Add(new ValidationFinding(rule.Id, severity, file, jsonPath, message));
}
