using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The <c>image-label</c> object of a label image (shared/specs/ome-zarr.md §1.7, §2.4 M11, M14):
/// <c>colors</c> (SHOULD) and <c>properties</c> (MAY) are non-empty lists whose entries MUST carry an
/// integer <c>label-value</c>, unique within the list; <c>rgba</c> is four integers 0–255;
/// <c>source.image</c> is a path string; 0.4 <c>version</c> SHOULD. Whether the group also has
/// multiscales is a node-level question left to the hierarchy checks.
/// </summary>
internal static class ImageLabelRules
{
    private const string LabelValue = "label-value";

    public static void Check(RuleContext context, JsonElement imageLabel, string path)
    {
        if (imageLabel.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.ImageLabelNotObject, path, $"image-label is {JsonValues.Describe(imageLabel)}; write an object (with \"colors\", for example).");
            return;
        }

        if (imageLabel.TryGetProperty("colors", out var colors))
        {
            CheckEntries(context, colors, JsonPaths.Property(path, "colors"), AttributeRules.ImageLabelColorsInvalid, checkRgba: true);
        }
        else if (!context.IsLegacy)
        {
            context.Report(AttributeRules.StrictImageLabelColorsMissing, path, "image-label has no \"colors\"; list a color per label value, e.g. [{\"label-value\": 1, \"rgba\": [255, 0, 0, 255]}].");
        }

        if (imageLabel.TryGetProperty("properties", out var properties))
        {
            CheckEntries(context, properties, JsonPaths.Property(path, "properties"), AttributeRules.ImageLabelPropertiesInvalid, checkRgba: false);
        }

        if (imageLabel.TryGetProperty("source", out var source))
        {
            CheckSource(context, source, JsonPaths.Property(path, "source"));
        }

        if (context.Version == NgffVersion.V04 && !imageLabel.TryGetProperty(OmeKeys.Version, out _))
        {
            context.Report(AttributeRules.StrictImageLabelVersionMissing, path, "image-label has no \"version\"; add \"version\": \"0.4\".");
        }
    }

    private static void CheckEntries(RuleContext context, JsonElement list, string path, AttributeRule listRule, bool checkRgba)
    {
        var name = listRule == AttributeRules.ImageLabelColorsInvalid ? "colors" : "properties";
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            context.Report(listRule, path, $"{name} is {JsonValues.Describe(list)}; write a non-empty list of objects with a \"label-value\", or leave {name} out.");
            return;
        }

        var values = new Dictionary<double, int>();
        for (var i = 0; i < list.GetArrayLength(); i++)
        {
            var entry = list[i];
            var entryPath = JsonPaths.Item(path, i);
            if (entry.ValueKind != JsonValueKind.Object)
            {
                context.Report(listRule, entryPath, $"the entry is {JsonValues.Describe(entry)}; write an object with a \"label-value\".");
                continue;
            }

            CheckLabelValue(context, entry, entryPath, name, values, i);
            if (checkRgba && entry.TryGetProperty("rgba", out var rgba))
            {
                CheckRgba(context, rgba, JsonPaths.Property(entryPath, "rgba"));
            }
        }
    }

    private static void CheckLabelValue(RuleContext context, JsonElement entry, string entryPath, string listName, Dictionary<double, int> values, int index)
    {
        if (!entry.TryGetProperty(LabelValue, out var value))
        {
            context.Report(AttributeRules.ImageLabelValueMissing, entryPath, $"the entry has no \"label-value\"; give the pixel value this entry describes, e.g. \"label-value\": 1.");
            return;
        }

        var valuePath = JsonPaths.Property(entryPath, LabelValue);
        if (!JsonValues.IsInteger(value))
        {
            context.Report(AttributeRules.ImageLabelValueType, valuePath, $"label-value is {JsonValues.Describe(value)}; label values are integer pixel values, e.g. 1.");
            return;
        }

        var number = value.GetDouble();
        if (values.TryGetValue(number, out var first))
        {
            context.Report(AttributeRules.ImageLabelValueDuplicate, valuePath, string.Create(CultureInfo.InvariantCulture, $"label-value {value.GetRawText()} already appears in {listName}[{first}]; give each label value one entry (readers keep only the last)."));
        }
        else
        {
            values[number] = index;
        }
    }

    private static void CheckRgba(RuleContext context, JsonElement rgba, string path)
    {
        var ok = rgba.ValueKind == JsonValueKind.Array && rgba.GetArrayLength() == 4;
        if (ok)
        {
            foreach (var channel in rgba.EnumerateArray())
            {
                ok &= JsonValues.TryGetInteger(channel, out var v) && v is >= 0 and <= 255;
            }
        }

        if (!ok)
        {
            var shown = rgba.ValueKind == JsonValueKind.Array ? rgba.GetRawText() : JsonValues.Describe(rgba);
            context.Report(AttributeRules.ImageLabelRgbaInvalid, path, $"rgba is {shown}; write four integers from 0 to 255, e.g. [255, 0, 0, 255].");
        }
    }

    private static void CheckSource(RuleContext context, JsonElement source, string path)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.ImageLabelSourceInvalid, path, $"source is {JsonValues.Describe(source)}; write an object such as {{\"image\": \"../../\"}}.");
        }
        else if (source.TryGetProperty("image", out var image) && image.ValueKind != JsonValueKind.String)
        {
            context.Report(AttributeRules.ImageLabelSourceInvalid, JsonPaths.Property(path, "image"), $"source image is {JsonValues.Describe(image)}; write the relative path of the image group as a string, e.g. \"../../\".");
        }
    }
}
