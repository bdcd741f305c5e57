namespace Accession.OmeZarr.Archives;

/// <summary>Zip compression method numbers (PKWARE APPNOTE 4.4.5) and their names for messages.</summary>
public static class ZipCompressionMethods
{
    /// <summary>No compression.</summary>
    public const ushort Stored = 0;

    /// <summary>Deflate (RFC 1951).</summary>
    public const ushort Deflate = 8;

    /// <summary>The AES-encryption marker method (WinZip AE-x).</summary>
    internal const ushort Aes = 99;

    /// <summary>"method 12 (bzip2)" for a message.</summary>
    public static string Describe(ushort method) => method switch
    {
        0 => "method 0 (stored)",
        1 => "method 1 (shrink)",
        6 => "method 6 (implode)",
        8 => "method 8 (deflate)",
        9 => "method 9 (deflate64)",
        12 => "method 12 (bzip2)",
        14 => "method 14 (LZMA)",
        93 => "method 93 (Zstandard)",
        95 => "method 95 (xz)",
        98 => "method 98 (PPMd)",
        99 => "method 99 (AES encryption)",
        _ => $"method {method}",
    };
}
