using System.Text.Json;
using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Discovery;

/// <summary>
/// Every Zarr node of an archive, read from its metadata files only (shared/specs/ome-zarr.md §3.4
/// step 2): a folder with <c>zarr.json</c>, <c>.zarray</c>, <c>.zgroup</c> or <c>.zattrs</c> is a node.
/// When v2 and v3 metadata sit side by side, v3 is used (RFC-2: 0.5 "SHOULD be treated preferentially").
/// </summary>
internal sealed class ZarrNodeCatalog
{
    private readonly Dictionary<string, ZarrNode> _nodes;
    private readonly Dictionary<string, ZarrNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ZarrNodeCatalog(Dictionary<string, ZarrNode> nodes)
    {
        _nodes = nodes;
        _lookup = nodes.GetAlternateLookup<ReadOnlySpan<char>>();
        Sorted = [.. nodes.Values.OrderBy(n => n.Path, StringComparer.Ordinal)];
    }

    /// <summary>Every node in ordinal path order.</summary>
    public IReadOnlyList<ZarrNode> Sorted { get; }

    public ZarrNode? Find(ReadOnlySpan<char> path) => _lookup.TryGetValue(path, out var node) ? node : null;

    /// <summary>Reads every node's metadata; parse problems become findings.</summary>
    public static ZarrNodeCatalog Read(ArchiveReader reader, EntryIndex index, ICollection<ValidationFinding> findings)
    {
        var nodes = new Dictionary<string, ZarrNode>(StringComparer.Ordinal);
        var byFolder = new Dictionary<IndexedFolder, NodeFiles>();
        foreach (var (folder, entry) in index.Metadata)
        {
            if (!byFolder.TryGetValue(folder, out var files))
            {
                files = new NodeFiles();
                byFolder.Add(folder, files);
            }

            switch (entry.Path.AsSpan(entry.Path.LastIndexOf('/') + 1))
            {
                case ZarrMetadataFiles.ZarrJson:
                    files.ZarrJson = entry;
                    break;
                case ZarrMetadataFiles.ZGroup:
                    files.ZGroup = entry;
                    break;
                case ZarrMetadataFiles.ZAttrs:
                    files.ZAttrs = entry;
                    break;
                default:
                    files.ZArray = entry;
                    break;
            }
        }

        foreach (var (folder, files) in byFolder)
        {
            var node = files.ZarrJson is not null
                ? ReadV3(reader, folder, files.ZarrJson, files.ZGroup ?? files.ZAttrs ?? files.ZArray, findings)
                : ReadV2(reader, folder, files.ZGroup, files.ZAttrs, files.ZArray, findings);
            nodes.Add(node.Path, node);
        }

        return new ZarrNodeCatalog(nodes);
    }

    private static ZarrNode ReadV3(ArchiveReader reader, IndexedFolder folder, ArchiveEntry zarrJson, ArchiveEntry? v2File, ICollection<ValidationFinding> findings)
    {
        var report = new FindingWriter(zarrJson.Path, findings);
        var parsed = Parse(reader, zarrJson, findings) is { } root ? ZarrMetadataParser.ParseZarrJson(root, report) : null;
        if (v2File is not null)
        {
            report.Warning(DatasetRuleIds.ZarrV2V3SideBySide, string.Empty,
                $"the folder has both Zarr v3 (zarr.json) and v2 ({v2File.Name}) metadata; zarr.json is used. Keeping both is not recommended (RFC-2).");
        }

        var attributes = parsed?.Attributes ?? default;
        var (ome, omePath) = FindOme(attributes, ZarrFormat.V3, parsed?.Kind ?? ZarrNodeKind.Group);
        return new ZarrNode
        {
            Path = folder.Path,
            Folder = folder,
            Format = ZarrFormat.V3,
            Kind = parsed?.Kind ?? ZarrNodeKind.Group,
            MetadataFile = zarrJson.Path,
            AttributesFile = zarrJson.Path,
            Attributes = attributes,
            Array = parsed?.Array,
            SideBySide = v2File is not null,
            Ome = ome,
            OmeJsonPath = omePath,
        };
    }

