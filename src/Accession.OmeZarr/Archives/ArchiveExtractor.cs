namespace Accession.OmeZarr.Archives;

/// <summary>
/// Safe extraction into a new or empty folder: every path is resolved and checked to stay inside
/// the folder, each file is written under a temporary name and renamed when complete, and on any
/// failure (or cancellation) everything written so far is deleted again.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>
    /// Extracts the archive at <paramref name="archivePath"/> into <paramref name="targetFolder"/>
    /// (created if missing; it must be empty) and returns a reader over the result. Compressed tar
    /// files are read once, checking each header as it comes.
    /// </summary>
    /// <exception cref="ArchiveException">The archive is unreadable, unsafe or over a limit, or the folder is not empty; nothing is left behind.</exception>
    public static async Task<FolderArchiveReader> ExtractAsync(
        string archivePath,
        string targetFolder,
        ArchiveOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        ArgumentException.ThrowIfNullOrEmpty(targetFolder);
        options ??= ArchiveOptions.Default;
        options.Validate();
        var format = ArchiveFormats.Detect(archivePath);
        if (format is not (ArchiveFormat.TarGzip or ArchiveFormat.TarBzip2 or ArchiveFormat.TarXz))
        {
            using var archive = ArchiveReader.Open(archivePath, options);
            return await ExtractAsync(archive, targetFolder, cancellationToken).ConfigureAwait(false);
        }

        var location = Path.GetFullPath(archivePath);
        using (var target = new ExtractionTarget(targetFolder, location))
        {
            foreach (var item in TarScanner.Scan(location, format, options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await target.WriteAsync(item.Entry, item.Data, item.IsDuplicate, cancellationToken).ConfigureAwait(false);
            }

            target.Commit();
        }

        return new FolderArchiveReader(targetFolder);
    }

    /// <summary>Extracts the entries of an open archive into <paramref name="targetFolder"/> (created if missing; it must be empty).</summary>
    /// <exception cref="ArchiveException">An entry is unreadable or unsafe, or the folder is not empty; nothing is left behind.</exception>
    public static async Task<FolderArchiveReader> ExtractAsync(
        ArchiveReader archive,
        string targetFolder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrEmpty(targetFolder);
        using (var target = new ExtractionTarget(targetFolder, archive.Location))
        {
            await archive.ForEachEntryAsync(
                (entry, data, token) => target.WriteAsync(entry, data, overwrite: false, token),
                cancellationToken).ConfigureAwait(false);
            target.Commit();
        }

        return new FolderArchiveReader(targetFolder);
    }
}
