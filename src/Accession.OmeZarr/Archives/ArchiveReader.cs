namespace Accession.OmeZarr.Archives;

/// <summary>
/// Read access to the files of an archive or a folder, listed without extracting anything.
/// Implementations that can open entries at random (folders, zip) allow several open entry
/// streams at once, from several threads.
/// </summary>
public abstract class ArchiveReader : IDisposable
{
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

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
