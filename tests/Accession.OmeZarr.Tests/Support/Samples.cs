using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Validation;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Support;

/// <summary>Shared sample datasets and a one-call validation of a folder.</summary>
internal static class Samples
{
    public static string OmeZarr(params string[] parts) => SharedData.Path(["samples", "ome-zarr", .. parts]);

    /// <summary>The repository's own OME-Zarr 0.5 sample.</summary>
    public static string Cells => Path.Combine(SharedData.RepositoryRoot, "samples", "cells.ome.zarr");

    public static ValidationReport Validate(string folder, bool deep = false, bool strict = false)
    {
        using var reader = new FolderArchiveReader(folder);
        return OmeZarrValidator.Validate(reader, new ValidationOptions { Deep = deep, Strict = strict });
    }

    public static IEnumerable<ValidationFinding> Rule(this ValidationReport report, string ruleId) =>
        report.Findings.Where(f => f.RuleId == ruleId);

    /// <summary>Warnings and errors.</summary>
    public static List<ValidationFinding> Problems(this ValidationReport report) =>
        [.. report.Findings.Where(f => f.Severity != Severity.Info)];

    /// <summary>Warnings and errors, leaving out the strict-* SHOULD fields the strict schemas require.</summary>
    public static List<ValidationFinding> ProblemsBeyondStrict(this ValidationReport report) =>
        [.. report.Problems().Where(f => !f.RuleId.StartsWith("strict-", StringComparison.Ordinal))];

    public static string Describe(this ValidationReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Severity} {f.RuleId} {f.File} {f.JsonPath}: {f.Message}"));
}
