namespace Accession.OmeZarr.Zarr;

/// <summary>
/// Codec ids seen in OME-Zarr (shared/specs/ome-zarr.md §6). Validation never decodes chunks: an
/// unknown id is a warning, because a viewer may not be able to read it.
/// </summary>
internal static class KnownCodecs
{
    /// <summary>numcodecs compressors and filters used with Zarr v2.</summary>
    public static readonly HashSet<string> V2 =
    [
        "blosc", "zlib", "gzip", "zstd", "lz4", "bz2", "lzma",
        "delta", "fixedscaleoffset", "astype", "quantize", "packbits", "categorize", "shuffle", "bitround",
        "crc32", "adler32", "fletcher32", "jenkins_lookup3",
        "json2", "msgpack2", "pickle", "vlen-utf8", "vlen-bytes", "vlen-array",
    ];

    /// <summary>Zarr v3 array-to-array codecs.</summary>
    public static readonly HashSet<string> V3ArrayToArray = ["transpose"];

    /// <summary>Zarr v3 array-to-bytes codecs (exactly one per chain).</summary>
    public static readonly HashSet<string> V3ArrayToBytes = ["bytes", "sharding_indexed", "vlen-utf8", "vlen-bytes"];

    /// <summary>Zarr v3 bytes-to-bytes codecs.</summary>
    public static readonly HashSet<string> V3BytesToBytes = ["blosc", "gzip", "zstd", "crc32c"];

    /// <summary>The v3 sharding codec name.</summary>
    public const string Sharding = "sharding_indexed";

    public static bool IsKnownV3(string name) =>
        V3ArrayToArray.Contains(name) || V3ArrayToBytes.Contains(name) || V3BytesToBytes.Contains(name);
}
