using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Discovery;

/// <summary>Summarises discovered datasets (images, levels, labels, plates) from the metadata discovery read.</summary>
public static class DatasetInspector
{
    public static IReadOnlyList<DatasetSummary> Summarize(DiscoveryResult discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        var catalog = discovery.Context.Catalog;
        var result = new List<DatasetSummary>();
        foreach (var dataset in discovery.Datasets)
        {
            var root = discovery.Context.Roots[dataset];
            var images = new List<ImageSummary>();
            var plates = new List<PlateSummary>();
            int groups = 0, arrays = 0;
            foreach (var node in catalog.Sorted)
            {
                if (!ReferenceEquals(node, root) && !DatasetDiscovery.IsUnder(node.Path, root.Path))
                {
                    continue;
                }

                if (node.IsGroup)
                {
                    groups++;
                }
                else
                {
                    arrays++;
                }

                var relative = node.Path.Length == root.Path.Length ? string.Empty : node.Path[(root.Path.Length == 0 ? 0 : root.Path.Length + 1)..];
                if (OmeView.Multiscales(node.Ome) is [var multiscale, ..])
                {
                    images.Add(Image(catalog, node, relative, multiscale));
                }

                if (OmeView.Plate(node.Ome) is { } plate)
                {
                    plates.Add(new PlateSummary(relative, plate.Name, plate.Rows, plate.Columns, plate.Wells.Count, plate.Acquisitions, plate.FieldCount));
                }
            }

            result.Add(new DatasetSummary(dataset, images, plates, groups, arrays));
        }

        return result;
    }

    private static ImageSummary Image(ZarrNodeCatalog catalog, ZarrNode node, string relative, MultiscaleView multiscale)
    {
        var levels = new List<LevelSummary>();
        foreach (var (_, path) in multiscale.Datasets)
        {
            if (OmeView.TryResolve(node.Path, path, out var target) && catalog.Find(target) is { Array: { } array })
            {
                levels.Add(new LevelSummary(
                    path, array.Shape, array.DataType.Name, array.ChunkShape, array.InnerChunkShape,
                    [.. array.Codecs.Select(c => c.Describe())], array.ChunkKeyEncoding.ToString(), array.DimensionNames));
            }
        }

        var labelsPath = node.Path.Length == 0 ? "labels" : $"{node.Path}/labels";
        var labels = catalog.Find(labelsPath) is { } labelsNode && OmeView.Strings(labelsNode.Ome, "labels") is { } listed
            ? listed.Select(l => l.Value).ToList()
            : [];
        return new ImageSummary(relative, multiscale.Name, multiscale.AxisNames ?? [], levels, OmeView.Has(node.Ome, "image-label"), labels);
    }
}
