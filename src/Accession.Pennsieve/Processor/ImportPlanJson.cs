using System.Text.Json;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// The import plan of a local run as JSON (docs/pennsieve-import.md "Local mode"): what import mode
/// would send — asset, every file with its asset path and size, the manifest batches — and the clutter left out.
/// </summary>
public static class ImportPlanJson
{
    /// <param name="plan">The plan.</param>
    /// <param name="assetType"><c>options.asset_type</c>.</param>
    /// <param name="isccSum">The dataset's ISCC-SUM, written as <c>properties.iscc_sum</c> when computed.</param>
    public static byte[] Serialize(ImportPlan plan, string assetType, string? isccSum = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("archive", Path.GetFileName(plan.Archive));
            json.WriteString("datasetRoot", plan.Dataset.Root);
            json.WriteString("assetName", plan.AssetName);
            json.WriteString("assetType", assetType);
            json.WriteStartObject("properties");
            if (isccSum is not null)
            {
                json.WriteString(DatasetIsccSum.PropertyName, isccSum);
            }

            json.WriteEndObject();
            json.WriteString("ngffVersion", plan.Dataset.VersionText);
            json.WriteNumber("fileCount", plan.Files.Count);
            json.WriteNumber("totalBytes", plan.TotalBytes);
            json.WriteNumber("batchSize", plan.BatchSize);
            json.WriteStartArray("batches");
            foreach (var batch in plan.Batches)
            {
                json.WriteStartObject();
                json.WriteString("request", batch.Start.Value == 0 ? "create" : "append");
                json.WriteNumber("first", batch.Start.Value);
                json.WriteNumber("count", batch.End.Value - batch.Start.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var file in plan.Files)
            {
                json.WriteStartObject();
                json.WriteString("filePath", file.FilePath);
                json.WriteString("archivePath", file.Entry.Path);
                json.WriteNumber("bytes", file.Entry.Length);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var entry in plan.Junk)
            {
                json.WriteStringValue(entry.Path);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
