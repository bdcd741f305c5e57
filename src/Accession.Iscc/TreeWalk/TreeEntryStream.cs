using Accession.Iscc.Platform;

namespace Accession.Iscc.TreeWalk;

/// <summary>
/// The bytes of walked entries one after another, nothing between them: the input of tree mode
/// (<see cref="TreeSum"/>). Reading many small files as one stream lets the two-core pipeline hash
/// them in large buffers instead of handing each file's few KiB between cores. Files on disk
/// (<see cref="TreeEntry.FromFile"/>) are read with <see cref="ReadOnlyFile"/>, usually one read
/// each; other entries through <see cref="TreeEntry.OpenAsync"/>. A failure to open or read an entry
/// is thrown as a <see cref="TreeWalkException"/> naming its relative path. Read-only, forward-only,
/// not thread-safe.
/// </summary>
internal sealed class TreeEntryStream(IEnumerable<TreeEntry> walkedEntries) : Stream
{
    private readonly IEnumerator<TreeEntry> _entries = walkedEntries.GetEnumerator();
    private TreeEntry? _entry;
    private ReadOnlyFile? _file;
    private long _fileRead;
    private Stream? _stream;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_file is null && _stream is null)
            {
                if (!_entries.MoveNext())
                {
                    return 0;
                }

                _entry = _entries.Current;
                await OpenAsync(_entry, cancellationToken).ConfigureAwait(false);
            }

            int read;
            try
            {
                read = _file is not null ? _file.Read(buffer.Span) : await _stream!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsReadError(e))
            {
                throw new TreeWalkException(_entry!.RelativePath, e.Message, e);
            }

            _fileRead += read;

            // A regular file that filled less than the buffer has ended: no read is needed to find out.
            var ended = read == 0 || (_file is { IsRegularFile: true } && read < buffer.Length && _fileRead == _file.Length);
            if (ended)
            {
                await CloseEntryAsync().ConfigureAwait(false);
            }

            if (read > 0)
            {
                return read;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await CloseEntryAsync().ConfigureAwait(false);
        _entries.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _stream?.Dispose();
            _entries.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsReadError(Exception e) =>
        e is (IOException and not TreeWalkException) or UnauthorizedAccessException or InvalidDataException;

    private async ValueTask OpenAsync(TreeEntry entry, CancellationToken cancellationToken)
    {
        _fileRead = 0;
        try
        {
            // A name that is not valid UTF-8 is opened by its bytes (TreeEntry.FromFile).
            if (entry.FullPath is { } path && !FileNameBytes.HasRawBytes(path))
            {
                _file = ReadOnlyFile.Open(path);
            }
            else
            {
                _stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsReadError(e))
        {
            throw new TreeWalkException(entry.RelativePath, e.Message, e);
        }
    }

    private async ValueTask CloseEntryAsync()
    {
        _file?.Dispose();
        _file = null;
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            _stream = null;
        }
    }
}
