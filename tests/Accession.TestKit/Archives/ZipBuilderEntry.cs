namespace Accession.TestKit.Archives;

/// <summary>
/// One entry for <see cref="ZipBuilder"/>. The defaults describe an honest entry; every other
/// property makes it lie or misbehave in one way, for tests of hostile and damaged archives.
/// </summary>
/// <param name="Name">The stored name (UTF-8), used as is: "../x", "/abs", "a\\b" are all allowed.</param>
/// <param name="Content">The uncompressed bytes.</param>
public sealed record ZipBuilderEntry(string Name, byte[] Content)
{
    /// <summary>0 stored, 8 deflate; any other number stores <see cref="Content"/> unchanged under that method.</summary>
    public ushort Method { get; init; }

    /// <summary>Raw name bytes written instead of <see cref="Name"/> (e.g. code page 437).</summary>
    public byte[]? RawName { get; init; }

    /// <summary>Set general purpose bit 11 (UTF-8 name); null sets it only for non-ASCII names, like Python.</summary>
    public bool? Utf8Flag { get; init; }

    /// <summary>Set general purpose bit 0 (traditional encryption) without encrypting anything.</summary>
    public bool Encrypted { get; init; }

    /// <summary>Write a wrong CRC-32 in both headers.</summary>
    public bool CorruptCrc { get; init; }

    /// <summary>Uncompressed size written in the headers instead of the true one.</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Compressed size written in the headers instead of the true one (the data written stays the same).</summary>
    public long? DeclaredCompressedLength { get; init; }

    /// <summary>Bytes written as the entry's data instead of compressing <see cref="Content"/>.</summary>
    public byte[]? StoredData { get; init; }

    /// <summary>High byte 3 = Unix (the default), 0 = MS-DOS.</summary>
    public ushort VersionMadeBy { get; init; } = 0x031E;

    /// <summary>External attributes; the default is a Unix regular file, mode 0644.</summary>
    public uint ExternalAttributes { get; init; } = 0x81A4u << 16;

    /// <summary>Write sizes and CRC after the data (general purpose bit 3), zeros in the local header.</summary>
    public bool DataDescriptor { get; init; }

    /// <summary>Point the central record at the local header of this earlier entry instead of writing one (overlapping entries).</summary>
    public string? ShareDataWith { get; init; }

    /// <summary>Leave the entry out of the central directory (an orphan local header, as appending writers leave).</summary>
    public bool OmitFromCentralDirectory { get; init; }
}
