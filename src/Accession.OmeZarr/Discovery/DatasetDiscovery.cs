using System.Globalization;
using System.Text.Json;
using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Discovery;

/// <summary>
/// Finds the OME-Zarr datasets in an archive or folder from its entry list and metadata files only
/// (shared/specs/ome-zarr.md §3.4, checks R1–R7): a root is a topmost OME node; everything below a
/// root belongs to it (series, wells, fields, labels); a plain Zarr group above OME nodes is a
/// non-standard container whose topmost OME descendants become the roots.
/// </summary>
public static class DatasetDiscovery
{
    /// <summary>Finds the datasets.</summary>
    /// <exception cref="ArchiveException">A metadata entry cannot be read.</exception>
    public static DiscoveryResult Discover(ArchiveReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var findings = new List<ValidationFinding>();
        var index = EntryIndex.Build(reader);
        ReportDuplicates(index, findings);
        var catalog = ZarrNodeCatalog.Read(reader, index, findings);

        var (roots, containers, plain) = FindRoots(catalog);
        var datasets = new List<OmeZarrDataset>(roots.Count);
        var rootNodes = new Dictionary<OmeZarrDataset, ZarrNode>();
        foreach (var root in roots.OrderBy(Depth).ThenBy(r => r.Path, StringComparer.Ordinal))
        {
            var dataset = Describe(reader, index, catalog, root);
            datasets.Add(dataset);
            rootNodes.Add(dataset, root);
        }

        foreach (var container in containers)
        {
            var inside = roots.Count(r => IsUnder(r.Path, container.Path));
            findings.Add(new ValidationFinding(
                DatasetRuleIds.DatasetContainerNonStandard, Severity.Warning, container.MetadataFile, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"the Zarr group '{Display(container.Path)}' has no OME-Zarr metadata but holds {inside} OME-Zarr dataset(s); each is treated as its own dataset.")));
        }

