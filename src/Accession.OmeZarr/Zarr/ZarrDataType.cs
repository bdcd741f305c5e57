using System.Text.Json;
using System.Text.RegularExpressions;

namespace Accession.OmeZarr.Zarr;

/// <summary>
/// An array's data type with its Zarr v3 name (shared/specs/ome-zarr.md §1.2, §1.3): v2 NumPy type
/// strings (<c>"&lt;u2"</c>) are normalised to v3 names (<c>uint16</c>); other NumPy kinds keep their
/// type string; structured v2 types are <c>structured</c>.
/// </summary>
/// <param name="Name">The normalised name, e.g. <c>uint16</c>, <c>float64</c>, <c>r16</c>.</param>
/// <param name="Raw">The value as written in the metadata file.</param>
/// <param name="IsKnown">Whether Zarr defines this type.</param>
public sealed partial record ZarrDataType(string Name, string Raw, bool IsKnown)
{
    private static readonly HashSet<string> IntegerNames = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];

    private static readonly HashSet<string> CoreV3Names =
    [
        "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float16", "float32", "float64", "complex64", "complex128",

        // Extension types zarr-python writes for text and bytes.
        "string", "bytes", "variable_length_utf8", "variable_length_bytes",
    ];

    /// <summary>Whether the type is one of the eight integer types label images must use.</summary>
    public bool IsInteger => IntegerNames.Contains(Name);

    /// <summary>Reads a v2 <c>dtype</c> value: a NumPy type string or a structured list.</summary>
    public static ZarrDataType FromV2(JsonElement dtype)
    {
        if (dtype.ValueKind == JsonValueKind.Array)
        {
            return new ZarrDataType("structured", dtype.GetRawText(), dtype.GetArrayLength() > 0);
        }

        if (dtype.ValueKind != JsonValueKind.String)
        {
            return new ZarrDataType("?", dtype.GetRawText(), false);
        }

        var raw = dtype.GetString()!;
        var match = V2TypeString().Match(raw);
        if (!match.Success)
        {
            return new ZarrDataType(raw, raw, false);
        }

        var kind = match.Groups["kind"].Value[0];
        var size = int.Parse(match.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var name = (kind, size) switch
        {
            ('b', 1) => "bool",
            ('i', 1 or 2 or 4 or 8) => $"int{size * 8}",
            ('u', 1 or 2 or 4 or 8) => $"uint{size * 8}",
            ('f', 2 or 4 or 8) => $"float{size * 8}",
            ('c', 8 or 16) => $"complex{size * 8}",
            ('b' or 'i' or 'u' or 'f' or 'c', _) => null,
            _ => raw,
        };
        return name is null ? new ZarrDataType(raw, raw, false) : new ZarrDataType(name, raw, true);
    }

    /// <summary>Reads a v3 <c>data_type</c> value: a name or an extension object <c>{"name": …}</c>.</summary>
    public static ZarrDataType FromV3(JsonElement dataType)
    {
        var name = dataType.ValueKind switch
        {
            JsonValueKind.String => dataType.GetString(),
            JsonValueKind.Object when dataType.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
            _ => null,
        };
        if (name is null)
        {
            return new ZarrDataType("?", dataType.GetRawText(), false);
        }

        var known = CoreV3Names.Contains(name) || IsRawBits(name);
        return new ZarrDataType(name, dataType.ValueKind == JsonValueKind.String ? name : dataType.GetRawText(), known);
    }

    public override string ToString() => Name;

    // r<bits>: raw bits, a positive multiple of 8 (Zarr v3 core, data types).
    private static bool IsRawBits(string name) =>
        name.Length > 1 && name[0] == 'r' && int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
        && bits > 0 && bits % 8 == 0;

    // NumPy array-interface type string: byte order, kind, item size, optional datetime unit.
    [GeneratedRegex(@"^(?<order>[<>|=])(?<kind>[biufcmMSUVO])(?<size>[0-9]+)(\[[A-Za-z0-9]+\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex V2TypeString();
}
