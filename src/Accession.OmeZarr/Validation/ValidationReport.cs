using Accession.OmeZarr.Discovery;

namespace Accession.OmeZarr.Validation;

/// <summary>The result of validating an archive or folder.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(string location, IReadOnlyList<OmeZarrDataset> datasets, IReadOnlyList<ValidationFinding> findings, ValidationOptions options)
    {
        Location = location;
        Datasets = datasets;
        Options = options;
        Findings = [.. findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal)];
        foreach (var finding in Findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error:
                    ErrorCount++;
                    break;
                case Severity.Warning:
                    WarningCount++;
                    break;
                default:
                    InfoCount++;
                    break;
            }
        }

        Verdict = datasets.Count == 0 ? ValidationVerdict.NoDataset
            : ErrorCount > 0 || (options.Strict && WarningCount > 0) ? ValidationVerdict.Invalid
            : ValidationVerdict.Valid;
    }

    /// <summary>The archive file or folder that was validated.</summary>
    public string Location { get; }

    /// <summary>The datasets found, in choice order (see <see cref="DiscoveryResult.Datasets"/>).</summary>
    public IReadOnlyList<OmeZarrDataset> Datasets { get; }

    /// <summary>The dataset an importer takes, or null.</summary>
    public OmeZarrDataset? Chosen => Datasets.Count > 0 ? Datasets[0] : null;

    /// <summary>Every finding, sorted by file (ordinal), in check order within a file.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    /// <summary>The options used.</summary>
    public ValidationOptions Options { get; }

    public ValidationVerdict Verdict { get; }

    public int ErrorCount { get; }

    public int WarningCount { get; }

    public int InfoCount { get; }

    /// <summary>The dataset a finding's file belongs to, or null for archive-level findings.</summary>
    public OmeZarrDataset? DatasetOf(ValidationFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.File.Length == 0)
        {
            return null;
        }

        foreach (var dataset in Datasets)
        {
            if (dataset.Contains(finding.File.TrimEnd('/')))
            {
                return dataset;
            }
        }

        return null;
    }
}
