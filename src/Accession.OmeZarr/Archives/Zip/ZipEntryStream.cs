using System.IO.Compression;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// The data of one zip entry as it is read: never more bytes than the central directory declares,
/// a compression ratio within <see cref="ArchiveOptions.MaxCompressionRatio"/> while it streams
/// (headers can lie), and the CRC-32 checked as the last byte is handed out.
/// </summary>
internal sealed class ZipEntryStream : ForwardOnlyReadStream
{
    private readonly Stream _inner;
    private readonly FileRangeStream _stored;
    private readonly ZipEntryInfo _record;
    private readonly string _archive;
    private readonly ArchiveOptions _options;
    private readonly System.IO.Hashing.Crc32 _crc = new();
    private long _produced;
    private bool _verified;

    public ZipEntryStream(FileRangeStream stored, ZipEntryInfo record, string archive, ArchiveOptions options)
    {
        _stored = stored;
        _record = record;
        _archive = archive;
        _options = options;
        _inner = record.CompressionMethod == ZipCompressionMethods.Deflate
            ? new DeflateStream(stored, CompressionMode.Decompress, leaveOpen: false)
            : stored;
    }

    protected override long BytesDelivered => _produced;

    public override int Read(Span<byte> buffer)
    {
        var remaining = _record.Length - _produced;
        if (remaining == 0 || buffer.IsEmpty)
        {
            VerifyEnd();
            return 0;
        }

        int read;
        try
        {
            read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        }
        catch (InvalidDataException e)
        {
            throw Undecodable(e);
        }

        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var remaining = _record.Length - _produced;
        if (remaining == 0 || buffer.IsEmpty)
        {
            VerifyEnd();
            return 0;
        }

        int read;
        try
        {
            read = await _inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Undecodable(e);
        }

        return Account(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_archive}: entry '{_record.Path}' ends after {_produced} of its {_record.Length} bytes; the archive is truncated or damaged, copy or create it again.");
        }

        _crc.Append(data);
        _produced += data.Length;

        // Buffered input makes the consumed count an overestimate, so this never fires early.
        if (_record.CompressionMethod == ZipCompressionMethods.Deflate
            && _produced > _options.CompressionRatioThreshold
            && _produced > _options.MaxCompressionRatio * Math.Max(1, _stored.BytesRead))
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{_archive}: entry '{_record.Path}' expands more than {_options.MaxCompressionRatio} times while it is read, although its header says otherwise; the archive looks like a zip bomb, do not use it.");
        }

        if (_produced == _record.Length)
        {
            VerifyEnd();
        }

        return data.Length;
    }

    private void VerifyEnd()
    {
        if (_verified)
        {
            return;
        }

        _verified = true;
        Span<byte> probe = stackalloc byte[1];
        int extra;
        try
        {
            extra = _inner.Read(probe);
        }
        catch (InvalidDataException e)
        {
            throw Undecodable(e);
        }

        if (extra != 0)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_archive}: entry '{_record.Path}' holds more than the {_record.Length} bytes its header declares; the archive is damaged or crafted, do not use it.");
        }

        var actual = _crc.GetCurrentHashAsUInt32();
        if (actual != _record.Crc32)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_archive}: entry '{_record.Path}' is damaged (its CRC-32 is {actual:x8}, the archive says {_record.Crc32:x8}); copy or create the archive again.");
        }
    }

    private ArchiveException Undecodable(InvalidDataException e) =>
        new(
            ArchiveErrorKind.Corrupt,
            $"{_archive}: entry '{_record.Path}' cannot be decompressed ({e.Message}); the archive is damaged, copy or create it again.",
            e);
}
