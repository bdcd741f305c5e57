namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// A read-only, non-seekable stream that hands out its data in short reads of random length, like a
/// pipe or a network response. It can fail or cancel a token after a given number of bytes.
/// </summary>
internal sealed class TrickleStream(byte[] data, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private int _position;

    /// <summary>Throw an <see cref="IOException"/> once this many bytes have been read.</summary>
    public long FailAfter { get; init; } = long.MaxValue;

    /// <summary>Cancel this source once <see cref="CancelAfter"/> bytes have been read.</summary>
    public CancellationTokenSource? CancelSource { get; init; }

    public long CancelAfter { get; init; } = long.MaxValue;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= FailAfter)
        {
            throw new IOException("The test stream failed on purpose.");
        }

        if (_position >= CancelAfter)
        {
            CancelSource?.Cancel();
        }

        var count = Math.Min(Math.Min(buffer.Length, data.Length - _position), _random.Next(1, 200_000));
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
