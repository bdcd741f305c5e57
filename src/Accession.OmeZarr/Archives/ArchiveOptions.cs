namespace Accession.OmeZarr.Archives;

/// <summary>
/// Limits that protect against archive bombs (shared/specs/ome-zarr.md §2.1, check Z8). They are
/// enforced from the headers when an archive is opened and again while entries are streamed,
/// because headers can lie.
/// </summary>
public sealed record ArchiveOptions
{
    /// <summary>The defaults: one million entries, 1 TiB uncompressed, ratio 200 above 1 MiB.</summary>
    public static ArchiveOptions Default { get; } = new();

    /// <summary>The most entries (files, folders and links) an archive may hold.</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>The most bytes all files together may expand to.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 1L << 40;

    /// <summary>
    /// The highest uncompressed/compressed ratio allowed for a compressed entry (zip) or a whole
    /// compressed stream (tar.gz, tar.bz2, tar.xz) once it is larger than <see cref="CompressionRatioThreshold"/>.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries (or streams) up to this many uncompressed bytes are exempt from the ratio check.</summary>
    public long CompressionRatioThreshold { get; init; } = 1L << 20;

    /// <summary>
    /// When false (the default), two entries with the same path are an error if the path names a Zarr
    /// metadata file (<c>zarr.json</c>, <c>.zattrs</c>, <c>.zgroup</c>, <c>.zarray</c>, <c>.zmetadata</c>):
    /// which copy a tool reads differs (Python takes the last, .NET's ZipArchive the first). Other
    /// duplicates always resolve to the last copy and are reported.
    /// </summary>
    public bool AllowDuplicateMetadata { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalUncompressedBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCompressionRatio, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(CompressionRatioThreshold);
    }
}
