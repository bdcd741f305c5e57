using System.Text.Json;

// Interim stand-in for the attribute-rules API; removed when the attribute rules land.
namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>Per-group OME attribute rules (a few, until the full rule set lands).</summary>
public static class OmeAttributesValidator
{
    private static readonly string[] OmeKeys = ["multiscales", "plate", "well", "labels", "image-label", "bioformats2raw.layout", "series"];

    public static bool HasOmeKeys(JsonElement attributes, bool zarrV3)
    {
        var scope = Scope(attributes, zarrV3);
        if (scope.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var key in OmeKeys)
        {
            if (scope.TryGetProperty(key, out _))
            {
                return true;
            }
        }

        return false;
    }

    public static NgffVersion Validate(JsonElement attributes, bool zarrV3, string file, ICollection<ValidationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var version = NgffVersionDetector.Detect(attributes, zarrV3, out var raw);
        var scope = Scope(attributes, zarrV3);
        if (scope.ValueKind != JsonValueKind.Object)
        {
            return version;
        }

        if (raw is not null && version == NgffVersion.Unknown && !raw.StartsWith("0.6", StringComparison.Ordinal))
        {
            findings.Add(new ValidationFinding("version-unknown", Severity.Error, file, "$", $"OME-NGFF version '{raw}' is not known."));
        }

        if (zarrV3 && raw is null)
        {
            findings.Add(new ValidationFinding("version-missing", Severity.Error, file, "$.attributes.ome", "attributes.ome has no version."));
        }

        if (scope.TryGetProperty("multiscales", out var ms) && (ms.ValueKind != JsonValueKind.Array || ms.GetArrayLength() == 0))
        {
            findings.Add(new ValidationFinding("multiscales-empty", Severity.Error, file, "$.multiscales", "multiscales must be a non-empty list."));
        }

        if (scope.TryGetProperty("omero", out var omero) && omero.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Array)
        {
            foreach (var channel in channels.EnumerateArray())
            {
                if (channel.TryGetProperty("window", out var window)
                    && !(window.TryGetProperty("min", out _) && window.TryGetProperty("max", out _)))
                {
                    findings.Add(new ValidationFinding("omero-window", Severity.Error, file, "$.omero", "window needs min and max."));
                }
            }
        }

        if (scope.TryGetProperty("plate", out var plate) && plate.TryGetProperty("wells", out var wells) && wells.ValueKind == JsonValueKind.Array
            && plate.TryGetProperty("rows", out var rows) && plate.TryGetProperty("columns", out var columns))
        {
            foreach (var well in wells.EnumerateArray())
            {
                var path = well.TryGetProperty("path", out var p) ? p.GetString() ?? string.Empty : string.Empty;
                var parts = path.Split('/');
                if (parts.Length == 2 && well.TryGetProperty("rowIndex", out var ri) && well.TryGetProperty("columnIndex", out var ci)
                    && ri.TryGetInt32(out var r) && ci.TryGetInt32(out var c) && r < rows.GetArrayLength() && c < columns.GetArrayLength()
                    && (rows[r].GetProperty("name").GetString() != parts[0] || columns[c].GetProperty("name").GetString() != parts[1]))
                {
                    findings.Add(new ValidationFinding("plate-well-index", Severity.Error, file, "$.plate.wells", $"well '{path}' does not match its indices."));
                }
            }
        }

        return version;
    }

    private static JsonElement Scope(JsonElement attributes, bool zarrV3)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        return zarrV3 ? (attributes.TryGetProperty("ome", out var ome) ? ome : default) : attributes;
    }
}
