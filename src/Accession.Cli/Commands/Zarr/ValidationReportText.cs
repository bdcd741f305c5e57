using System.Globalization;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary>The human validation report: per input a verdict line, then findings grouped by dataset and file.</summary>
internal static class ValidationReportText
{
    public static void Write(ZarrConsole console, IReadOnlyList<ZarrValidationResult> results)
    {
        foreach (var result in results)
        {
            console.Write(result.Path, "bold").Write(": ");
            if (result.Report is not { } report)
            {
                console.Write("unreadable", "red").Line(" (see the error above)");
                continue;
            }

            var (word, colour) = report.Verdict switch
            {
                ValidationVerdict.Valid => ("valid", "green"),
                ValidationVerdict.Invalid => ("invalid", "red"),
                _ => ("no OME-Zarr dataset found", "red"),
            };
            console.Write(word, colour).Line(string.Create(CultureInfo.InvariantCulture,
                $" ({Count(report.Datasets.Count, "dataset")}, {Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}, {Count(report.InfoCount, "info")}{(report.Options.Strict ? "; strict" : string.Empty)}{(report.Options.Deep ? "; deep" : string.Empty)})"));

            foreach (var dataset in report.Datasets)
            {
                var chosen = ReferenceEquals(dataset, report.Chosen) && report.Datasets.Count > 1 ? " — taken by an importer" : string.Empty;
                console.Write("  dataset ").Write(dataset.Name, "bold").Line(string.Create(CultureInfo.InvariantCulture,
                    $" at {ZarrConsole.Where(dataset.Root)}: OME-Zarr {dataset.VersionText} {ZarrConsole.KindText(dataset.Kind)}, Zarr v{(int)dataset.ZarrFormat}, {dataset.Files.Count} files, {ZarrConsole.Bytes(dataset.TotalBytes)}{chosen}"));
                WriteFindings(console, report.Findings.Where(f => ReferenceEquals(report.DatasetOf(f), dataset)));
            }

            var archive = report.Findings.Where(f => report.DatasetOf(f) is null).ToList();
            if (archive.Count > 0)
            {
                console.Line("  outside any dataset", "bold");
                WriteFindings(console, archive);
            }
        }
    }

    /// <summary>
    /// Errors and infos one line each, grouped by file; a warning rule that fires more than once is one
    /// line with its count and first occurrence, so a repeated SHOULD does not bury the errors.
    /// </summary>
    private static void WriteFindings(ZarrConsole console, IEnumerable<ValidationFinding> findings)
    {
        var all = findings.ToList();
        var repeated = all.Where(f => f.Severity == Severity.Warning)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        var grouped = repeated.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        WriteByFile(console, all.Where(f => f.Severity != Severity.Warning || !grouped.Contains(f.RuleId)));
        if (repeated.Count == 0)
        {
            return;
        }

        console.Line("    repeated warnings");
        foreach (var group in repeated)
        {
            var first = group.First();
            var files = group.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();
            console.Write("      ").Write("warning", "yellow").Line(string.Create(CultureInfo.InvariantCulture,
                $" {group.Key} ×{group.Count()} in {Count(files, "file")}; first {(first.File.Length == 0 ? "(archive)" : first.File)}{Where(first)}: {first.Message}"));
        }
    }

    private static void WriteByFile(ZarrConsole console, IEnumerable<ValidationFinding> findings)
    {
        string? file = null;
        foreach (var finding in findings)
        {
            if (finding.File != file)
            {
                file = finding.File;
                console.Line($"    {(file.Length == 0 ? "(archive)" : file)}");
            }

            var (label, colour) = finding.Severity switch
            {
                Severity.Error => ("error  ", "red"),
                Severity.Warning => ("warning", "yellow"),
                _ => ("info   ", "grey"),
            };
            console.Write("      ").Write(label, colour).Line($" {finding.RuleId}{Where(finding)}: {finding.Message}");
        }
    }

    private static string Where(ValidationFinding finding) =>
        finding.JsonPath.Length > 0 && finding.JsonPath != "$" ? $" {finding.JsonPath}" : string.Empty;

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 || noun == "info" ? string.Empty : "s")}");
}