        // A .zattrs holding a zarr.json document was reported as that mix-up; "no OME metadata" would repeat it.
        foreach (var node in plain.Where(n => !n.HoldsZarrJson))
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.ZarrGroupNotOme, datasets.Count == 0 ? Severity.Error : Severity.Warning, node.AttributesFile, string.Empty,
                $"the Zarr {(node.IsGroup ? "group" : "array")} '{Display(node.Path)}' has no OME-Zarr metadata (multiscales, plate, well, labels, image-label, bioformats2raw.layout); it is not an OME-Zarr dataset."));
        }

        if (datasets.Count == 0)
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.DatasetNotFound, Severity.Error, string.Empty, string.Empty,
                "no OME-Zarr dataset found: no folder holds a Zarr group (.zattrs/.zgroup or zarr.json) with OME-Zarr metadata."));
        }
        else if (datasets.Count > 1)
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.DatasetSeveral, Severity.Warning, string.Empty, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{datasets.Count} OME-Zarr datasets side by side ({string.Join(", ", datasets.Select(d => $"'{Display(d.Root)}'"))}); an importer takes '{Display(datasets[0].Root)}' (shallowest root, then path order). Put one dataset in each archive.")));
        }

        foreach (var (dataset, root) in rootNodes)
        {
            CheckRootKind(dataset, root, findings);
            CheckHierarchy(catalog, root, findings);
        }

        ReportJunk(index, findings);
        ReportOutside(index, datasets, findings);
        return new DiscoveryResult(reader.Location, datasets, findings, new DiscoveryContext(index, catalog, rootNodes));
    }

    /// <summary>The asset name: the root folder's name, or the archive name without its suffix for a root at the archive root.</summary>
    public static string AssetName(string location, string root)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(root);
        if (root.Length > 0)
        {
            return root[(root.LastIndexOf('/') + 1)..];
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(location));
        return ArchiveNames.StripArchiveSuffix(name);
    }

    private static (List<ZarrNode> Roots, List<ZarrNode> Containers, List<ZarrNode> Plain) FindRoots(ZarrNodeCatalog catalog)
    {
        // For every OME node, the highest OME node at or above it is its root; the highest node of any
        // kind above that root, when not OME itself, is a non-standard container.
        var roots = new HashSet<ZarrNode>();
        var containers = new HashSet<ZarrNode>();
        var topmostWithRoots = new HashSet<ZarrNode>();
        var topmost = new List<ZarrNode>();
        foreach (var node in catalog.Sorted)
        {
            ZarrNode highest = node;
            ZarrNode? highestOme = node.IsOme ? node : null;
            foreach (var ancestor in Ancestors(catalog, node.Path))
            {
                highest = ancestor;
                if (ancestor.IsOme)
                {
                    highestOme = ancestor;
                }
            }

            if (ReferenceEquals(highest, node))
            {
                topmost.Add(node);
            }

            if (node.IsOme && highestOme is not null)
            {
                roots.Add(highestOme);
                topmostWithRoots.Add(highest);
                if (!ReferenceEquals(highest, highestOme))
                {
                    containers.Add(highest);
                }
            }
        }

        var plain = topmost.Where(t => !topmostWithRoots.Contains(t)).ToList();
        return ([.. roots], [.. containers.OrderBy(c => c.Path, StringComparer.Ordinal)], plain);
    }

    private static IEnumerable<ZarrNode> Ancestors(ZarrNodeCatalog catalog, string path)
    {
        var end = path.Length;
        while (end > 0)
        {
            end = Math.Max(0, path.LastIndexOf('/', end - 1));
            var node = catalog.Find(path.AsSpan(0, end));
            if (node is not null)
            {
                yield return node;
            }
        }
    }

    private static OmeZarrDataset Describe(ArchiveReader reader, EntryIndex index, ZarrNodeCatalog catalog, ZarrNode root)
    {
        var files = new List<ArchiveEntry>();
        EntryIndex.CollectFiles(index.Find(root.Path) ?? index.Root, files);

        var version = NgffVersionDetector.Detect(root.Attributes, root.Format == ZarrFormat.V3, out var raw);
        if (raw is null)
        {
            // A bioformats2raw root often carries no version; its images do.
            foreach (var node in catalog.Sorted)
            {
                if (node.IsOme && !ReferenceEquals(node, root) && IsUnder(node.Path, root.Path))
                {
                    var inner = NgffVersionDetector.Detect(node.Attributes, node.Format == ZarrFormat.V3, out var innerRaw);
                    if (innerRaw is not null)
                    {
                        (version, raw) = (inner, innerRaw);
                        break;
                    }
                }
            }
        }

        return new OmeZarrDataset(root.Path, AssetName(reader.Location, root.Path), version, raw, KindOf(root.Ome), root.Format, files);
    }

    private static OmeZarrKind KindOf(JsonElement ome) =>
        ome.TryGetProperty("plate", out _) ? OmeZarrKind.Plate
        : ome.TryGetProperty("bioformats2raw.layout", out _) ? OmeZarrKind.Bioformats2RawCollection
        : ome.TryGetProperty("multiscales", out _) ? (ome.TryGetProperty("image-label", out _) ? OmeZarrKind.LabelImage : OmeZarrKind.Image)
        : ome.TryGetProperty("well", out _) ? OmeZarrKind.Well
        : ome.TryGetProperty("labels", out _) ? OmeZarrKind.Labels
        : ome.TryGetProperty("image-label", out _) ? OmeZarrKind.LabelImage
        : OmeZarrKind.Series;

    private static void CheckRootKind(OmeZarrDataset dataset, ZarrNode root, List<ValidationFinding> findings)
    {
        if (dataset.Kind is OmeZarrKind.Well or OmeZarrKind.Labels or OmeZarrKind.LabelImage or OmeZarrKind.Series)
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.DatasetRootUnusual, Severity.Warning, root.AttributesFile, string.Empty,
                $"the dataset root '{Display(root.Path)}' is a {KindText(dataset.Kind)}, normally found inside an image, plate or bioformats2raw collection; the surrounding hierarchy may be missing."));
        }
    }

    // R5 (mixed formats), R6 (.zattrs without .zgroup) and R7 (implicit groups) for one hierarchy.
    private static void CheckHierarchy(ZarrNodeCatalog catalog, ZarrNode root, List<ValidationFinding> findings)
    {
        var implicitReported = new HashSet<string>(StringComparer.Ordinal);
        var noZGroup = new CappedFindings(findings, DatasetRuleIds.ZarrGroupFileMissing, Severity.Warning);
        ZarrNode? otherFormat = null;
        foreach (var node in catalog.Sorted)
        {
            if (!IsUnder(node.Path, root.Path) && !ReferenceEquals(node, root))
            {
                continue;
            }

            if (node.Format != root.Format)
            {
                otherFormat ??= node;
            }

            if (node.LacksZGroup)
            {
                noZGroup.Add(node.AttributesFile, string.Empty, $"the group '{Display(node.Path)}' has .zattrs but no .zgroup; add .zgroup {{\"zarr_format\": 2}} so every Zarr v2 reader sees a group.");
            }

            for (var folder = node.Folder.Parent; folder is not null && folder.Path.Length > root.Path.Length; folder = folder.Parent)
            {
                if (catalog.Find(folder.Path) is null && implicitReported.Add(folder.Path))
                {
                    var v3 = node.Format == ZarrFormat.V3;
                    findings.Add(new ValidationFinding(
                        DatasetRuleIds.ZarrImplicitGroup, v3 ? Severity.Error : Severity.Warning, folder.Path + "/", string.Empty,
                        v3 ? $"the folder '{folder.Path}' lies between the root and '{node.Path}' but has no zarr.json; Zarr v3 has no implicit groups, add a group zarr.json."
                           : $"the folder '{folder.Path}' lies between the root and '{node.Path}' but has no .zgroup; add one so Zarr v2 readers see the group."));
                }
            }
        }

        noZGroup.Close(root.AttributesFile, "groups without .zgroup");
        if (otherFormat is not null)
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.ZarrFormatMixed, Severity.Error, otherFormat.MetadataFile, string.Empty,
                $"'{Display(otherFormat.Path)}' is Zarr v{(int)otherFormat.Format} inside a Zarr v{(int)root.Format} hierarchy rooted at '{Display(root.Path)}'; one hierarchy must use one Zarr format (RFC-2)."));
        }
    }

    private static void ReportDuplicates(EntryIndex index, List<ValidationFinding> findings)
    {
        var capped = new CappedFindings(findings, DatasetRuleIds.ArchiveDuplicateEntry, Severity.Warning);
        foreach (var name in index.Duplicates)
        {
            capped.Add(name, string.Empty, "the archive lists this name more than once; the last copy is used (as Python's zipfile does).");
        }

        capped.Close(string.Empty, "duplicate names");
    }

    private static void ReportJunk(EntryIndex index, List<ValidationFinding> findings)
    {
        // One finding per __MACOSX tree, one per other junk file.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in index.Junk)
        {
            var at = entry.Path.StartsWith("__MACOSX/", StringComparison.Ordinal) ? 0
                : entry.Path.IndexOf("/__MACOSX/", StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;
            var key = at >= 0 ? entry.Path[..(at + "__MACOSX/".Length)] : entry.Path;
            if (groups.TryGetValue(key, out var count))
            {
                groups[key] = count + 1;
            }
            else
            {
                groups[key] = 1;
                order.Add(key);
            }
        }

        var capped = new CappedFindings(findings, DatasetRuleIds.ArchiveJunk, Severity.Info);
        foreach (var key in order)
        {
            capped.Add(key, string.Empty, groups[key] == 1 && !key.EndsWith('/')
                ? "operating-system clutter, set aside (never imported)."
                : string.Create(CultureInfo.InvariantCulture, $"{groups[key]} entries of macOS metadata, set aside (never imported)."));
        }

        capped.Close(string.Empty, "clutter entries");
    }

    private static void ReportOutside(EntryIndex index, List<OmeZarrDataset> datasets, List<ValidationFinding> findings)
    {
        if (datasets.Count == 0)
        {
            return;
        }

        var roots = datasets.Select(d => d.Root).ToHashSet(StringComparer.Ordinal);
        if (roots.Contains(string.Empty))
        {
            return;
        }

        var outside = new List<ArchiveEntry>();
        EntryIndex.CollectFiles(index.Root, outside, folder => roots.Contains(folder.Path));
        var capped = new CappedFindings(findings, DatasetRuleIds.ArchiveFileOutsideDataset, Severity.Warning);
        foreach (var file in outside)
        {
            capped.Add(file.Path, string.Empty, "this file lies outside every OME-Zarr dataset; it is not imported.");
        }

        capped.Close(string.Empty, "files outside the datasets");
    }

    internal static bool IsUnder(string path, string root) =>
        root.Length == 0 ? path.Length > 0 : path.Length > root.Length && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal);

    internal static string Display(string path) => path.Length == 0 ? "(archive root)" : path;

    internal static string KindText(OmeZarrKind kind) => kind switch
    {
        OmeZarrKind.Image => "image",
        OmeZarrKind.Plate => "plate",
        OmeZarrKind.Bioformats2RawCollection => "bioformats2raw collection",
        OmeZarrKind.Well => "well",
        OmeZarrKind.Labels => "labels group",
        OmeZarrKind.LabelImage => "label image",
        _ => "OME series group",
    };

    private static int Depth(ZarrNode node) => node.Path.Length == 0 ? 0 : node.Path.Count(c => c == '/') + 1;
}
