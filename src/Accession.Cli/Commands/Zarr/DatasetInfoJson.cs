using System.Text.Json;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary>The machine-readable <c>zarr info</c> output (docs/zarr.md "zarr info").</summary>
internal static class DatasetInfoJson
{
    /// <summary>
    /// Writes the document; for an input that could not be read, <paramref name="discovery"/> and
    /// <paramref name="report"/> are null, <c>valid</c>, <c>counts</c> and <c>datasets</c> are null and
    /// <c>error</c> says why (otherwise <c>error</c> is null).
    /// </summary>
    public static void Write(TextWriter output, string path, DiscoveryResult? discovery, IReadOnlyList<DatasetSummary> summaries, ValidationReport? report, string? error = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteString("error", error);
            if (report is null)
            {
                json.WriteNull("valid");
                json.WriteNull("counts");
            }
            else
            {
                json.WriteBoolean("valid", report.Verdict == ValidationVerdict.Valid);
                json.WriteStartObject("counts");
                json.WriteNumber("errors", report.ErrorCount);
                json.WriteNumber("warnings", report.WarningCount);
                json.WriteNumber("infos", report.InfoCount);
                json.WriteEndObject();
            }

            if (discovery is null)
            {
                json.WriteNull("datasets");
            }
            else
            {
                json.WriteStartArray("datasets");
                foreach (var summary in summaries)
                {
                    WriteDataset(json, summary, ReferenceEquals(summary.Dataset, discovery.Chosen));
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteDataset(Utf8JsonWriter json, DatasetSummary summary, bool chosen)
    {
        var d = summary.Dataset;
        json.WriteStartObject();
        json.WriteString("root", d.Root);
        json.WriteString("name", d.Name);
        json.WriteString("version", d.VersionText);
        json.WriteString("kind", ValidationReportJson.Kind(d.Kind));
        json.WriteNumber("zarrFormat", (int)d.ZarrFormat);
        json.WriteNumber("files", d.Files.Count);
        json.WriteNumber("bytes", d.TotalBytes);
        json.WriteNumber("groups", summary.GroupCount);
        json.WriteNumber("arrays", summary.ArrayCount);
        json.WriteBoolean("chosen", chosen);
        json.WriteStartArray("plates");
        foreach (var plate in summary.Plates)
        {
            json.WriteStartObject();
            json.WriteString("path", plate.Path);
            json.WriteString("name", plate.Name);
            json.WriteNumber("rows", plate.Rows);
            json.WriteNumber("columns", plate.Columns);
            json.WriteNumber("wells", plate.Wells);
            json.WriteNumber("acquisitions", plate.Acquisitions);
            if (plate.FieldCount is { } fields)
            {
                json.WriteNumber("fieldCount", fields);
            }
            else
            {
                json.WriteNull("fieldCount");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("images");
        foreach (var image in summary.Images)
        {
            WriteImage(json, image);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter json, ImageSummary image)
    {
        json.WriteStartObject();
        json.WriteString("path", image.Path);
        json.WriteString("name", image.Name);
        json.WriteBoolean("isLabel", image.IsLabel);
        Strings(json, "axes", image.Axes);
        Strings(json, "labels", image.Labels);
        json.WriteStartArray("levels");
        foreach (var level in image.Levels)
        {
            json.WriteStartObject();
            json.WriteString("path", level.Path);
            Numbers(json, "shape", level.Shape);
            json.WriteString("dataType", level.DataType);
            Numbers(json, "chunks", level.ChunkShape);
            if (level.InnerChunkShape is { } inner)
            {
                Numbers(json, "innerChunks", inner);
            }
            else
            {
                json.WriteNull("innerChunks");
            }

            json.WriteString("chunkKeyEncoding", level.ChunkKeyEncoding);
            Strings(json, "codecs", level.Codecs);
            if (level.DimensionNames is { } names)
            {
                Strings(json, "dimensionNames", names);
            }
            else
            {
                json.WriteNull("dimensionNames");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
