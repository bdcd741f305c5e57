using System.Text.Json;

// Interim stand-in for the attribute-rules API; removed when the attribute rules land.
namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>An OME-NGFF metadata version.</summary>
public enum NgffVersion
{
    V01,
    V02,
    V03,
    V04,
    V05,
    Unknown,
}

/// <summary>Finds the OME-NGFF version a group's attributes declare.</summary>
public static class NgffVersionDetector
{
    public static NgffVersion Detect(JsonElement attributes, bool zarrV3, out string? rawVersion)
    {
        rawVersion = null;
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return NgffVersion.Unknown;
        }

        var scope = attributes;
        if (attributes.TryGetProperty("ome", out var ome) && ome.ValueKind == JsonValueKind.Object)
        {
            scope = ome;
            rawVersion = Text(ome, "version");
        }

        rawVersion ??= Text(scope, "version");
        if (rawVersion is null && scope.TryGetProperty("multiscales", out var ms) && ms.ValueKind == JsonValueKind.Array
            && ms.GetArrayLength() > 0 && ms[0].ValueKind == JsonValueKind.Object)
        {
            rawVersion = Text(ms[0], "version");
        }

        foreach (var key in new[] { "plate", "well", "image-label" })
        {
            if (rawVersion is null && scope.TryGetProperty(key, out var o) && o.ValueKind == JsonValueKind.Object)
            {
                rawVersion = Text(o, "version");
            }
        }

        return rawVersion switch
        {
            "0.1" => NgffVersion.V01,
            "0.2" => NgffVersion.V02,
            "0.3" => NgffVersion.V03,
            "0.4" => NgffVersion.V04,
            "0.5" => NgffVersion.V05,
            null => zarrV3 ? NgffVersion.Unknown : NgffVersion.V04,
            _ => NgffVersion.Unknown,
        };
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
