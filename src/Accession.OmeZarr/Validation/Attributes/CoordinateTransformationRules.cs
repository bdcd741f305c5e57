using System.Globalization;
using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// <c>coordinateTransformations</c> of a dataset or of a whole multiscale, 0.4/0.5
/// (shared/specs/ome-zarr.md §1.5, §2.4 M7): a non-empty list with exactly one <c>scale</c>, at most
/// one <c>translation</c> after it, nothing else, and inline number vectors with one value per axis.
/// </summary>
internal static class CoordinateTransformationRules
{
    private const string Key = "coordinateTransformations";
    private const string Scale = "scale";
    private const string Translation = "translation";

    /// <summary>
    /// Checks the transformations of <paramref name="owner"/> and returns the scale vector when there
    /// is exactly one usable scale. <paramref name="axisCount"/> is null when the axes are unusable.
    /// </summary>
    public static double[]? Check(RuleContext context, JsonElement owner, string ownerPath, int? axisCount, bool required)
    {
        var path = JsonPaths.Property(ownerPath, Key);
        if (!JsonValues.TryGet(owner, Key, out var list))
        {
            if (required)
            {
                context.Report(AttributeRules.TransformationsMissing, ownerPath, "the dataset has no \"coordinateTransformations\"; add one, e.g. [{\"type\": \"scale\", \"scale\": [1.0, 1.0]}] with one value per axis.");
            }

            return null;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            context.Report(AttributeRules.TransformationsInvalid, path, $"coordinateTransformations is {JsonValues.Describe(list)}; write a list that starts with one {{\"type\": \"scale\", ...}}.");
            return null;
        }

        double[]? scale = null;
        var scales = 0;
        var translations = 0;
        var translationBeforeScale = -1;
        for (var i = 0; i < list.GetArrayLength(); i++)
        {
            var item = list[i];
            var itemPath = JsonPaths.Item(path, i);
            if (item.ValueKind != JsonValueKind.Object)
            {
                context.Report(AttributeRules.TransformationInvalid, itemPath, $"the transformation is {JsonValues.Describe(item)}; write an object such as {{\"type\": \"scale\", \"scale\": [...]}}.");
                continue;
            }

            var type = JsonValues.TryGet(item, "type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case Scale:
                    scales++;
                    var values = CheckVector(context, item, itemPath, Scale, axisCount);
                    scale = scales == 1 ? values : null;
                    break;
                case Translation:
                    translations++;
                    CheckVector(context, item, itemPath, Translation, axisCount);
                    if (scales == 0 && translationBeforeScale < 0)
                    {
                        translationBeforeScale = i;
                    }

                    break;
                default:
                    var shown = JsonValues.TryGet(item, "type", out var raw) ? JsonValues.Describe(raw) : "missing";
                    context.Report(AttributeRules.TransformationTypeUnsupported, JsonPaths.Property(itemPath, "type"), $"the transformation type is {shown}; multiscales allow only \"scale\" and \"translation\".");
                    break;
            }
        }

        if (scales != 1)
        {
            context.Report(AttributeRules.TransformationScaleCount, path, Invariant($"there are {scales} scale transformations; there must be exactly one, first in the list."));
            scale = null;
        }

        if (translations > 1)
        {
            context.Report(AttributeRules.TransformationTranslationCount, path, Invariant($"there are {translations} translation transformations; keep at most one, after the scale."));
        }

        if (scales == 1 && translationBeforeScale >= 0)
        {
            context.Report(AttributeRules.TransformationOrder, JsonPaths.Item(path, translationBeforeScale), "the translation comes before the scale; put the scale first and the translation after it.");
        }

        return scale;
    }

    private static double[]? CheckVector(RuleContext context, JsonElement item, string itemPath, string key, int? axisCount)
    {
        if (!item.TryGetProperty(key, out var vector))
        {
            var hint = item.TryGetProperty("path", out _)
                ? $"a \"path\" to a stored vector is not allowed in multiscales; write the values inline as \"{key}\": [...]."
                : $"add \"{key}\": [...] with one number per axis.";
            context.Report(AttributeRules.TransformationVectorInvalid, itemPath, $"the {key} transformation has no \"{key}\" values; {hint}");
            return null;
        }

        var vectorPath = JsonPaths.Property(itemPath, key);
        if (!JsonValues.IsNumberArray(vector))
        {
            context.Report(AttributeRules.TransformationVectorInvalid, vectorPath, $"{key} is {JsonValues.Describe(vector)} but must be a list of numbers, one per axis.");
            return null;
        }

        var length = vector.GetArrayLength();
        if (axisCount is { } n ? length != n : length < 2)
        {
            var expected = axisCount is { } m ? Invariant($"{m} (one per axis)") : "at least 2";
            context.Report(AttributeRules.TransformationVectorLength, vectorPath, Invariant($"{key} has {length} values; it needs {expected}."));
            return null;
        }

        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            if (!vector[i].TryGetDouble(out values[i]))
            {
                context.Report(AttributeRules.TransformationVectorInvalid, JsonPaths.Item(vectorPath, i), $"{vector[i].GetRawText()} is outside the range of a double; write a finite number.");
                return null;
            }
        }

        return values;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
