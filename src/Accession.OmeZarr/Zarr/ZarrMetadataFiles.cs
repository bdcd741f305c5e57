namespace Accession.OmeZarr.Zarr;

/// <summary>
/// The names of Zarr metadata files (shared/specs/ome-zarr.md §1.2, §1.3).
/// </summary>
public static class ZarrMetadataFiles
{
    /// <summary>Zarr v2 group marker, <c>{"zarr_format": 2}</c>.</summary>
    public const string ZGroup = ".zgroup";

    /// <summary>Zarr v2 user attributes of a group or array.</summary>
    public const string ZAttrs = ".zattrs";

    /// <summary>Zarr v2 array metadata.</summary>
    public const string ZArray = ".zarray";

    /// <summary>Zarr v3 node metadata (group or array).</summary>
    public const string ZarrJson = "zarr.json";

    /// <summary>zarr-python's optional consolidated v2 metadata; accepted and ignored.</summary>
    public const string ZMetadata = ".zmetadata";

    /// <summary>Whether a file name (last path segment) is one of the four node metadata files.</summary>
    public static bool IsNodeMetadata(ReadOnlySpan<char> name) =>
        name.Length is 7 or 9 && (name[0] is '.' or 'z')
        && (name.SequenceEqual(ZarrJson) || name.SequenceEqual(ZAttrs) || name.SequenceEqual(ZGroup) || name.SequenceEqual(ZArray));
}
