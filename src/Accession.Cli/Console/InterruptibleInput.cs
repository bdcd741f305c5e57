namespace Accession.Cli.Terminal;

/// <summary>
/// Standard input whose reads give up when the token is cancelled, even while the read itself is
/// blocked (a producer that is alive but silent): a pipe read cannot be cancelled, so it is left
/// running into this stream's own buffer and the caller goes on to stop cleanly. Each read copies out
/// of that buffer, so an abandoned read never writes into the caller's memory. Not thread-safe.
/// </summary>
internal sealed class InterruptibleInput(Stream inner) : Stream
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private Task<int>? _pending;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pending ??= inner.ReadAsync(_buffer.AsMemory(0, Math.Min(buffer.Length, _buffer.Length)), CancellationToken.None).AsTask();
        var count = await _pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pending = null;
        _buffer.AsSpan(0, count).CopyTo(buffer.Span);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // A read left running after a stop still owns the inner stream; the process is ending anyway.
        if (disposing && _pending is null)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
