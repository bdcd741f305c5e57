namespace Accession.OmeZarr.Archives;

/// <summary>
/// A file inside an archive or folder. <see cref="Path"/> is relative to the archive root, uses
/// '/' as separator, and never starts with '/' or contains '.' or '..' segments.
/// </summary>
/// <param name="Path">The normalised relative path.</param>
/// <param name="Length">The uncompressed size in bytes.</param>
public sealed record ArchiveEntry(string Path, long Length)
{
    /// <summary>The last path segment.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The folder part of the path, empty at the archive root.</summary>
    public string Directory => Path.LastIndexOf('/') is var slash and >= 0 ? Path[..slash] : string.Empty;
}
