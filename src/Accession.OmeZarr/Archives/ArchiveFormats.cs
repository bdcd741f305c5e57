namespace Accession.OmeZarr.Archives;

/// <summary>Recognises an archive file by its first bytes, falling back to its suffix.</summary>
public static class ArchiveFormats
{
    private const int SniffLength = 512;

    /// <summary>
    /// The format of the file at <paramref name="path"/>. Magic bytes win over the suffix; the suffix
    /// decides only when the bytes are not recognised.
    /// </summary>
    /// <exception cref="ArchiveException">Missing file, a split-archive part, or no supported format.</exception>
    public static ArchiveFormat Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return ArchiveFormat.Folder;
        }

        if (!File.Exists(path))
        {
            throw new ArchiveException(ArchiveErrorKind.NotFound, $"{path}: no such file or folder; check the path.");
        }

        if (ArchiveNames.IsSplitArchivePart(path))
        {
            throw new ArchiveException(
                ArchiveErrorKind.Unsupported,
                $"{path}: this is one part of a split archive, which cannot be read alone; join the parts into one file (e.g. 'zip -s 0 in.zip --out joined.zip' or 'cat x.001 x.002 > x') and open that.");
        }

        Span<byte> head = stackalloc byte[SniffLength];
        int read;
        try
        {
            using var handle = File.OpenHandle(path);
            read = RandomAccess.Read(handle, head, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(ArchiveErrorKind.NotFound, $"{path}: cannot be read ({e.Message}); check the file's permissions.", e);
        }

        var bySuffix = ArchiveNames.FormatFromSuffix(path);
        return Sniff(head[..read], path) ?? bySuffix ?? throw new ArchiveException(
            ArchiveErrorKind.UnsupportedFormat,
            $"{path}: not a zip or tar archive; supported are {string.Join(", ", ArchiveNames.SupportedSuffixes)} (and folders).");
    }

    /// <summary>The format its first bytes show, or null when they show none we read.</summary>
    internal static ArchiveFormat? Sniff(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return ArchiveFormat.Zip;
        }

        // APPNOTE 8.5.3: split and spanned archives start with a marker.
        if (head.StartsWith("PK\x07\x08"u8) || head.StartsWith("PK00"u8))
        {
            throw new ArchiveException(
                ArchiveErrorKind.Unsupported,
                $"{path}: this is a split or spanned zip, which cannot be read; join it into one file (e.g. 'zip -s 0 in.zip --out joined.zip') and open that.");
        }

        if (head.StartsWith(stackalloc byte[] { 0x1F, 0x8B }))
        {
            return ArchiveFormat.TarGzip;
        }

        if (head.StartsWith("BZh"u8))
        {
            return ArchiveFormat.TarBzip2;
        }

        if (head.StartsWith(stackalloc byte[] { 0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00 }))
        {
            return ArchiveFormat.TarXz;
        }

        if (IsTarHeader(head))
        {
            return ArchiveFormat.Tar;
        }

        var other = head.StartsWith(stackalloc byte[] { (byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C }) ? "7z"
            : head.StartsWith("Rar!"u8) ? "RAR"
            : head.StartsWith(stackalloc byte[] { 0x28, 0xB5, 0x2F, 0xFD }) ? "zstd-compressed"
            : null;
        if (other is not null)
        {
            throw new ArchiveException(
                ArchiveErrorKind.UnsupportedFormat,
                $"{path}: {other} archives are not supported; repack the data as .zip or .tar(.gz/.bz2/.xz).");
        }

        return null;
    }

    // A tar header: "ustar" magic at 257, or (old V7 tar) a valid header checksum.
    private static bool IsTarHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < 512)
        {
            return false;
        }

        if (head[257..].StartsWith("ustar"u8))
        {
            return true;
        }

        var stored = head.Slice(148, 8);
        long expected = 0;
        var digits = 0;
        foreach (var b in stored)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                expected = (expected * 8) + (b - '0');
                digits++;
            }
            else if (b is not ((byte)' ' or 0))
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        long sum = 0;
        for (var i = 0; i < 512; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : head[i];
        }

        return sum == expected;
    }
}
