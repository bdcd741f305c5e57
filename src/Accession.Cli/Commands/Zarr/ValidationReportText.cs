using System.Globalization;
using Accession.OmeZarr.Validation;
using Spectre.Console;

namespace Accession.Cli.Commands.Zarr;

/// <summary>The human validation report: per input a verdict line, then findings grouped by dataset and file.</summary>
internal static class ValidationReportText
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ZarrValidationResult> results)
    {
        foreach (var result in results)
        {
            if (result.Report is not { } report)
            {
                console.MarkupLineInterpolated($"[bold]{result.Path}[/]: [red]unreadable[/] (see the error above)");
                continue;
            }

            var (word, colour) = report.Verdict switch
            {
                ValidationVerdict.Valid => ("valid", "green"),
                ValidationVerdict.Invalid => ("invalid", "red"),
                _ => ("no OME-Zarr dataset found", "red"),
            };
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[bold]{Markup.Escape(result.Path)}[/]: [{colour}]{word}[/] ({Count(report.Datasets.Count, "dataset")}, {Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}, {Count(report.InfoCount, "info")}{(report.Options.Strict ? "; strict" : string.Empty)}{(report.Options.Deep ? "; deep" : string.Empty)})"));

            foreach (var dataset in report.Datasets)
            {
                var chosen = ReferenceEquals(dataset, report.Chosen) && report.Datasets.Count > 1 ? " — taken by an importer" : string.Empty;
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"  dataset [bold]{Markup.Escape(dataset.Name)}[/] at {Markup.Escape(ZarrConsole.Where(dataset.Root))}: OME-Zarr {Markup.Escape(dataset.VersionText)} {ZarrConsole.KindText(dataset.Kind)}, Zarr v{(int)dataset.ZarrFormat}, {dataset.Files.Count} files, {ZarrConsole.Bytes(dataset.TotalBytes)}{chosen}"));
                WriteFindings(console, report.Findings.Where(f => ReferenceEquals(report.DatasetOf(f), dataset)), "    ");
            }

            var archive = report.Findings.Where(f => report.DatasetOf(f) is null).ToList();
            if (archive.Count > 0)
            {
                console.MarkupLine("  [bold]outside any dataset[/]");
                WriteFindings(console, archive, "    ");
            }
        }
    }

    private static void WriteFindings(IAnsiConsole console, IEnumerable<ValidationFinding> findings, string indent)
    {
        string? file = null;
        foreach (var finding in findings)
        {
            if (finding.File != file)
            {
                file = finding.File;
                console.MarkupLine($"{indent}{Markup.Escape(file.Length == 0 ? "(archive)" : file)}");
            }

            var (label, colour) = finding.Severity switch
            {
                Severity.Error => ("error  ", "red"),
                Severity.Warning => ("warning", "yellow"),
                _ => ("info   ", "grey"),
            };
            var where = finding.JsonPath.Length > 0 && finding.JsonPath != "$" ? $" {finding.JsonPath}" : string.Empty;
            console.MarkupLine($"{indent}  [{colour}]{label}[/] {Markup.Escape(finding.RuleId)}{Markup.Escape(where)}: {Markup.Escape(finding.Message)}");
        }
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 || noun == "info" ? string.Empty : "s")}");
}
