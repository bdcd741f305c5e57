using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Discovery;

/// <summary>The datasets found in an archive or folder.</summary>
public sealed class DiscoveryResult
{
    internal DiscoveryResult(string location, IReadOnlyList<OmeZarrDataset> datasets, IReadOnlyList<ValidationFinding> findings, DiscoveryContext context)
    {
        Location = location;
        Datasets = datasets;
        Findings = findings;
        Context = context;
    }

    /// <summary>The archive file or folder that was read.</summary>
    public string Location { get; }

    /// <summary>Every dataset, in choice order: the shallowest root first, then ordinal path order.</summary>
    public IReadOnlyList<OmeZarrDataset> Datasets { get; }

    /// <summary>The dataset an importer takes: the first of <see cref="Datasets"/>; null when there is none.</summary>
    public OmeZarrDataset? Chosen => Datasets.Count > 0 ? Datasets[0] : null;

    /// <summary>Findings of discovery (junk, files outside datasets, hierarchy structure, unreadable metadata).</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    internal DiscoveryContext Context { get; }
}

/// <summary>What discovery read, kept for validation so nothing is read twice.</summary>
internal sealed record DiscoveryContext(EntryIndex Index, ZarrNodeCatalog Catalog, IReadOnlyDictionary<OmeZarrDataset, ZarrNode> Roots);
