namespace Accession.OmeZarr.Validation;

/// <summary>
/// One result of validation.
/// </summary>
/// <param name="RuleId">A stable kebab-case rule id, e.g. <c>multiscales-axes-space-count</c>.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="File">The file the finding is about, relative to the archive or folder root (empty for the archive itself).</param>
/// <param name="JsonPath">Where inside the file, as a JSON path such as <c>$.multiscales[0].axes[2]</c>; empty when not applicable.</param>
/// <param name="Message">What is wrong and how to fix it, in one sentence.</param>
public sealed record ValidationFinding(string RuleId, Severity Severity, string File, string JsonPath, string Message);
