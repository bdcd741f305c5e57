using System.Globalization;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// Version rules across a hierarchy (shared/specs/ome-zarr.md §1.1): "The OME-Zarr Metadata version
/// MUST be consistent within a hierarchy" (0.5), and RFC-2's "OME-Zarr images MUST be consistent in
/// their OME-Zarr and Zarr version" (≤ 0.4 on Zarr v2 with keys in .zattrs; ≥ 0.5 on Zarr v3 under
/// attributes.ome).
/// </summary>
internal static class VersionChecks
{
    public static void Check(HierarchyContext context, ZarrNode node)
    {
        var declared = context.DeclaredVersion(node);
        var dataset = context.DatasetVersion;
        if (declared is { } own && dataset is { } expected && own != expected && !ReferenceEquals(node, context.Root))
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"this group declares OME-Zarr {own:0.0#} but the dataset is {expected:0.0#}; one hierarchy must use one version.");
            if (own >= 0.5m || expected >= 0.5m)
            {
                context.Error(DatasetRuleIds.VersionInconsistent, node.AttributesFile, node.OmeJsonPath, message);
            }
            else
            {
                context.Warning(DatasetRuleIds.VersionInconsistent, node.AttributesFile, node.OmeJsonPath, message);
            }
        }

        var version = declared ?? dataset;
        var v3 = node.Format == ZarrFormat.V3;
        if (!node.OmeLayoutMatchesFormat)
        {
            context.Error(DatasetRuleIds.VersionZarrFormatMismatch, node.AttributesFile, node.OmeJsonPath, v3
                ? "the OME-Zarr keys sit at the top of the Zarr v3 attributes; OME-Zarr 0.5 puts them under attributes.ome (and OME-Zarr 0.4 requires Zarr v2)."
                : "the OME-Zarr keys sit under 'ome' in .zattrs; that is the OME-Zarr 0.5 layout, which requires Zarr v3 (zarr.json).");
        }
        else if (version is { } v && ((v >= 0.5m && !v3) || (v <= 0.4m && v3)))
        {
            context.Error(DatasetRuleIds.VersionZarrFormatMismatch, node.AttributesFile, node.OmeJsonPath,
                string.Create(CultureInfo.InvariantCulture, $"OME-Zarr {v:0.0#} metadata in a Zarr v{(v3 ? 3 : 2)} node; OME-Zarr ≤ 0.4 uses Zarr v2 and ≥ 0.5 uses Zarr v3 (RFC-2)."));
        }
    }
}
