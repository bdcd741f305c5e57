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

    private static void WriteFindings(ZarrConsole console, IEnumerable<ValidationFinding> findings)
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
            var where = finding.JsonPath.Length > 0 && finding.JsonPath != "$" ? $" {finding.JsonPath}" : string.Empty;
            console.Write("      ").Write(label, colour).Line($" {finding.RuleId}{where}: {finding.Message}");
        }
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 || noun == "info" ? string.Empty : "s")}");
}
