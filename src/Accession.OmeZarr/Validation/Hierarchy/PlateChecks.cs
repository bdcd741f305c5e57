using System.Globalization;
using Accession.OmeZarr.Discovery;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// Checks a plate against its wells and a well against its field images (shared/specs/ome-zarr.md
/// §1.8, §2.5 A8). Row groups are covered by the implicit-group check of discovery; every field image
/// is a group of the hierarchy, so it gets the image checks too.
/// </summary>
internal static class PlateChecks
{
    public static void CheckPlate(HierarchyContext context, ZarrNode plateNode)
    {
        if (OmeView.Plate(plateNode.Ome) is not { } plate)
        {
            return;
        }

        var acquisitions = OmeView.PlateAcquisitionIds(plateNode.Ome);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, path) in plate.Wells)
        {
            var jsonPath = $"{plateNode.OmeJsonPath}.plate.wells[{index}].path";
            if (!OmeView.TryResolve(plateNode.Path, path, out var target))
            {
                continue; // A malformed path is an attribute rule.
            }

            listed.Add(target);
            var node = context.Node(target);
            if (node is null)
            {
                context.Error(DatasetRuleIds.PlateWellMissing, plateNode.AttributesFile, jsonPath, $"the well '{path}' is listed but has no group metadata at '{target}'.");
            }
            else if (!node.IsGroup || !OmeView.Has(node.Ome, "well"))
            {
                context.Error(DatasetRuleIds.PlateWellNotWell, plateNode.AttributesFile, jsonPath, $"'{path}' is listed as a well but its group has no well metadata.");
            }
            else
            {
                CheckAcquisitions(context, node, acquisitions, plate.Acquisitions);
            }
        }

        // Wells sit two levels below the plate (row/column).
        foreach (var row in context.Index.Find(plateNode.Path)?.Folders ?? [])
        {
            foreach (var column in row.Folders)
            {
                if (!listed.Contains(column.Path) && context.Node(column.Path) is { } well && OmeView.Has(well.Ome, "well"))
                {
                    context.Warning(DatasetRuleIds.PlateWellUnlisted, well.AttributesFile, well.OmeJsonPath,
                        $"the well '{RelativeTo(plateNode.Path, column.Path)}' is not listed in the plate's wells; readers will not show it.");
                }
            }
        }
    }

    public static void CheckWell(HierarchyContext context, ZarrNode wellNode)
    {
        if (OmeView.WellImages(wellNode.Ome) is not { } images)
        {
            return;
        }

        foreach (var (index, path) in images)
        {
            var jsonPath = $"{wellNode.OmeJsonPath}.well.images[{index}].path";
            if (!OmeView.TryResolve(wellNode.Path, path, out var target))
            {
                continue; // A malformed path is an attribute rule.
            }

            if (context.Node(target) is not { } node)
            {
                context.Error(DatasetRuleIds.WellImageMissing, wellNode.AttributesFile, jsonPath, $"the field image '{path}' is listed but has no group metadata.");
            }
            else if (!node.IsGroup || !OmeView.Has(node.Ome, "multiscales"))
            {
                context.Error(DatasetRuleIds.WellImageNotImage, wellNode.AttributesFile, jsonPath, $"the field '{path}' is not a multiscales image.");
            }
        }
    }

    /// <summary>
    /// A field's acquisition must be one the plate defines, and must be given when the plate defines
    /// several (§1.8). A plate without acquisitions leaves nothing to refer to, so an id there is a
    /// dangling reference readers cannot resolve: a warning, not a broken MUST.
    /// </summary>
    private static void CheckAcquisitions(HierarchyContext context, ZarrNode wellNode, IReadOnlySet<long> plateIds, int plateAcquisitions)
    {
        foreach (var (index, acquisition) in OmeView.WellAcquisitions(wellNode.Ome))
        {
            var fieldPath = $"{wellNode.OmeJsonPath}.well.images[{index}]";
            if (acquisition is null)
            {
                if (plateAcquisitions > 1)
                {
                    context.Error(DatasetRuleIds.WellImageAcquisitionMissing, wellNode.AttributesFile, fieldPath,
                        string.Create(CultureInfo.InvariantCulture, $"the field has no \"acquisition\" but the plate defines {plateAcquisitions}; add the id of the acquisition it belongs to."));
                }
            }
            else if (!plateIds.Contains(acquisition.Value))
            {
                var jsonPath = $"{fieldPath}.acquisition";
                if (plateIds.Count == 0)
                {
                    context.Warning(DatasetRuleIds.WellImageAcquisitionUnknown, wellNode.AttributesFile, jsonPath,
                        string.Create(CultureInfo.InvariantCulture, $"acquisition {acquisition} is not defined: the plate has no \"acquisitions\"; add it to the plate or remove the field's acquisition."));
                }
                else
                {
                    context.Error(DatasetRuleIds.WellImageAcquisitionUnknown, wellNode.AttributesFile, jsonPath,
                        string.Create(CultureInfo.InvariantCulture, $"acquisition {acquisition} is not defined in the plate (ids: {string.Join(", ", plateIds.Order())}); use one of them or add it to the plate."));
                }
            }
        }
    }

    private static string RelativeTo(string root, string path) => root.Length == 0 ? path : path[(root.Length + 1)..];
}
