using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>labels</c> group (shared/specs/ome-zarr.md §1.7, §2.4 M10): <c>labels</c> MUST be a list of
/// paths, relative to the labels group, of the label images. An empty list is allowed.
/// </summary>
internal static class LabelsRules
{
    public static void Check(RuleContext context, JsonElement labels, string path)
    {
        if (labels.ValueKind != JsonValueKind.Array)
        {
            context.Report(AttributeRules.LabelsNotArray, path, $"labels is {JsonValues.Describe(labels)}; write a list of label image paths such as [\"cells\"].");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.GetArrayLength(); i++)
        {
            var entry = labels[i];
            var entryPath = JsonPaths.Item(path, i);
            if (entry.ValueKind != JsonValueKind.String)
            {
                context.Report(AttributeRules.LabelsEntryInvalid, entryPath, $"the entry is {JsonValues.Describe(entry)}; write the label image's path as a string.");
                continue;
            }

            var text = entry.GetString()!;
            if (DatasetPaths.Problem(text) is { } problem)
            {
                context.Report(AttributeRules.LabelsEntryInvalid, entryPath, $"label path \"{text}\" is unusable: {problem}.");
            }
            else if (!seen.Add(text))
            {
                context.Report(AttributeRules.LabelsEntryDuplicate, entryPath, $"label path \"{text}\" is listed twice; list each label image once.");
            }
        }
    }
}
