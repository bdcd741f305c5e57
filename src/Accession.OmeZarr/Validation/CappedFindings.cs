using System.Globalization;

namespace Accession.OmeZarr.Validation;

/// <summary>
/// Adds at most <see cref="Limit"/> findings of one rule, then one closing finding with the count of
/// the rest, so that a zip with 100,000 stray files still gives a short report.
/// </summary>
internal sealed class CappedFindings(ICollection<ValidationFinding> findings, string ruleId, Severity severity, int limit = 20)
{
    private int _count;

    public int Limit { get; } = limit;

    public int Count => _count;

    public void Add(string file, string jsonPath, string message)
    {
        if (_count++ < Limit)
        {
            findings.Add(new ValidationFinding(ruleId, severity, file, jsonPath, message));
        }
    }

    /// <summary>Adds the "… and N more" finding when findings were left out.</summary>
    public void Close(string file, string what)
    {
        if (_count > Limit)
        {
            findings.Add(new ValidationFinding(
                ruleId, severity, file, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{_count - Limit} more {what} not listed ({_count} in all).")));
        }
    }
}
