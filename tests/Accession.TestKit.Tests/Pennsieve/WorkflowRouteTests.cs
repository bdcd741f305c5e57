using System.Net;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>The two workflow shapes of spec §2.3.</summary>
public sealed class WorkflowRouteTests
{
    private static readonly FakeWorkflowRun TwoSources = new("9e8d7c6b-5a49-4837-a625-140f0e0d0c0b", new Dictionary<string, IReadOnlyList<string>>
    {
        ["node-a"] = ["N:package:a1", "N:package:a2"],
        ["node-b"] = ["N:package:b1"],
    });

    [Fact]
    public async Task Instances_answer_uuid_dataset_and_all_package_ids()
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { WorkflowRuns = [TwoSources] });
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.GetAsync($"/compute/workflows/instances/{TwoSources.Id}", await wire.LoginAsync());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(TwoSources.Id, body!["uuid"]!.GetValue<string>());
        Assert.Equal(fake.Seed.DatasetId, body["datasetId"]!.GetValue<string>());
        Assert.Equal(["N:package:a1", "N:package:a2", "N:package:b1"], body["packageIds"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Runs_answer_data_sources_instead_of_package_ids()
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { WorkflowRuns = [TwoSources] });
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.GetAsync($"/compute/workflows/runs/{TwoSources.Id}", await wire.LoginAsync());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body!.ContainsKey("packageIds"));
        Assert.Equal(["N:package:b1"], body["dataSources"]!["node-b"]!["packageIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(fake.Seed.OrganizationId, body["organizationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_run_is_404_or_an_empty_200_as_switched()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var (status, body) = await wire.GetAsync("/compute/workflows/instances/unknown", token);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("error no records found", body!["message"]!.GetValue<string>());

        fake.Faults.UnknownWorkflowAnswersEmpty = true;
        var (emptyStatus, emptyBody) = await wire.GetAsync("/compute/workflows/runs/unknown", token);
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Null(emptyBody);
    }
}