    private static ZarrNode ReadV2(ArchiveReader reader, IndexedFolder folder, ArchiveEntry? zgroup, ArchiveEntry? zattrs, ArchiveEntry? zarray, ICollection<ValidationFinding> findings)
    {
        ZarrArrayMetadata? array = null;
        if (zarray is not null)
        {
            var report = new FindingWriter(zarray.Path, findings);
            if (Parse(reader, zarray, findings) is { } root)
            {
                array = ZarrMetadataParser.ParseZArray(root, report);
            }

            if (zgroup is not null)
            {
                report.Error(DatasetRuleIds.ZarrNodeAmbiguous, string.Empty, "the folder has both .zarray and .zgroup; a node is either an array or a group. It is read as an array.");
            }
        }
        else if (zgroup is not null && Parse(reader, zgroup, findings) is { } group)
        {
            ZarrMetadataParser.CheckZGroup(group, new FindingWriter(zgroup.Path, findings));
        }

        var attributes = zattrs is not null && Parse(reader, zattrs, findings) is { } attrs ? attrs : default;
        var holdsZarrJson = zattrs is not null && ReportZarrJsonAsZattrs(attributes, zattrs.Path, findings);
        var kind = zarray is not null ? ZarrNodeKind.Array : ZarrNodeKind.Group;
        var (ome, omePath) = FindOme(attributes, ZarrFormat.V2, kind);
        var metadataFile = (zarray ?? zgroup ?? zattrs)!.Path;
        return new ZarrNode
        {
            Path = folder.Path,
            Folder = folder,
            Format = ZarrFormat.V2,
            Kind = kind,
            MetadataFile = metadataFile,
            AttributesFile = zattrs?.Path ?? metadataFile,
            Attributes = attributes,
            Array = array,
            LacksZGroup = zarray is null && zgroup is null,
            HoldsZarrJson = holdsZarrJson,
            Ome = ome,
            OmeJsonPath = omePath,
        };
    }

    /// <summary>
    /// A Zarr v3 document saved under the v2 attributes name: readers see attributes named
    /// <c>zarr_format</c>, <c>node_type</c> or <c>attributes</c> and no OME keys, so say what the file
    /// really is. Evidence: <c>node_type</c>, <c>zarr_format</c> 3, or <c>attributes.ome</c>.
    /// </summary>
    private static bool ReportZarrJsonAsZattrs(JsonElement attributes, string file, ICollection<ValidationFinding> findings)
    {
        if (attributes.ValueKind != JsonValueKind.Object || OmeAttributesValidator.HasOmeKeys(attributes, zarrV3: false))
        {
            return false;
        }

        var ome = attributes.TryGetProperty("attributes", out var inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty("ome", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var v3 = attributes.TryGetProperty("zarr_format", out var format) && format.ValueKind == JsonValueKind.Number && format.GetRawText() == "3";
        if (!v3 && !attributes.TryGetProperty("node_type", out _) && ome.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var what = ome.ValueKind != JsonValueKind.Object ? "a zarr.json document"
            : ome.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? $"a zarr.json document with OME-Zarr {v.GetString()} metadata under attributes.ome"
            : "a zarr.json document with OME-Zarr metadata under attributes.ome";
        var folder = file.Contains('/', StringComparison.Ordinal) ? file[..(file.LastIndexOf('/') + 1)] : string.Empty;
        findings.Add(new ValidationFinding(DatasetRuleIds.ZarrJsonSavedAsZattrs, Severity.Error, file, "$",
            $".zattrs holds {what}; Zarr v3 metadata is only read from a file named zarr.json: rename it to {folder}zarr.json (with \"zarr_format\": 3 and \"node_type\": \"group\"), and remove a .zgroup beside it."));
        return true;
    }

    // The OME keys live at the top of .zattrs (v2, 0.4) or under attributes.ome (v3, 0.5). Either
    // place is recognised in either format so that a version/format mix-up is reported (by the
    // attribute rules), not missed.
    private static (JsonElement Ome, string JsonPath) FindOme(JsonElement attributes, ZarrFormat format, ZarrNodeKind kind)
    {
        if (kind != ZarrNodeKind.Group || attributes.ValueKind != JsonValueKind.Object)
        {
            return (default, "$");
        }

        var prefix = format == ZarrFormat.V3 ? "$.attributes" : "$";
        var wrapped = OmeAttributesValidator.HasOmeKeys(attributes, zarrV3: true) && attributes.TryGetProperty("ome", out var inner) && inner.ValueKind == JsonValueKind.Object
            ? inner
            : default;
        var topLevel = OmeAttributesValidator.HasOmeKeys(attributes, zarrV3: false);
        if (format == ZarrFormat.V3)
        {
            return wrapped.ValueKind == JsonValueKind.Object ? (wrapped, $"{prefix}.ome")
                : topLevel ? (attributes, prefix) : (default, "$");
        }

        return topLevel ? (attributes, prefix)
            : wrapped.ValueKind == JsonValueKind.Object ? (wrapped, $"{prefix}.ome") : (default, "$");
    }

    private static JsonElement? Parse(ArchiveReader reader, ArchiveEntry entry, ICollection<ValidationFinding> findings)
    {
        var bytes = reader.ReadAllBytes(entry);
        return StrictJson.ParseObject(bytes, entry.Path, findings);
    }

    private sealed class NodeFiles
    {
        public ArchiveEntry? ZarrJson { get; set; }

        public ArchiveEntry? ZGroup { get; set; }

        public ArchiveEntry? ZAttrs { get; set; }

        public ArchiveEntry? ZArray { get; set; }
    }
}
