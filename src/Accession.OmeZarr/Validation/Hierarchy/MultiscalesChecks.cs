using System.Globalization;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// Checks a multiscales image against its level arrays (shared/specs/ome-zarr.md §2.5, A1–A6):
/// every path is an array, ndim == len(axes), 0.5 dimension_names == axes names, 0.2–0.4
/// dimension_separator "/", one dtype across levels, shapes non-increasing.
/// </summary>
internal static class MultiscalesChecks
{
    public static void Check(HierarchyContext context, ZarrNode group)
    {
        foreach (var multiscale in OmeView.Multiscales(group.Ome))
        {
            var prefix = $"{group.OmeJsonPath}.multiscales[{multiscale.Index}]";
            CheckPaths(context, group, multiscale, prefix);
            var levels = context.Levels(group, multiscale);
            if (levels.Count == 0)
            {
                continue;
            }

            var version = context.VersionOf(group);
            CheckDimensions(context, multiscale, levels);
            if (version >= 0.5m || (version is null && group.Format == ZarrFormat.V3))
            {
                CheckDimensionNames(context, multiscale, levels);
            }

            if (version is >= 0.2m and <= 0.4m)
            {
                CheckSeparator(context, levels, version.Value);
            }

            CheckDataTypes(context, levels, version);
            CheckShapes(context, levels);
        }
    }

    // A1
    private static void CheckPaths(HierarchyContext context, ZarrNode group, MultiscaleView multiscale, string prefix)
    {
        foreach (var (index, path) in multiscale.Datasets)
        {
            var jsonPath = $"{prefix}.datasets[{index}].path";
            if (!OmeView.TryResolve(group.Path, path, out var target))
            {
                // The attribute rules report malformed paths.
                continue;
            }

            var node = context.Node(target);
            if (node is null)
            {
                var metadata = group.Format == ZarrFormat.V3 ? ZarrMetadataFiles.ZarrJson : ZarrMetadataFiles.ZArray;
                context.Error(DatasetRuleIds.MultiscalesArrayMissing, group.AttributesFile, jsonPath, $"dataset path '{path}' has no array: '{target}/{metadata}' is missing.");
            }
            else if (node.Kind != ZarrNodeKind.Array)
            {
                context.Error(DatasetRuleIds.MultiscalesArrayIsGroup, group.AttributesFile, jsonPath, $"dataset path '{path}' is a group; each resolution level must be an array.");
            }
        }
    }

    // A2
    private static void CheckDimensions(HierarchyContext context, MultiscaleView multiscale, IReadOnlyList<ResolvedLevel> levels)
    {
        var axes = multiscale.AxisNames;
        foreach (var level in levels)
        {
            if (axes is not null && level.Array.Ndim != axes.Count)
            {
                context.Error(DatasetRuleIds.MultiscalesNdimAxes, level.ArrayFile, "$.shape",
                    string.Create(CultureInfo.InvariantCulture, $"the array has {level.Array.Ndim} dimensions but the image has {axes.Count} axes ({string.Join(", ", axes)}); they must match."));
            }
            else if (axes is null && level.Array.Ndim != levels[0].Array.Ndim)
            {
                context.Error(DatasetRuleIds.MultiscalesNdimLevels, level.ArrayFile, "$.shape",
                    string.Create(CultureInfo.InvariantCulture, $"the array has {level.Array.Ndim} dimensions but level '{levels[0].Path}' has {levels[0].Array.Ndim}; all levels must have the same number."));
            }
        }
    }

