using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Accession.OmeZarr.Zarr;

/// <summary>
/// One codec of an array: a v2 compressor or filter (<c>{"id": …}</c>) or a v3 codec
/// (<c>{"name": …, "configuration": {…}}</c> or a bare name).
/// </summary>
/// <param name="Name">The v2 <c>id</c> or v3 <c>name</c>.</param>
/// <param name="Configuration">The v3 <c>configuration</c> object, or the whole v2 object; undefined when absent.</param>
/// <param name="IsKnown">Whether the id is one Accession recognises (§6 of the OME-Zarr notes).</param>
public sealed record ZarrCodec(string Name, JsonElement Configuration, bool IsKnown)
{
    /// <summary>A short description such as <c>blosc(cname=lz4, clevel=5, shuffle=1)</c>.</summary>
    public string Describe()
    {
        if (Configuration.ValueKind != JsonValueKind.Object)
        {
            return Name;
        }

        var parts = new StringBuilder();
        foreach (var property in Configuration.EnumerateObject())
        {
            if (property.NameEquals("id") || property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                continue;
            }

            if (parts.Length > 0)
            {
                parts.Append(", ");
            }

            parts.Append(CultureInfo.InvariantCulture, $"{property.Name}={Scalar(property.Value)}");
        }

        return parts.Length == 0 ? Name : $"{Name}({parts})";
    }

    public override string ToString() => Describe();

    private static string Scalar(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
