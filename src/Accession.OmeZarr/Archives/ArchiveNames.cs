namespace Accession.OmeZarr.Archives;

/// <summary>
/// Archive file-name rules of the import processor (shared/specs/pennsieve-import.md,
/// <c>SUPPORTED_EXTENSIONS</c> and <c>strip_archive_extension</c>), plus <c>.ozx</c> (RFC-9).
/// </summary>
public static class ArchiveNames
{
    // Checked in this order, case-insensitively, so ".tar.gz" wins over ".gz"-less ".tar" lookalikes.
    private static readonly (string Suffix, ArchiveFormat Format)[] Suffixes =
    [
        (".tar.gz", ArchiveFormat.TarGzip),
        (".tgz", ArchiveFormat.TarGzip),
        (".tar.bz2", ArchiveFormat.TarBzip2),
        (".tbz2", ArchiveFormat.TarBzip2),
        (".tar.xz", ArchiveFormat.TarXz),
        (".txz", ArchiveFormat.TarXz),
        (".tar", ArchiveFormat.Tar),
        (".zip", ArchiveFormat.Zip),
        (".ozx", ArchiveFormat.Zip),
    ];

    /// <summary>The supported suffixes, in the order they are matched.</summary>
    public static IReadOnlyList<string> SupportedSuffixes { get; } = [.. Suffixes.Select(s => s.Suffix)];

    /// <summary>True when the file name ends with a supported archive suffix (case-insensitive).</summary>
    public static bool IsSupported(string path) => FormatFromSuffix(path) is not null;

    /// <summary>
    /// Removes the first matching archive suffix and keeps the case of the rest:
    /// <c>sample.zarr.tar.gz</c> → <c>sample.zarr</c>, <c>Data.Zarr.TAR.GZ</c> → <c>Data.Zarr</c>,
    /// <c>x.ozx</c> → <c>x</c>. A name without a supported suffix is returned unchanged.
    /// Only the last path segment is considered.
    /// </summary>
    public static string StripArchiveSuffix(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName.TrimEnd('/', '\\'));
        foreach (var (suffix, _) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>The format the file name promises, or null when the suffix is not supported.</summary>
    public static ArchiveFormat? FormatFromSuffix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (suffix, format) in Suffixes)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>
    /// True for names of one part of a split archive (<c>x.z01</c>, <c>x.zip.001</c>, <c>x.7z.002</c>),
    /// which cannot be read alone (shared/specs/ome-zarr.md §2.1, check Z2).
    /// </summary>
    public static bool IsSplitArchivePart(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var ext = name.AsSpan(dot + 1);
        if (ext.Length == 3 && (ext[0] is 'z' or 'Z') && char.IsAsciiDigit(ext[1]) && char.IsAsciiDigit(ext[2]))
        {
            return true;
        }

        return ext.Length == 3 && char.IsAsciiDigit(ext[0]) && char.IsAsciiDigit(ext[1]) && char.IsAsciiDigit(ext[2])
            && name.AsSpan(0, dot).LastIndexOf('.') >= 0;
    }
}
