using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The workflow routes of spec §2.3 on api2: the processor's <c>GET /compute/workflows/instances/{id}</c>
/// (<c>uuid</c>, <c>datasetId</c>, <c>packageIds</c>) and the platform's newer
/// <c>GET /compute/workflows/runs/{id}</c> (<c>uuid</c>, <c>datasetId</c>, <c>dataSources</c>, <c>status</c>,
/// <c>nodes</c>, <c>organizationId</c>). Thread-safe.
/// </summary>
internal sealed class WorkflowEndpoints(FakePennsieveSeed seed, FakePennsieveFaults faults)
{
    public Task InstanceAsync(HttpContext context, string id) =>
        AnswerAsync(context, id, run => new JsonObject
        {
            ["uuid"] = run.Id,
            ["name"] = "processor-import-ome-zarr",
            ["datasetId"] = run.DatasetId ?? seed.DatasetId,
            ["packageIds"] = new JsonArray([.. run.PackageIds.Select(p => (JsonNode)p)]),
            ["status"] = "STARTED",
        });

    public Task RunAsync(HttpContext context, string id) =>
        AnswerAsync(context, id, run =>
        {
            var sources = new JsonObject();
            foreach (var (node, packages) in run.DataSources)
            {
                sources[node] = new JsonObject
                {
                    ["packageIds"] = new JsonArray([.. packages.Select(p => (JsonNode)p)]),
                    ["path"] = "",
                };
            }

            return new JsonObject
            {
                ["uuid"] = run.Id,
                ["datasetId"] = run.DatasetId ?? seed.DatasetId,
                ["dataSources"] = sources,
                ["status"] = "STARTED",
                ["nodes"] = new JsonArray(),
                ["organizationId"] = seed.OrganizationId,
            };
        });

    private Task AnswerAsync(HttpContext context, string id, Func<FakeWorkflowRun, JsonObject> shape)
    {
        var run = seed.WorkflowRuns.FirstOrDefault(r => r.Id == id);
        if (run is not null)
        {
            return FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, shape(run));
        }

        if (faults.UnknownWorkflowAnswersEmpty)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }

        return FakeHttp.WriteMessageAsync(context, StatusCodes.Status404NotFound, "error no records found");
    }
}
