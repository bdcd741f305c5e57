namespace Accession.OmeZarr.Archives;

/// <summary>
/// The byte stream a <see cref="System.Formats.Tar.TarReader"/> reads. It notes whether the input
/// ended (a tar without its end-of-archive blocks is truncated), and for compressed tar files it
/// enforces the limits of <see cref="ArchiveOptions"/> on the decompressed bytes as they stream.
/// </summary>
internal sealed class TarInputStream : Stream
{
    private readonly Stream _inner;
    private readonly Func<long>? _compressedPosition;
    private readonly ArchiveOptions _options;
    private readonly string _archive;
    private long _produced;

    /// <param name="inner">The tar bytes (a decompressor, or the file itself).</param>
    /// <param name="compressedPosition">Bytes of the compressed file consumed so far; null for a plain tar.</param>
    /// <param name="options">The limits.</param>
    /// <param name="archive">The archive path, for messages.</param>
    public TarInputStream(Stream inner, Func<long>? compressedPosition, ArchiveOptions options, string archive)
    {
        _inner = inner;
        _compressedPosition = compressedPosition;
        _options = options;
        _archive = archive;
    }

    /// <summary>A read came back empty: the input has ended.</summary>
    public bool SawEnd { get; private set; }

    /// <summary>Decompressed bytes beyond the file data that headers and padding may use; grows with each header.</summary>
    public long HeaderAllowance { get; set; } = 1 << 20;

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Account(_inner.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int read, int requested)
    {
        if (read == 0 && requested > 0)
        {
            SawEnd = true;
        }

        if (_compressedPosition is null)
        {
            return read;
        }

        _produced += read;
        if (_produced > _options.MaxTotalUncompressedBytes + HeaderAllowance)
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{_archive}: the archive expands to more than {_options.MaxTotalUncompressedBytes} bytes; raise the size limit if this is expected.");
        }

        if (_produced > _options.CompressionRatioThreshold
            && _produced > _options.MaxCompressionRatio * Math.Max(1, _compressedPosition()))
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{_archive}: the archive expands more than {_options.MaxCompressionRatio} times while it is read; it looks like a decompression bomb (raise the ratio limit if it is expected).");
        }

        return read;
    }
}
