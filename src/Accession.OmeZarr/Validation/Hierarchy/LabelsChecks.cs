using System.Globalization;
using Accession.OmeZarr.Discovery;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// Checks a <c>labels</c> group against its label images and its parent image (shared/specs/ome-zarr.md
/// §1.7, §2.5 A7): listed images exist and are multiscales, have the parent's number of levels, an
/// integer data type, and dimensions equal to the image's or 1.
/// </summary>
internal static class LabelsChecks
{
    public static void Check(HierarchyContext context, ZarrNode labels)
    {
        var listed = OmeView.Strings(labels.Ome, "labels");
        if (listed is null)
        {
            return;
        }

        var parent = labels.Folder.Parent is { } folder ? context.Node(folder.Path) : null;
        (ZarrNode Node, MultiscaleView Multiscale)? image = null;
        if (parent is not null && OmeView.Multiscales(parent.Ome) is [var first, ..])
        {
            image = (parent, first);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, path) in listed)
        {
            names.Add(path.TrimEnd('/'));
            var jsonPath = $"{labels.OmeJsonPath}.labels[{index}]";
            if (!OmeView.TryResolve(labels.Path, path, out var target))
            {
                continue; // A malformed path is an attribute rule.
            }

            if (context.Node(target) is not { IsGroup: true } label)
            {
                context.Error(DatasetRuleIds.LabelsImageMissing, labels.AttributesFile, jsonPath, $"the label image '{path}' is listed but '{Join(labels.Path, path)}' is not a group.");
                continue;
            }

            if (OmeView.Multiscales(label.Ome) is not [var multiscale, ..])
            {
                context.Error(DatasetRuleIds.LabelsImageNotMultiscales, label.AttributesFile, label.OmeJsonPath, $"the label image '{path}' has no multiscales; a label image must be a multiscales image.");
                continue;
            }

            CheckAgainstImage(context, label, multiscale, image);
        }

        if (context.VersionOf(labels) >= 0.5m)
        {
            foreach (var child in labels.Folder.Folders)
            {
                if (!names.Contains(child.Name) && context.Node(child.Path) is { } node && OmeView.Has(node.Ome, "multiscales"))
                {
                    context.Warning(DatasetRuleIds.LabelsImageUnlisted, labels.AttributesFile, $"{labels.OmeJsonPath}.labels",
                        $"the label image '{child.Name}' is not listed in labels; OME-Zarr 0.5 asks for every label image to be listed.");
                }
            }
        }
    }

    private static void CheckAgainstImage(HierarchyContext context, ZarrNode label, MultiscaleView multiscale, (ZarrNode Node, MultiscaleView Multiscale)? image)
    {
        var levels = context.Levels(label, multiscale);
        foreach (var level in levels)
        {
            if (level.Array.DataType.IsKnown && !level.Array.DataType.IsInteger)
            {
                context.Error(DatasetRuleIds.LabelsDataTypeNotInteger, level.ArrayFile, level.DataTypeKey,
                    $"label arrays must have an integer data type (uint8 … int64); this one is {level.Array.DataType.Name}.");
            }
        }

        if (image is not { } parent)
        {
            return;
        }

        if (multiscale.Datasets.Count != parent.Multiscale.Datasets.Count)
        {
            context.Error(DatasetRuleIds.LabelsLevelCount, label.AttributesFile, $"{label.OmeJsonPath}.multiscales[{multiscale.Index}].datasets",
                string.Create(CultureInfo.InvariantCulture, $"the label image has {multiscale.Datasets.Count} levels but its image '{DatasetDiscovery.Display(parent.Node.Path)}' has {parent.Multiscale.Datasets.Count}; they must match."));
        }

        var imageLevels = context.Levels(parent.Node, parent.Multiscale);
        if (levels.Count == 0 || imageLevels.Count == 0 || levels[0].Array.Ndim != imageLevels[0].Array.Ndim)
        {
            return;
        }

        var labelShape = levels[0].Array.Shape;
        var imageShape = imageLevels[0].Array.Shape;
        for (var d = 0; d < labelShape.Count; d++)
        {
            if (labelShape[d] != imageShape[d] && labelShape[d] != 1)
            {
                context.Warning(DatasetRuleIds.LabelsShapeMismatch, levels[0].ArrayFile, "$.shape",
                    string.Create(CultureInfo.InvariantCulture, $"dimension {d} of the label image is {labelShape[d]}; it should equal the image's {imageShape[d]} or be 1."));
                break;
            }
        }
    }

    private static string Join(string group, string path) => group.Length == 0 ? path : $"{group}/{path}";
}
