using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The import routes of spec §2.4–2.6 on api2: create a manifest with its first batch of files, append
/// further batches, and presign one PUT URL per upload key. The server's own validation is not public;
/// the fake applies the rules spec §6.4 suggests (required fields, UUID upload keys unique within an
/// import, the package in the dataset, a body cap answered with 413). Thread-safe.
/// </summary>
internal sealed class ImportEndpoints(FakePennsieveSeed seed, ImportStore imports, PresignedUrls urls)
{
    public async Task CreateAsync(HttpContext context)
    {
        if (await ReadManifestAsync(context) is not { } json)
        {
            return;
        }

        var integrationId = FakeHttp.Text(json, "integration_id");
        var packageId = FakeHttp.Text(json, "package_id");
        var importType = FakeHttp.Text(json, "import_type");
        if (integrationId is null || packageId is null || importType is null)
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "integration_id, package_id and import_type are required");
            return;
        }

        if (!seed.WorkflowRuns.Any(r => (r.DatasetId ?? seed.DatasetId) == seed.DatasetId && r.PackageIds.Contains(packageId)))
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, $"package {packageId} not found in dataset");
            return;
        }

        if (await ReadFilesAsync(context, json) is not { } files)
        {
            return;
        }

        var id = imports.Create(seed.DatasetId, integrationId, packageId, importType, json["options"], files);
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, new JsonObject { ["id"] = id });
    }

    public async Task AppendAsync(HttpContext context, string importId)
    {
        if (!imports.Exists(importId, seed.DatasetId))
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status404NotFound, "import not found");
            return;
        }

        if (await ReadManifestAsync(context) is not { } json || await ReadFilesAsync(context, json) is not { } files)
        {
            return;
        }

        if (!imports.TryAppend(importId, files))
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "upload_key already in the import");
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["id"] = importId, ["count"] = files.Count });
    }

    public Task PresignAsync(HttpContext context, string importId, string uploadKey) =>
        imports.HasFile(importId, seed.DatasetId, uploadKey)
            ? FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["url"] = urls.Issue(importId, uploadKey) })
            : FakeHttp.WriteMessageAsync(context, StatusCodes.Status404NotFound, "Not found");

    /// <summary>The body as a JSON object, or null after writing 413 (too big) or 400 (not JSON).</summary>
    private async Task<JsonObject?> ReadManifestAsync(HttpContext context)
    {
        if (await FakeHttp.ReadBodyAsync(context.Request, seed.ManifestBodyLimit) is not { } body)
        {
            // API Gateway's own answer to an oversized payload.
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large");
            return null;
        }

        var json = FakeHttp.ParseObject(body);
        if (json is null)
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "request body is not a JSON object");
        }

        return json;
    }

    /// <summary>The non-empty <c>files</c> list with UUID keys unique in the batch, or null after writing 400.</summary>
    private static async Task<IReadOnlyList<FakeImportFile>?> ReadFilesAsync(HttpContext context, JsonObject json)
    {
        var files = new List<FakeImportFile>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (json["files"] is JsonArray array)
        {
            foreach (var item in array)
            {
                var entry = item as JsonObject;
                var key = entry is null ? null : FakeHttp.Text(entry, "upload_key");
                var path = entry is null ? null : FakeHttp.Text(entry, "file_path");
                if (key is null || path is null || !Guid.TryParseExact(key, "D", out _) || !keys.Add(key))
                {
                    await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "each file needs a unique UUID upload_key and a file_path");
                    return null;
                }

                files.Add(new FakeImportFile(key, path));
            }
        }

        if (files.Count == 0)
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "files must not be empty");
            return null;
        }

        return files;
    }
}