    // A3
    private static void CheckDimensionNames(HierarchyContext context, MultiscaleView multiscale, IReadOnlyList<ResolvedLevel> levels)
    {
        foreach (var level in levels)
        {
            if (level.Node.Format != ZarrFormat.V3)
            {
                continue;
            }

            var names = level.Array.DimensionNames;
            if (names is null)
            {
                context.Error(DatasetRuleIds.MultiscalesDimensionNamesMissing, level.ArrayFile, "$",
                    $"OME-Zarr 0.5 requires dimension_names on every level array; add [{Quoted(multiscale.AxisNames)}].");
            }
            else if (multiscale.AxisNames is { } axes && axes.Count == names.Count && !names.SequenceEqual(axes))
            {
                context.Error(DatasetRuleIds.MultiscalesDimensionNamesMismatch, level.ArrayFile, "$.dimension_names",
                    $"dimension_names [{Quoted(names)}] differ from the axes names [{Quoted(axes)}]; they must be equal and in the same order.");
            }
        }
    }

    // A4: OME-NGFF 0.2 made "/" the separator; the web validator rejects anything else.
    private static void CheckSeparator(HierarchyContext context, IReadOnlyList<ResolvedLevel> levels, decimal version)
    {
        foreach (var level in levels)
        {
            if (level.Node.Format != ZarrFormat.V2 || level.Array.DimensionSeparator == "/")
            {
                continue;
            }

            var nested = level.Node.Folder.Folders.Any(f => context.Node(f.Path) is null);
            var text = string.Create(CultureInfo.InvariantCulture, $"{version:0.0}");
            if (level.Array.DimensionSeparator is null && nested)
            {
                context.Warning(DatasetRuleIds.MultiscalesDimensionSeparator, level.ArrayFile, "$",
                    $"dimension_separator is missing (Zarr's default is \".\") but the chunks are stored nested; OME-Zarr {text} requires \"dimension_separator\": \"/\".");
            }
            else
            {
                context.Error(DatasetRuleIds.MultiscalesDimensionSeparator, level.ArrayFile, level.Array.DimensionSeparator is null ? "$" : "$.dimension_separator",
                    $"OME-Zarr {text} requires \"dimension_separator\": \"/\" (nested chunk keys); the array uses \"{level.Array.DimensionSeparator ?? "."}\".");
            }
        }
    }

    // A5: a warning up to 0.5 (as the web validator for 0.4), an error from 0.6 where the spec makes it a MUST.
    private static void CheckDataTypes(HierarchyContext context, IReadOnlyList<ResolvedLevel> levels, decimal? version)
    {
        var first = levels[0];
        foreach (var level in levels.Skip(1))
        {
            if (level.Array.DataType.Name == first.Array.DataType.Name)
            {
                continue;
            }

            var message = $"level '{level.Path}' has data type {level.Array.DataType.Name} but level '{first.Path}' has {first.Array.DataType.Name}; all levels should share one data type.";
            if (version >= 0.6m)
            {
                context.Error(DatasetRuleIds.MultiscalesDataTypeMismatch, level.ArrayFile, level.DataTypeKey, message);
            }
            else
            {
                context.Warning(DatasetRuleIds.MultiscalesDataTypeMismatch, level.ArrayFile, level.DataTypeKey, message);
            }
        }
    }

    // A6: levels go from the highest resolution to the lowest.
    private static void CheckShapes(HierarchyContext context, IReadOnlyList<ResolvedLevel> levels)
    {
        for (var i = 1; i < levels.Count; i++)
        {
            var previous = levels[i - 1].Array.Shape;
            var shape = levels[i].Array.Shape;
            if (previous.Count != shape.Count)
            {
                continue;
            }

            for (var d = 0; d < shape.Count; d++)
            {
                if (shape[d] > previous[d])
                {
                    context.Warning(DatasetRuleIds.MultiscalesShapeIncreasing, levels[i].ArrayFile, "$.shape",
                        string.Create(CultureInfo.InvariantCulture, $"level '{levels[i].Path}' is larger than level '{levels[i - 1].Path}' in dimension {d} ({shape[d]} > {previous[d]}); levels must go from highest to lowest resolution."));
                    break;
                }
            }
        }
    }

    private static string Quoted(IReadOnlyList<string?>? names) =>
        names is null ? string.Empty : string.Join(", ", names.Select(n => n is null ? "null" : $"\"{n}\""));
}
