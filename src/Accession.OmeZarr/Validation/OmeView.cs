using System.Text.Json;

namespace Accession.OmeZarr.Validation;

/// <summary>One <c>multiscales</c> entry, as far as it could be read.</summary>
/// <param name="Index">Its position in <c>multiscales</c>.</param>
/// <param name="Name">Its <c>name</c>, if a string.</param>
/// <param name="AxisNames">The axes names, or null when <c>axes</c> is absent or malformed.</param>
/// <param name="Datasets">Each dataset's position and <c>path</c> (entries without a string path are left out).</param>
internal sealed record MultiscaleView(int Index, string? Name, IReadOnlyList<string>? AxisNames, IReadOnlyList<(int Index, string Path)> Datasets);

/// <summary>The plate keys cross-node checks need.</summary>
internal sealed record PlateView(string? Name, IReadOnlyList<(int Index, string Path)> Wells, int Rows, int Columns, int Acquisitions, int? FieldCount);

/// <summary>
/// Reads the OME keys cross-node checks need, tolerating malformed metadata (the attribute rules
/// report that); whatever cannot be read is left out.
/// </summary>
internal static class OmeView
{
    public static IReadOnlyList<MultiscaleView> Multiscales(JsonElement ome)
    {
        if (!TryArray(ome, "multiscales", out var list))
        {
            return [];
        }

        var result = new List<MultiscaleView>();
        var i = 0;
        foreach (var multiscale in list.EnumerateArray())
        {
            var index = i++;
            if (multiscale.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            List<string>? axes = null;
            if (TryArray(multiscale, "axes", out var axisList))
            {
                axes = [];
                foreach (var axis in axisList.EnumerateArray())
                {
                    // 0.3 wrote axes as plain names; 0.4+ as objects with a name.
                    var name = axis.ValueKind == JsonValueKind.String ? axis.GetString()
                        : axis.ValueKind == JsonValueKind.Object && axis.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                        : null;
                    if (name is null)
                    {
                        axes = null;
                        break;
                    }

                    axes.Add(name);
                }
            }

            result.Add(new MultiscaleView(index, String(multiscale, "name"), axes, PathList(multiscale, "datasets")));
        }

        return result;
    }

    /// <summary>A list of strings such as <c>labels</c> or <c>series</c>; null when absent or not a list.</summary>
    public static IReadOnlyList<(int Index, string Value)>? Strings(JsonElement scope, string key)
    {
        if (!TryArray(scope, key, out var list))
        {
            return null;
        }

        var result = new List<(int, string)>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add((i, item.GetString()!));
            }

            i++;
        }

        return result;
    }

    public static PlateView? Plate(JsonElement ome)
    {
        if (ome.ValueKind != JsonValueKind.Object || !ome.TryGetProperty("plate", out var plate) || plate.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int? fieldCount = plate.TryGetProperty("field_count", out var fc) && fc.TryGetInt32(out var n) ? n : null;
        return new PlateView(String(plate, "name"), PathList(plate, "wells"), Count(plate, "rows"), Count(plate, "columns"), Count(plate, "acquisitions"), fieldCount);
    }

    /// <summary>The <c>well.images[].path</c> values; null when the group has no well.</summary>
    public static IReadOnlyList<(int Index, string Path)>? WellImages(JsonElement ome) =>
        ome.ValueKind == JsonValueKind.Object && ome.TryGetProperty("well", out var well) && well.ValueKind == JsonValueKind.Object
            ? PathList(well, "images")
            : null;

    /// <summary>The integer <c>plate.acquisitions[].id</c> values (others are left out).</summary>
    public static IReadOnlySet<long> PlateAcquisitionIds(JsonElement ome)
    {
        var ids = new HashSet<long>();
        if (ome.ValueKind == JsonValueKind.Object && ome.TryGetProperty("plate", out var plate) && TryArray(plate, "acquisitions", out var list))
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
                {
                    ids.Add(value);
                }
            }
        }

        return ids;
    }

    /// <summary>Each well field's position and its <c>acquisition</c> value (absent: null; not an integer: left out).</summary>
    public static IReadOnlyList<(int Index, long? Acquisition)> WellAcquisitions(JsonElement ome)
    {
        var result = new List<(int, long?)>();
        if (ome.ValueKind != JsonValueKind.Object || !ome.TryGetProperty("well", out var well) || !TryArray(well, "images", out var list))
        {
            return result;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                if (!item.TryGetProperty("acquisition", out var acquisition))
                {
                    result.Add((i, null));
                }
                else if (acquisition.TryGetInt64(out var value))
                {
                    result.Add((i, value));
                }
            }

            i++;
        }

        return result;
    }

    public static bool Has(JsonElement ome, string key) => ome.ValueKind == JsonValueKind.Object && ome.TryGetProperty(key, out _);

    /// <summary>Resolves a relative path from a group; false for empty, absolute, or dot segments.</summary>
    public static bool TryResolve(string group, string relative, out string target)
    {
        target = string.Empty;
        var trimmed = relative.TrimEnd('/');
        if (trimmed.Length == 0 || trimmed[0] == '/' || trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }
        }

        target = group.Length == 0 ? trimmed : $"{group}/{trimmed}";
        return true;
    }

    private static List<(int, string)> PathList(JsonElement owner, string key)
    {
        var result = new List<(int, string)>();
        if (!TryArray(owner, key, out var list))
        {
            return result;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
            {
                result.Add((i, path.GetString()!));
            }

            i++;
        }

        return result;
    }

    private static int Count(JsonElement owner, string key) => TryArray(owner, key, out var list) ? list.GetArrayLength() : 0;

    private static string? String(JsonElement owner, string key) =>
        owner.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryArray(JsonElement owner, string key, out JsonElement list)
    {
        list = default;
        return owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(key, out list) && list.ValueKind == JsonValueKind.Array;
    }
}
