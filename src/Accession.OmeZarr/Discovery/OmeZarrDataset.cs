using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Validation.Attributes;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Discovery;

/// <summary>An OME-Zarr hierarchy found in an archive or folder.</summary>
public sealed class OmeZarrDataset
{
    internal OmeZarrDataset(string root, string name, NgffVersion version, string? rawVersion, OmeZarrKind kind, ZarrFormat zarrFormat, IReadOnlyList<ArchiveEntry> files)
    {
        Root = root;
        Name = name;
        Version = version;
        RawVersion = rawVersion;
        Kind = kind;
        ZarrFormat = zarrFormat;
        Files = files;
        long bytes = 0;
        foreach (var file in files)
        {
            bytes += file.Length;
        }

        TotalBytes = bytes;
    }

    /// <summary>The root folder relative to the archive root; "" when the dataset is the archive root.</summary>
    public string Root { get; }

    /// <summary>
    /// The asset name: the root folder's name, or the archive's file name without its archive suffix
    /// when the dataset sits at the archive root (the Python import processor's <c>zarr_name</c>).
    /// </summary>
    public string Name { get; }

    /// <summary>The OME-NGFF version of the root (or of its first versioned descendant).</summary>
    public NgffVersion Version { get; }

    /// <summary>The version as written, e.g. <c>0.4</c>, <c>0.6rc0</c>; null when none is written.</summary>
    public string? RawVersion { get; }

    /// <summary>What the root group is.</summary>
    public OmeZarrKind Kind { get; }

    /// <summary>The Zarr format of the root node.</summary>
    public ZarrFormat ZarrFormat { get; }

    /// <summary>Every file under the root, junk excluded, in archive order.</summary>
    public IReadOnlyList<ArchiveEntry> Files { get; }

    /// <summary>The sum of the files' uncompressed sizes.</summary>
    public long TotalBytes { get; }

    /// <summary>The version for display: <c>0.4</c>, <c>0.5</c>, or the raw text, or <c>unknown</c>.</summary>
    public string VersionText => Version switch
    {
        NgffVersion.V01 => "0.1",
        NgffVersion.V02 => "0.2",
        NgffVersion.V03 => "0.3",
        NgffVersion.V04 => "0.4",
        NgffVersion.V05 => "0.5",
        _ => RawVersion ?? (Version == NgffVersion.V06 ? "0.6" : "unknown"),
    };

    /// <summary>A file's path relative to the root (what an importer stores under <see cref="Name"/>).</summary>
    public string RelativePath(ArchiveEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Root.Length == 0 ? file.Path : file.Path[(Root.Length + 1)..];
    }

    /// <summary>Whether an archive path lies under this dataset's root.</summary>
    public bool Contains(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Root.Length == 0 || (path.Length > Root.Length && path[Root.Length] == '/' && path.StartsWith(Root, StringComparison.Ordinal)) || path == Root;
    }
}
