using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// <c>series</c> of the bioformats2raw <c>OME</c> group (shared/specs/ome-zarr.md §1.9, §2.4 M13): a list
/// of image group paths in the order of the OME-XML images. Each image group is exactly one OME-XML
/// image, so a path may appear only once. Whether the paths exist is a cross-node check.
/// </summary>
internal static class OmeSeriesRules
{
    public static void Check(RuleContext context, JsonElement series, string path)
    {
        if (series.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.SeriesInvalid, path, $"series is {JsonValues.Describe(series)}; write a list of image group paths such as [\"0\", \"1\"].");
            return;
        }

        if (series.GetArrayLength() == 0)
        {
            context.Report(AttributeRules.SeriesEmpty, path, "series is empty; list the image groups in the order of the OME-XML images.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < series.GetArrayLength(); i++)
        {
            var entry = series[i];
            var entryPath = JsonPaths.Item(path, i);
            if (entry.ValueKind != JsonValueKind.String)
            {
                context.Report(AttributeRules.SeriesInvalid, entryPath, $"the entry is {JsonValues.Describe(entry)}; write the image group's path as a string.");
            }
            else if (seen.TryGetValue(entry.GetString()!, out var first))
            {
                context.Report(AttributeRules.SeriesDuplicate, entryPath, string.Create(CultureInfo.InvariantCulture, $"series path \"{entry.GetString()}\" repeats series[{first}]; every image group stands for exactly one OME-XML image."));
            }
            else
            {
                seen[entry.GetString()!] = i;
            }
        }
    }
}
