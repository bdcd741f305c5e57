using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation.Attributes;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>One level of a multiscales image, resolved to its array node.</summary>
internal sealed record ResolvedLevel(int DatasetIndex, string Path, ZarrNode Node, ZarrArrayMetadata Array)
{
    public string ArrayFile => Node.MetadataFile;

    public string DataTypeKey => Node.Format == ZarrFormat.V3 ? "$.data_type" : "$.dtype";
}

/// <summary>What the cross-node checks of one dataset share.</summary>
internal sealed class HierarchyContext
{
    private readonly Dictionary<ZarrNode, (NgffVersion Version, string? Raw)> _versions = [];

    public HierarchyContext(ArchiveReader reader, DiscoveryContext discovery, OmeZarrDataset dataset, ZarrNode root, List<ValidationFinding> findings, ValidationOptions options)
    {
        Reader = reader;
        Index = discovery.Index;
        Catalog = discovery.Catalog;
        Dataset = dataset;
        Root = root;
        Findings = findings;
        Options = options;
        Nodes = [.. Catalog.Sorted.Where(n => ReferenceEquals(n, root) || DatasetDiscovery.IsUnder(n.Path, root.Path))];
    }

    public ArchiveReader Reader { get; }

    public EntryIndex Index { get; }

    public ZarrNodeCatalog Catalog { get; }

    public OmeZarrDataset Dataset { get; }

    public ZarrNode Root { get; }

    public List<ValidationFinding> Findings { get; }

    public ValidationOptions Options { get; }

    /// <summary>The root and every node below it, in ordinal path order.</summary>
    public IReadOnlyList<ZarrNode> Nodes { get; }

    public decimal? DatasetVersion => NgffVersions.Numeric(Dataset.Version, Dataset.RawVersion);

    public void RecordVersion(ZarrNode node, NgffVersion version, string? raw) => _versions[node] = (version, raw);

    /// <summary>The version the group itself declares, when it declares one.</summary>
    public decimal? DeclaredVersion(ZarrNode node) =>
        _versions.TryGetValue(node, out var v) && v.Raw is not null ? NgffVersions.Numeric(v.Version, v.Raw) : null;

    /// <summary>The version rules about this node follow: its own, else the dataset's.</summary>
    public decimal? VersionOf(ZarrNode node) => DeclaredVersion(node) ?? DatasetVersion;

    public ZarrNode? Node(string path) => Catalog.Find(path);

    public void Error(string ruleId, string file, string jsonPath, string message) =>
        Findings.Add(new ValidationFinding(ruleId, Severity.Error, file, jsonPath, message));

    public void Warning(string ruleId, string file, string jsonPath, string message) =>
        Findings.Add(new ValidationFinding(ruleId, Severity.Warning, file, jsonPath, message));

    public void Info(string ruleId, string file, string jsonPath, string message) =>
        Findings.Add(new ValidationFinding(ruleId, Severity.Info, file, jsonPath, message));

    /// <summary>The readable levels of one multiscales entry (missing or unreadable levels are left out).</summary>
    public IReadOnlyList<ResolvedLevel> Levels(ZarrNode group, MultiscaleView multiscale)
    {
        var levels = new List<ResolvedLevel>(multiscale.Datasets.Count);
        foreach (var (index, path) in multiscale.Datasets)
        {
            if (OmeView.TryResolve(group.Path, path, out var target) && Node(target) is { Kind: ZarrNodeKind.Array, Array: { } array } node)
            {
                levels.Add(new ResolvedLevel(index, path, node, array));
            }
        }

        return levels;
    }
}
