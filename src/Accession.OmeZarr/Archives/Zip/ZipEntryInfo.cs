namespace Accession.OmeZarr.Archives;

/// <summary>
/// One record of a zip central directory, as stored (PKWARE APPNOTE 4.3.12), with sizes and offset
/// already taken from the ZIP64 extra field where the record defers to it. Kept small: an archive
/// of a million entries holds a million of these.
/// </summary>
/// <param name="Path">The normalised path (no trailing '/'; empty for a "./" folder record).</param>
/// <param name="RawName">The name as stored; the same string as <paramref name="Path"/> when nothing needed normalising.</param>
/// <param name="IsDirectory">A folder record (name ends with '/', or a Unix folder mode).</param>
/// <param name="CompressionMethod">0 stored, 8 deflate (nothing else is accepted).</param>
/// <param name="Flags">The general purpose bit flags (bit 3 data descriptor, bit 11 UTF-8 name).</param>
/// <param name="Crc32">The CRC-32 of the uncompressed data.</param>
/// <param name="CompressedLength">Bytes stored in the archive.</param>
/// <param name="Length">Bytes after decompression.</param>
/// <param name="LocalHeaderOffset">Where the entry's local header starts in the file.</param>
/// <param name="VersionMadeBy">Creator version; the high byte is the host system (3 = Unix).</param>
/// <param name="ExternalAttributes">Host-specific attributes (the Unix mode in the high 16 bits).</param>
/// <param name="HasZip64Extra">The record carries a ZIP64 extended information field.</param>
public readonly record struct ZipEntryInfo(
    string Path,
    string RawName,
    bool IsDirectory,
    ushort CompressionMethod,
    ushort Flags,
    uint Crc32,
    long CompressedLength,
    long Length,
    long LocalHeaderOffset,
    ushort VersionMadeBy,
    uint ExternalAttributes,
    bool HasZip64Extra)
{
    /// <summary>Stored without compression (method 0), as RFC-9 recommends.</summary>
    public bool IsStored => CompressionMethod == ZipCompressionMethods.Stored;

    /// <summary>Bit 11: the writer declared the name to be UTF-8.</summary>
    public bool HasUtf8Name => (Flags & 0x0800) != 0;

    /// <summary>The name had to be normalised ('\' separators, "./" or empty segments, a trailing '/').</summary>
    public bool NameWasNormalised => !ReferenceEquals(Path, RawName);
}
