using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// <c>bioformats2raw.layout</c> at the root of a converted collection (shared/specs/ome-zarr.md §1.9,
/// §2.4 M13): the value MUST be 3 (schema <c>enum [3]</c>).
/// </summary>
internal static class Bioformats2RawRules
{
    public static void Check(RuleContext context, JsonElement layout, string path)
    {
        if (!(layout.ValueKind == JsonValueKind.Number && layout.TryGetDouble(out var value) && value == 3))
        {
            context.Report(AttributeRules.Bioformats2RawLayoutInvalid, path, $"bioformats2raw.layout is {JsonValues.Describe(layout)}; the only layout OME-Zarr defines is the number 3.");
        }
    }
}
