namespace Accession.OmeZarr.Archives;

/// <summary>
/// Read access to the files of an archive or a folder, listed without extracting anything.
/// Open with <see cref="Open"/>. Any number of entry streams may be open at once, from several
/// threads; dispose them before the reader.
/// </summary>
public abstract partial class ArchiveReader : IDisposable
{
    /// <summary>What the reader reads: a folder, or the format found in the file's first bytes.</summary>
    public virtual ArchiveFormat Format => ArchiveFormat.Folder;

    /// <summary>
    /// True when <see cref="OpenEntry"/> is cheap for any entry (folders, zip, uncompressed tar).
    /// Compressed tar files can only be read front to back: there <see cref="OpenEntry"/> re-reads the
    /// archive up to the entry (small metadata files excepted), so read many entries with
    /// <see cref="ForEachEntryAsync"/> or extract first with <see cref="ArchiveExtractor"/>.
    /// </summary>
    public virtual bool SupportsRandomAccess => true;

    /// <summary>
    /// Paths stored more than once in the archive. The last copy wins (as in Python's zipfile and
    /// tarfile); <see cref="Entries"/> holds each path once.
    /// </summary>
    public virtual IReadOnlyList<string> DuplicatePaths => [];

    /// <summary>The archive file or folder this reader reads.</summary>
    public abstract string Location { get; }

    /// <summary>Every file entry (no directory entries), in archive order.</summary>
    public abstract IReadOnlyList<ArchiveEntry> Entries { get; }

    /// <summary>Opens an entry for reading from its start.</summary>
    /// <exception cref="ArchiveException">The entry cannot be read (corrupt, truncated, unsupported).</exception>
    public abstract Stream OpenEntry(ArchiveEntry entry);

    /// <summary>Reads a whole entry into memory, refusing entries larger than <paramref name="maxLength"/>.</summary>
    public byte[] ReadAllBytes(ArchiveEntry entry, long maxLength = 64L << 20)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Length > maxLength)
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{Location}: entry '{entry.Path}' is {entry.Length} bytes, more than the {maxLength} bytes allowed for a metadata file.");
        }

        using var stream = OpenEntry(entry);
        using var buffer = new MemoryStream(checked((int)Math.Max(0, entry.Length)));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Streams every entry of <see cref="Entries"/> in archive order to <paramref name="action"/>; the
    /// stream is valid only until the action's task completes. Compressed tar files are read in one pass.
    /// </summary>
    public virtual async Task ForEachEntryAsync(
        Func<ArchiveEntry, Stream, CancellationToken, ValueTask> action,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var entry in Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = OpenEntry(entry);
            await using (stream.ConfigureAwait(false))
            {
                await action(entry, stream, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
