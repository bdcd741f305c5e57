// Interim stand-ins for the archive helpers; removed when the archive readers land.
namespace Accession.OmeZarr.Archives;

/// <summary>Archive names (stand-in).</summary>
public static class ArchiveNames
{
    private static readonly string[] Suffixes = [".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar", ".zip", ".ozx"];

    public static string StripArchiveSuffix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}

/// <summary>Operating-system clutter (stand-in).</summary>
public static class ArchiveJunk
{
    public static bool IsJunk(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return path.StartsWith("__MACOSX/", StringComparison.Ordinal) || path.Contains("/__MACOSX/", StringComparison.Ordinal)
            || name.StartsWith("._", StringComparison.Ordinal) || name is ".DS_Store" or "Thumbs.db" or "desktop.ini";
    }
}

/// <summary>Opens folders (stand-in for the archive readers).</summary>
public static class ArchiveOpenStandIn
{
    public static ArchiveReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new FolderArchiveReader(path);
        }

        throw File.Exists(path)
            ? new ArchiveException(ArchiveErrorKind.UnsupportedFormat, $"{path}: not a folder; archive files are not supported yet.")
            : new ArchiveException(ArchiveErrorKind.NotFound, $"{path}: no such file or folder; check the path.");
    }
}
