using System.Text.Json;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary>
/// The machine-readable validation report: one JSON document for all inputs (docs/zarr.md "JSON report").
/// </summary>
internal static class ValidationReportJson
{
    public static void Write(TextWriter output, IReadOnlyList<ZarrValidationResult> results, ValidationOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", results.All(r => r.Report?.Verdict == ValidationVerdict.Valid));
            json.WriteBoolean("deep", options.Deep);
            json.WriteBoolean("strict", options.Strict);
            json.WriteStartArray("inputs");
            foreach (var result in results)
            {
                WriteInput(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteInput(Utf8JsonWriter json, ZarrValidationResult result)
    {
        json.WriteStartObject();
        json.WriteString("path", result.Path);
        json.WriteString("error", result.Error);
        if (result.Report is not { } report)
        {
            // The same fields as a readable input, so a reader never meets a missing key.
            json.WriteString("verdict", "unreadable");
            json.WriteNull("counts");
            json.WriteNull("datasets");
            json.WriteNull("findings");
            json.WriteEndObject();
            return;
        }

        json.WriteString("verdict", report.Verdict switch
        {
            ValidationVerdict.Valid => "valid",
            ValidationVerdict.Invalid => "invalid",
            _ => "no-dataset",
        });
        json.WriteStartObject("counts");
        json.WriteNumber("errors", report.ErrorCount);
        json.WriteNumber("warnings", report.WarningCount);
        json.WriteNumber("infos", report.InfoCount);
        json.WriteEndObject();
        WriteRuleCounts(json, report.Findings);
        json.WriteStartArray("datasets");
        foreach (var dataset in report.Datasets)
        {
            WriteDataset(json, dataset, ReferenceEquals(dataset, report.Chosen));
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("file", finding.File);
            json.WriteString("jsonPath", finding.JsonPath);
            json.WriteString("message", finding.Message);
            if (report.DatasetOf(finding) is { } owner)
            {
                json.WriteString("dataset", owner.Root);
            }
            else
            {
                json.WriteNull("dataset");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>How often each rule fired, in order of first occurrence; the findings list keeps every one.</summary>
    private static void WriteRuleCounts(Utf8JsonWriter json, IReadOnlyList<ValidationFinding> findings)
    {
        json.WriteStartArray("rules");
        foreach (var group in findings.GroupBy(f => (f.RuleId, f.Severity)))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", group.Key.RuleId);
            json.WriteString("severity", group.Key.Severity.ToString().ToLowerInvariant());
            json.WriteNumber("count", group.Count());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteDataset(Utf8JsonWriter json, OmeZarrDataset dataset, bool chosen)
    {
        json.WriteStartObject();
        json.WriteString("root", dataset.Root);
        json.WriteString("name", dataset.Name);
        json.WriteString("version", dataset.VersionText);
        json.WriteString("kind", Kind(dataset.Kind));
        json.WriteNumber("zarrFormat", (int)dataset.ZarrFormat);
        json.WriteNumber("files", dataset.Files.Count);
        json.WriteNumber("bytes", dataset.TotalBytes);
        json.WriteBoolean("chosen", chosen);
        json.WriteEndObject();
    }

    internal static string Kind(OmeZarrKind kind) => kind switch
    {
        OmeZarrKind.Image => "image",
        OmeZarrKind.Plate => "plate",
        OmeZarrKind.Bioformats2RawCollection => "bioformats2raw-collection",
        OmeZarrKind.Well => "well",
        OmeZarrKind.Labels => "labels",
        OmeZarrKind.LabelImage => "label-image",
        _ => "series",
    };
}
