using System.Text.Json;
using Accession.Pennsieve.Http;

namespace Accession.Pennsieve.Import;

/// <summary>
/// The import service on <c>PENNSIEVE_API_HOST2</c>, like the Python processor's <c>import_client.py</c>
/// (shared/specs/pennsieve-import.md §2.4–2.6): create a manifest, append files, presign one upload.
/// Field names are the service's snake_case. Thread-safe.
/// </summary>
internal sealed class ImportClient(AuthorizedApi api, Uri apiHost2)
{
    /// <summary>The <c>import_type</c> of viewer assets (§2.4).</summary>
    public const string ImportType = "viewerassets";

    /// <summary>
    /// <c>POST /import?dataset_id=</c> with the first batch; returns the import id. <paramref name="properties"/>
    /// are <c>options.properties</c>, string values the asset carries (empty in the Python processor, §1.5).
    /// </summary>
    public async Task<string> CreateAsync(string integrationId, string datasetId, string packageId, IEnumerable<ImportFile> files, string assetType, string assetName, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var body = Json(json =>
        {
            json.WriteString("integration_id", integrationId);
            json.WriteString("package_id", packageId);
            json.WriteString("import_type", ImportType);
            WriteFiles(json, files);
            json.WriteStartObject("options");
            json.WriteString("asset_type", assetType);
            json.WriteString("asset_name", assetName);
            json.WriteStartObject("properties");
            foreach (var (name, value) in properties)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });
        using var answer = await api.SendAsync(HttpMethod.Post, Url("/import", datasetId), body, "create import manifest", cancellationToken).ConfigureAwait(false);
        if (answer.RootElement.ValueKind != JsonValueKind.Object
            || !answer.RootElement.TryGetProperty("id", out var id)
            || (id.ValueKind == JsonValueKind.String ? id.GetString() : id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null) is not { Length: > 0 } importId)
        {
            throw new PennsieveApiException("create import manifest: the answer has no \"id\".");
        }

        return importId;
    }

    /// <summary><c>POST /import/{id}/files?dataset_id=</c> with one more batch.</summary>
    public async Task AppendAsync(string importId, string datasetId, IEnumerable<ImportFile> files, CancellationToken cancellationToken)
    {
        var body = Json(json => WriteFiles(json, files));
        using var answer = await api.SendAsync(HttpMethod.Post, Url($"/import/{Uri.EscapeDataString(importId)}/files", datasetId), body, "append files to import manifest", cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /import/{id}/upload/{key}/presign?dataset_id=</c>: a presigned PUT URL for one file.</summary>
    public async Task<Uri> PresignAsync(string importId, string datasetId, string uploadKey, CancellationToken cancellationToken)
    {
        var url = Url($"/import/{Uri.EscapeDataString(importId)}/upload/{Uri.EscapeDataString(uploadKey)}/presign", datasetId);
        using var answer = await api.SendAsync(HttpMethod.Get, url, null, "presign upload", cancellationToken).ConfigureAwait(false);
        if (answer.RootElement.ValueKind == JsonValueKind.Object
            && answer.RootElement.TryGetProperty("url", out var presigned)
            && Uri.TryCreate(presigned.GetString(), UriKind.Absolute, out var uri))
        {
            return uri;
        }

        throw new PennsieveApiException($"presign upload: the answer for upload key {uploadKey} has no absolute \"url\".");
    }

    // Node ids keep their ':' as the Python client's string formatting leaves them (§2.4); anything else is escaped.
    private Uri Url(string path, string datasetId) =>
        new(apiHost2, $"{path}?dataset_id={Uri.EscapeDataString(datasetId).Replace("%3A", ":", StringComparison.Ordinal)}");

    private static void WriteFiles(Utf8JsonWriter json, IEnumerable<ImportFile> files)
    {
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("upload_key", file.UploadKey);
            json.WriteString("file_path", file.FilePath);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
