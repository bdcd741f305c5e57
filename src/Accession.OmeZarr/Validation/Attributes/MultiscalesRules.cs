using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>multiscales</c> list (shared/specs/ome-zarr.md §1.5, §2.4 M6, M7, M14): a non-empty list of
/// unique entries, each with axes (0.3+) and at least one dataset with a string path and, since 0.4,
/// its coordinate transformations; levels ordered from highest to lowest resolution (SHOULD);
/// <c>name</c>, <c>type</c>, <c>metadata</c> (and 0.4 <c>version</c>) are the strict schema's SHOULD fields.
/// </summary>
internal static class MultiscalesRules
{
    public static void Check(RuleContext context, JsonElement multiscales, string path)
    {
        if (multiscales.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.MultiscalesNotArray, path, $"multiscales is {JsonValues.Describe(multiscales)}; write a list with one object per multiscale image.");
            return;
        }

        var count = multiscales.GetArrayLength();
        if (count == 0)
        {
            context.Report(AttributeRules.MultiscalesEmpty, path, "multiscales is empty; describe at least one multiscale image (axes and datasets).");
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var entryPath = JsonPaths.Item(path, i);
            for (var j = 0; j < i; j++)
            {
                if (JsonElement.DeepEquals(multiscales[i], multiscales[j]))
                {
                    context.Report(AttributeRules.MultiscalesDuplicate, entryPath, Invariant($"this entry repeats entry {j}; remove the copy."));
                    break;
                }
            }

            CheckEntry(context, multiscales[i], entryPath);
        }
    }

    private static void CheckEntry(RuleContext context, JsonElement entry, string path)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.MultiscalesEntryInvalid, path, $"the multiscale is {JsonValues.Describe(entry)}; write an object with \"axes\" and \"datasets\".");
            return;
        }

        CheckShouldFields(context, entry, path);
        var axisCount = CheckAxes(context, entry, path);
        var scales = CheckDatasets(context, entry, path, axisCount);
        if (context.IsCurrent)
        {
            CoordinateTransformationRules.Check(context, entry, path, axisCount, required: false);
            CheckScaleOrder(context, scales);
        }
    }

    private static void CheckShouldFields(RuleContext context, JsonElement entry, string path)
    {
        if (entry.TryGetProperty("name", out var name) && name.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.MultiscalesNameType, JsonPaths.Property(path, "name"), $"name is {JsonValues.Describe(name)}; write it as a string.");
        }

        if (!context.IsCurrent)
        {
            return;
        }

        if (!entry.TryGetProperty("name", out _))
        {
            context.Report(AttributeRules.StrictMultiscalesNameMissing, path, "the multiscale has no \"name\"; add one so readers can choose between images.");
        }

        if (!entry.TryGetProperty("type", out _))
        {
            context.Report(AttributeRules.StrictMultiscalesTypeMissing, path, "the multiscale has no \"type\"; name the downscaling method, e.g. \"gaussian\".");
        }

        if (!entry.TryGetProperty("metadata", out _))
        {
            context.Report(AttributeRules.StrictMultiscalesMetadataMissing, path, "the multiscale has no \"metadata\"; describe the downscaling (method, version, arguments).");
        }

        if (context.Version == NgffVersion.V04 && !entry.TryGetProperty(OmeKeys.Version, out _))
        {
            context.Report(AttributeRules.StrictMultiscalesVersionMissing, path, "the multiscale has no \"version\"; add \"version\": \"0.4\".");
        }
    }

    private static int? CheckAxes(RuleContext context, JsonElement entry, string path)
    {
        // Axes came with 0.3 (letters) and became objects in 0.4.
        if (context.Version < NgffVersion.V03)
        {
            return null;
        }

        if (!entry.TryGetProperty("axes", out var axes))
        {
            context.Report(AttributeRules.MultiscalesAxesMissing, path, "the multiscale has no \"axes\"; list one axis per array dimension, e.g. [{\"name\": \"y\", \"type\": \"space\"}, {\"name\": \"x\", \"type\": \"space\"}].");
            return null;
        }

        var axesPath = JsonPaths.Property(path, "axes");
        return context.Version == NgffVersion.V03 ? AxesRules.CheckLegacy(context, axes, axesPath) : AxesRules.Check(context, axes, axesPath);
    }

    private static List<(double[] Scale, string Path)> CheckDatasets(RuleContext context, JsonElement entry, string path, int? axisCount)
    {
        var scales = new List<(double[], string)>();
        if (!entry.TryGetProperty("datasets", out var datasets) || datasets.ValueKind != JsonValueKind.Array)
        {
            var what = entry.TryGetProperty("datasets", out var d) ? $"datasets is {JsonValues.Describe(d)}" : "the multiscale has no \"datasets\"";
            context.Report(AttributeRules.MultiscalesDatasetsMissing, path, $"{what}; list the resolution levels, e.g. [{{\"path\": \"0\", ...}}], highest resolution first.");
            return scales;
        }

        var datasetsPath = JsonPaths.Property(path, "datasets");
        if (datasets.GetArrayLength() == 0)
        {
            context.Report(AttributeRules.MultiscalesDatasetsEmpty, datasetsPath, "datasets is empty; list at least one resolution level.");
            return scales;
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < datasets.GetArrayLength(); i++)
        {
            var dataset = datasets[i];
            var datasetPath = JsonPaths.Item(datasetsPath, i);
            if (dataset.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.MultiscalesDatasetInvalid, datasetPath, $"the dataset is {JsonValues.Describe(dataset)}; write an object with a \"path\".");
                continue;
            }

            CheckDatasetPath(context, dataset, datasetPath, paths);
            if (context.IsCurrent && CoordinateTransformationRules.Check(context, dataset, datasetPath, axisCount, required: true) is { } scale)
            {
                scales.Add((scale, datasetPath));
            }
        }

        return scales;
    }

    private static void CheckDatasetPath(RuleContext context, JsonElement dataset, string datasetPath, HashSet<string> paths)
    {
        if (!dataset.TryGetProperty("path", out var value))
        {
            context.Report(AttributeRules.MultiscalesDatasetPathInvalid, datasetPath, "the dataset has no \"path\"; name the array of this level relative to the group, e.g. \"0\".");
            return;
        }

        var valuePath = JsonPaths.Property(datasetPath, "path");
        if (value.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.MultiscalesDatasetPathInvalid, valuePath, $"path is {JsonValues.Describe(value)}; write it as a string, e.g. \"0\".");
            return;
        }

        var text = value.GetString()!;
        if (DatasetPaths.Problem(text) is { } problem)
        {
            context.Report(AttributeRules.MultiscalesDatasetPathInvalid, valuePath, $"path \"{text}\" is unusable: {problem}.");
        }
        else if (!paths.Add(text))
        {
            context.Report(AttributeRules.MultiscalesDatasetPathDuplicate, valuePath, $"path \"{text}\" is used by two levels; give each level its own array.");
        }
    }

    // Each level should be at most as detailed as the one before it: scale values never shrink.
    private static void CheckScaleOrder(RuleContext context, List<(double[] Scale, string Path)> scales)
    {
        for (var i = 1; i < scales.Count; i++)
        {
            var previous = scales[i - 1].Scale;
            var current = scales[i].Scale;
            if (previous.Length != current.Length)
            {
                continue;
            }

            for (var d = 0; d < current.Length; d++)
            {
                if (current[d] < previous[d])
                {
                    context.Report(AttributeRules.MultiscalesScaleOrder, scales[i].Path, Invariant($"axis {d} has scale {current[d]} here but {previous[d]} on the level before; order the datasets from highest to lowest resolution."));
                    return;
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
