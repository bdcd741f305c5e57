namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// Relative Zarr node paths as OME metadata uses them (dataset paths, label paths): non-empty, no
/// leading or trailing <c>/</c>, no empty, <c>.</c> or <c>..</c> segments (Zarr v2 "a . or .. segment
/// MUST raise an error", shared/specs/ome-zarr.md §1.2), no backslashes.
/// </summary>
internal static class DatasetPaths
{
    /// <summary>Why the path is unusable, or null when it is fine.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "it is empty";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash; separate segments with /";
        }

        if (path[0] == '/')
        {
            return "it is absolute; write it relative to this group";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment (a doubled or trailing /)";
            }

            if (segment is "." or "..")
            {
                return "it has a . or .. segment, which Zarr paths do not allow";
            }
        }

        return null;
    }
}
