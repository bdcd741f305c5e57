using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>well</c> object (shared/specs/ome-zarr.md §1.8, §2.4 M12, M14): a non-empty <c>images</c>
/// list of fields with unique alphanumeric paths (0.4+) and integer <c>acquisition</c> ids; 0.4
/// <c>version</c> SHOULD. Whether the acquisition ids exist in the plate is a cross-node check.
/// </summary>
internal static class WellRules
{
    public static void Check(RuleContext context, JsonElement well, string path)
    {
        if (well.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.WellNotObject, path, $"well is {JsonValues.Describe(well)}; write an object with an \"images\" list.");
            return;
        }

        if (context.Version == NgffVersion.V04 && !well.TryGetProperty(OmeKeys.Version, out _))
        {
            context.Report(AttributeRules.StrictWellVersionMissing, path, "the well has no \"version\"; add \"version\": \"0.4\".");
        }

        if (!well.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array || images.GetArrayLength() == 0)
        {
            var what = well.TryGetProperty("images", out var v) ? $"images is {JsonValues.Describe(v)}" : "the well has no \"images\"";
            context.Report(AttributeRules.WellImagesMissing, path, $"{what}; list the fields of view, e.g. [{{\"path\": \"0\"}}].");
            return;
        }

        var imagesPath = JsonPaths.Property(path, "images");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < images.GetArrayLength(); i++)
        {
            var image = images[i];
            var imagePath = JsonPaths.Item(imagesPath, i);
            if (image.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.WellImageInvalid, imagePath, $"the field is {JsonValues.Describe(image)}; write an object with a \"path\".");
                continue;
            }

            CheckPath(context, image, imagePath, seen, i);
            if (image.TryGetProperty("acquisition", out var acquisition) && !JsonValues.IsInteger(acquisition))
            {
                context.Report(AttributeRules.WellImageAcquisitionInvalid, JsonPaths.Property(imagePath, "acquisition"), $"acquisition is {JsonValues.Describe(acquisition)}; write the integer id of a plate acquisition.");
            }
        }
    }

    private static void CheckPath(RuleContext context, JsonElement image, string imagePath, Dictionary<string, int> seen, int index)
    {
        if (!image.TryGetProperty("path", out var value) || value.ValueKind != JsonValueKind.String)
        {
            var what = image.TryGetProperty("path", out var v) ? $"the field path is {JsonValues.Describe(v)}" : "the field has no \"path\"";
            context.Report(AttributeRules.WellImagePathInvalid, imagePath, $"{what}; name the field's group, e.g. \"0\".");
            return;
        }

        var text = value.GetString()!;
        var valuePath = JsonPaths.Property(imagePath, "path");
        if (context.IsLegacy ? text.Length == 0 : !PlateNames.IsAlphanumeric(text))
        {
            context.Report(AttributeRules.WellImagePathInvalid, valuePath, $"field path \"{text}\" must be letters and digits only, e.g. \"0\".");
        }
        else if (seen.TryGetValue(text, out var first))
        {
            context.Report(AttributeRules.WellImagePathDuplicate, valuePath, string.Create(CultureInfo.InvariantCulture, $"field path \"{text}\" repeats images[{first}]; list each field once."));
        }
        else
        {
            seen[text] = index;
        }
    }
}
