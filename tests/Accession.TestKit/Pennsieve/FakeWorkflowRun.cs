namespace Accession.TestKit.Pennsieve;

/// <summary>
/// A workflow run (or, in the older route, instance) of spec §2.3: its id, dataset and data sources.
/// The <c>instances</c> route answers <c>packageIds</c> as the concatenation over all data sources.
/// </summary>
public sealed record FakeWorkflowRun(string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> DataSources)
{
    /// <summary>The dataset node id; null takes the seed's dataset.</summary>
    public string? DatasetId { get; init; }

    /// <summary>Package ids over all data sources, in source order.</summary>
    public IReadOnlyList<string> PackageIds => [.. DataSources.Values.SelectMany(ids => ids)];
}
