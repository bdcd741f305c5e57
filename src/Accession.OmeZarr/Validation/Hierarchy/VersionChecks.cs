using System.Globalization;
using Accession.OmeZarr.Discovery;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// One version per hierarchy (shared/specs/ome-zarr.md §1.1): "The OME-Zarr Metadata version MUST be
/// consistent within a hierarchy" (0.5). Whether a group's version fits its Zarr format, and where its
/// keys live, is an attribute rule of the group itself.
/// </summary>
internal static class VersionChecks
{
    public static void Check(HierarchyContext context, ZarrNode node)
    {
        if (ReferenceEquals(node, context.Root) || context.DeclaredVersion(node) is not { } own || context.DatasetVersion is not { } expected || own == expected)
        {
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"this group declares OME-Zarr {own:0.0#} but the dataset is {expected:0.0#}; one hierarchy must use one version.");
        if (own >= 0.5m || expected >= 0.5m)
        {
            context.Error(DatasetRuleIds.HierarchyVersionInconsistent, node.AttributesFile, node.OmeJsonPath, message);
        }
        else
        {
            context.Warning(DatasetRuleIds.HierarchyVersionInconsistent, node.AttributesFile, node.OmeJsonPath, message);
        }
    }
}
