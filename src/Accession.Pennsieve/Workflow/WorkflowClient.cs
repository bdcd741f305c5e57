using System.Text.Json;
using Accession.Pennsieve.Configuration;
using Accession.Pennsieve.Http;

namespace Accession.Pennsieve.Workflow;

/// <summary>
/// Reads a workflow run from <c>{PENNSIEVE_API_HOST2}/compute/workflows</c> (shared/specs/pennsieve-import.md
/// §2.3): the Python processor's <c>instances/{id}</c> with top-level <c>packageIds</c>, or the
/// platform's newer <c>runs/{id}</c> with <c>dataSources</c>. Either answer shape is understood on
/// either route. Thread-safe.
/// </summary>
internal sealed class WorkflowClient(AuthorizedApi api, Uri apiHost2)
{
    public async Task<WorkflowRun> GetAsync(string id, WorkflowRoute route, CancellationToken cancellationToken)
    {
        var segment = route == WorkflowRoute.Runs ? "runs" : "instances";
        var url = new Uri(apiHost2, $"/compute/workflows/{segment}/{Uri.EscapeDataString(id)}");
        JsonDocument document;
        try
        {
            document = await api.SendAsync(HttpMethod.Get, url, null, "read workflow " + segment, cancellationToken).ConfigureAwait(false);
        }
        catch (PennsieveApiException e) when (e.StatusCode == 404 || (e.StatusCode is >= 200 and < 300))
        {
            // 404, or the 200 with an empty body the workflows API gives for unknown ids (§1.9).
            throw new PennsieveApiException($"workflow {segment[..^1]} '{id}' not found at {AuthorizedApi.Redact(url)}; check INTEGRATION_ID (and WORKFLOW_ROUTE).", e.StatusCode, e);
        }

        using (document)
        {
            return Parse(id, document.RootElement, url);
        }
    }

    internal static WorkflowRun Parse(string id, JsonElement root, Uri url)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("datasetId", out var dataset) || dataset.GetString() is not { Length: > 0 } datasetId)
        {
            throw new PennsieveApiException($"workflow '{id}' at {AuthorizedApi.Redact(url)} has no datasetId; check INTEGRATION_ID.");
        }

        var packages = new List<string>();
        if (root.TryGetProperty("packageIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            AddStrings(ids, packages);
        }

        if (root.TryGetProperty("dataSources", out var sources) && sources.ValueKind == JsonValueKind.Object)
        {
            // Package ids are the concatenation over all data sources (§2.3).
            foreach (var source in sources.EnumerateObject())
            {
                if (source.Value.ValueKind == JsonValueKind.Object && source.Value.TryGetProperty("packageIds", out var sourceIds) && sourceIds.ValueKind == JsonValueKind.Array)
                {
                    AddStrings(sourceIds, packages);
                }
            }
        }

        return new WorkflowRun(id, datasetId, packages);
    }

    private static void AddStrings(JsonElement array, List<string> into)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                into.Add(text);
            }
        }
    }
}
