namespace Accession.OmeZarr.Archives;

/// <summary>
/// Turns a stored entry name into the normalised relative path of <see cref="ArchiveEntry"/>, or
/// says why it is unsafe (shared/specs/ome-zarr.md §2.1, check Z5; PKWARE APPNOTE 4.4.17: stored
/// names use '/', no drive letter, no leading slash).
/// </summary>
internal static class ArchivePaths
{
    /// <summary>Normalises <paramref name="raw"/>; returns null and a reason when it is unsafe.</summary>
    /// <param name="raw">The name as stored in the archive.</param>
    /// <param name="isDirectory">True when the name ends with a separator (or normalises to nothing).</param>
    /// <param name="problem">Why the name is refused, phrased to follow "entry 'name' ".</param>
    public static string? Normalise(string raw, out bool isDirectory, out string? problem)
    {
        isDirectory = false;
        problem = null;
        if (raw.Length == 0)
        {
            problem = "has an empty name";
            return null;
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            problem = "has a NUL character in its name";
            return null;
        }

        // Backslashes are separators in names written on Windows; "..\..\x" must not slip through.
        var name = raw.Contains('\\', StringComparison.Ordinal) ? raw.Replace('\\', '/') : raw;
        if (name[0] == '/')
        {
            problem = "is an absolute path";
            return null;
        }

        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
        {
            problem = "starts with a drive letter";
            return null;
        }

        isDirectory = name[^1] == '/';
        if (IsClean(name.AsSpan(0, isDirectory ? name.Length - 1 : name.Length), out var hasDotDot))
        {
            return isDirectory ? name[..^1] : name;
        }

        if (hasDotDot)
        {
            problem = "has a '..' segment that points outside the archive root";
            return null;
        }

        // Drop empty and "." segments ("./a//b/." → "a/b").
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        var joined = string.Join('/', parts);
        if (joined.Length == 0)
        {
            isDirectory = true;
        }

        return joined;
    }

    // Clean means: no empty, "." or ".." segment, so the name can be used as it is.
    private static bool IsClean(ReadOnlySpan<char> name, out bool hasDotDot)
    {
        hasDotDot = false;
        var clean = name.Length > 0;
        while (true)
        {
            var cut = name.IndexOf('/');
            var segment = cut < 0 ? name : name[..cut];
            if (segment.Length == 0 || segment is ".")
            {
                clean = false;
            }
            else if (segment is "..")
            {
                hasDotDot = true;
                return false;
            }

            if (cut < 0)
            {
                return clean;
            }

            name = name[(cut + 1)..];
        }
    }

    /// <summary>Zarr metadata file names, whose duplicates are ambiguous (see <see cref="ArchiveOptions.AllowDuplicateMetadata"/>).</summary>
    public static bool IsZarrMetadata(string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        return name is "zarr.json" or ".zattrs" or ".zgroup" or ".zarray" or ".zmetadata";
    }

    /// <summary>Small files a validator reads: Zarr metadata, JSON and XML (OME/METADATA.ome.xml).</summary>
    public static bool IsMetadataLike(string path) =>
        IsZarrMetadata(path)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
}
