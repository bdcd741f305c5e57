using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// Finds the OME-NGFF version a group declares, with the web validator's fallbacks
/// (shared/specs/ome-zarr.md §1.1): <c>ome.version</c> when an <c>ome</c> object exists; otherwise the
/// top-level <c>version</c>, then <c>multiscales[0].version</c>, <c>plate.version</c>,
/// <c>well.version</c>, <c>image-label.version</c>; a Zarr v2 group without any is taken as 0.4.
/// A <c>-suffix</c> is ignored (<c>0.5-dev</c> is 0.5).
/// </summary>
public static class NgffVersionDetector
{
    /// <summary>
    /// The declared version. <paramref name="attributes"/> is the v2 <c>.zattrs</c> object or the v3
    /// <c>zarr.json</c> <c>attributes</c> object. Returns <see cref="NgffVersion.Unknown"/> when an
    /// <c>ome</c> object or a Zarr v3 group declares no version, or the value is not a known version.
    /// </summary>
    /// <param name="attributes">The group attributes.</param>
    /// <param name="zarrV3">True for <c>zarr.json</c> attributes.</param>
    /// <param name="rawVersion">The declared text (a number's JSON text), or null when none was found.</param>
    public static NgffVersion Detect(JsonElement attributes, bool zarrV3, out string? rawVersion)
    {
        var declared = FindDeclared(attributes, "$");
        rawVersion = declared?.Raw;
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return NgffVersion.Unknown;
        }

        if (declared is null)
        {
            return zarrV3 || attributes.TryGetProperty(OmeKeys.Ome, out _) ? NgffVersion.Unknown : NgffVersion.V04;
        }

        return Parse(declared.Value.Raw);
    }

    /// <summary>Maps a version text to a version: <c>0.1</c> … <c>0.5</c>, <c>0.6</c>/<c>0.6rc0</c>/<c>0.6.dev3</c>; anything else is unknown.</summary>
    public static NgffVersion Parse(string? raw)
    {
        if (raw is null)
        {
            return NgffVersion.Unknown;
        }

        var dash = raw.IndexOf('-', StringComparison.Ordinal);
        var text = dash >= 0 ? raw[..dash] : raw;
        return text switch
        {
            "0.1" => NgffVersion.V01,
            "0.2" => NgffVersion.V02,
            "0.3" => NgffVersion.V03,
            "0.4" => NgffVersion.V04,
            "0.5" => NgffVersion.V05,
            _ when text.StartsWith("0.6", StringComparison.Ordinal) && (text.Length == 3 || !char.IsAsciiDigit(text[3])) => NgffVersion.V06,
            _ => NgffVersion.Unknown,
        };
    }

    /// <summary>A version field: its JSON value, where it is, and its text.</summary>
    internal readonly record struct DeclaredVersion(JsonElement Value, string JsonPath, string Raw);

    /// <summary>The field the version is taken from, in the web validator's order; null when there is none.</summary>
    internal static DeclaredVersion? FindDeclared(JsonElement attributes, string rootPath)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (attributes.TryGetProperty(OmeKeys.Ome, out var ome))
        {
            // With an `ome` object only ome.version counts (0.5: "No version found under attributes.ome").
            var omePath = JsonPaths.Property(rootPath, OmeKeys.Ome);
            return JsonValues.TryGet(ome, OmeKeys.Version, out var v) ? Declared(v, JsonPaths.Property(omePath, OmeKeys.Version)) : null;
        }

        if (attributes.TryGetProperty(OmeKeys.Version, out var top))
        {
            return Declared(top, JsonPaths.Property(rootPath, OmeKeys.Version));
        }

        if (attributes.TryGetProperty(OmeKeys.Multiscales, out var multiscales) && multiscales.ValueKind == JsonValueKind.Array
            && multiscales.GetArrayLength() > 0 && JsonValues.TryGet(multiscales[0], OmeKeys.Version, out var first))
        {
            return Declared(first, JsonPaths.Property(JsonPaths.Item(JsonPaths.Property(rootPath, OmeKeys.Multiscales), 0), OmeKeys.Version));
        }

        foreach (var key in (ReadOnlySpan<string>)[OmeKeys.Plate, OmeKeys.Well, OmeKeys.ImageLabel])
        {
            if (attributes.TryGetProperty(key, out var owner) && JsonValues.TryGet(owner, OmeKeys.Version, out var v))
            {
                return Declared(v, JsonPaths.Property(JsonPaths.Property(rootPath, key), OmeKeys.Version));
            }
        }

        return null;
    }

    /// <summary>The text of a version value: a string's content, otherwise the JSON text (<c>0.4</c>, <c>null</c>).</summary>
    internal static string RawText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();

    private static DeclaredVersion Declared(JsonElement value, string path) => new(value, path, RawText(value));
}
