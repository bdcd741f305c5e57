namespace Accession.Pennsieve.Workflow;

/// <summary>The dataset and package a workflow run imports into (shared/specs/pennsieve-import.md §2.3).</summary>
/// <param name="Id">The run (or instance) id, <c>INTEGRATION_ID</c>.</param>
/// <param name="DatasetId">The dataset node id, e.g. <c>N:dataset:…</c>.</param>
/// <param name="PackageIds">Every package id of the run, in the order given.</param>
public sealed record WorkflowRun(string Id, string DatasetId, IReadOnlyList<string> PackageIds);
