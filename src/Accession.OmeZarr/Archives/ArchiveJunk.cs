namespace Accession.OmeZarr.Archives;

/// <summary>
/// Operating-system clutter that archivers add beside the data (shared/specs/ome-zarr.md §3.3):
/// macOS <c>__MACOSX/</c> trees, AppleDouble <c>._*</c> files and <c>.DS_Store</c>, and Windows
/// <c>Thumbs.db</c> and <c>desktop.ini</c>.
/// </summary>
public static class ArchiveJunk
{
    /// <summary>True when the path (either separator) is, or lies inside, operating-system clutter.</summary>
    public static bool IsJunk(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rest = path.AsSpan();
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOfAny('/', '\\');
            var segment = cut < 0 ? rest : rest[..cut];
            if (IsJunkSegment(segment))
            {
                return true;
            }

            rest = cut < 0 ? [] : rest[(cut + 1)..];
        }

        return false;
    }

    private static bool IsJunkSegment(ReadOnlySpan<char> segment) =>
        segment.Equals("__MACOSX", StringComparison.Ordinal)
        || segment.StartsWith("._", StringComparison.Ordinal)
        || segment.Equals(".DS_Store", StringComparison.OrdinalIgnoreCase)
        || segment.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || segment.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);
}
