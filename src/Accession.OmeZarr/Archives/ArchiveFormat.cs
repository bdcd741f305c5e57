namespace Accession.OmeZarr.Archives;

/// <summary>The container formats an <see cref="ArchiveReader"/> reads.</summary>
public enum ArchiveFormat
{
    /// <summary>A plain folder.</summary>
    Folder,

    /// <summary>A zip file (<c>.zip</c>, <c>.ozx</c>).</summary>
    Zip,

    /// <summary>An uncompressed tar file (<c>.tar</c>).</summary>
    Tar,

    /// <summary>A gzip-compressed tar file (<c>.tar.gz</c>, <c>.tgz</c>).</summary>
    TarGzip,

    /// <summary>A bzip2-compressed tar file (<c>.tar.bz2</c>, <c>.tbz2</c>).</summary>
    TarBzip2,

    /// <summary>An xz-compressed tar file (<c>.tar.xz</c>, <c>.txz</c>).</summary>
    TarXz,
}
