namespace Accession.OmeZarr.Archives;

public abstract partial class ArchiveReader
{
    /// <summary>
    /// Opens a folder, or an archive file by what its first bytes say it is (zip, tar, tar.gz,
    /// tar.bz2, tar.xz). The content decides, not the suffix: a zip named <c>x.tar.gz</c> is read as
    /// a zip (<see cref="Format"/> tells which); the suffix is used only when the bytes are not
    /// recognised (an old-style tar, a zip with a prefix). Every entry is listed and checked for
    /// safety and against <paramref name="options"/> before this returns.
    /// </summary>
    /// <exception cref="ArchiveException">The path is missing, not a supported archive, damaged, unsafe or over a limit.</exception>
    public static ArchiveReader Open(string path, ArchiveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ArchiveOptions.Default;
        options.Validate();
        if (Directory.Exists(path))
        {
            return new FolderArchiveReader(path);
        }

        var format = ArchiveFormats.Detect(path);
        return format switch
        {
            ArchiveFormat.Zip => new ZipArchiveReader(path, options),
            _ => new TarArchiveReader(path, format, options),
        };
    }
}
