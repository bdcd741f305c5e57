using Microsoft.Win32.SafeHandles;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// A read-only window on a file shared by many readers: positional reads (<see cref="RandomAccess"/>)
/// on one <see cref="SafeFileHandle"/>, so any number of these streams can be read at once from
/// several threads. The file ending inside the window is reported as a truncated entry.
/// </summary>
internal sealed class FileRangeStream : ForwardOnlyReadStream
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _length;
    private readonly string _archive;
    private readonly string _entry;
    private long _position;

    public FileRangeStream(SafeFileHandle handle, long start, long length, string archive, string entry)
    {
        _handle = handle;
        _start = start;
        _length = length;
        _archive = archive;
        _entry = entry;
    }

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead => _position;

    protected override long BytesDelivered => _position;

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_handle, buffer[..wanted], _start + _position);
        return Advance(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = await RandomAccess.ReadAsync(_handle, buffer[..wanted], _start + _position, cancellationToken).ConfigureAwait(false);
        return Advance(read);
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_archive}: entry '{_entry}' is cut short (the file ends {_length - _position} bytes early); the archive is truncated, copy it again.");
        }

        _position += read;
        return read;
    }
}
