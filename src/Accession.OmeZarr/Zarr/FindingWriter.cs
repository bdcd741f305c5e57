using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Zarr;

/// <summary>Adds findings about one file.</summary>
internal readonly struct FindingWriter(string file, ICollection<ValidationFinding> findings)
{
    public string File => file;

    public void Error(string ruleId, string jsonPath, string message) =>
        findings.Add(new ValidationFinding(ruleId, Severity.Error, file, jsonPath, message));

    public void Warning(string ruleId, string jsonPath, string message) =>
        findings.Add(new ValidationFinding(ruleId, Severity.Warning, file, jsonPath, message));

    public void Info(string ruleId, string jsonPath, string message) =>
        findings.Add(new ValidationFinding(ruleId, Severity.Info, file, jsonPath, message));
}
