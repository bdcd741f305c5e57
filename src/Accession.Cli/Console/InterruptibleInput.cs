namespace Accession.Cli.Terminal;

/// <summary>
/// Standard input whose reads give up when the token is cancelled, even while the read itself is
/// blocked (a producer that is alive but silent): a pipe read cannot be cancelled, so it is left
/// running into this stream's own buffer and the caller goes on to stop cleanly. Each read copies out
/// of that buffer, so an abandoned read never writes into the caller's memory. Not thread-safe.
/// </summary>
/// <remarks>
/// Ctrl+C signals the producer and this process at once; when the producer dies first, the input
/// ends before the signal is handled here, and whatever the command makes of the cut input (a
/// checksum, a verdict on a cut checksum list) must not be printed. So the end of the input is
/// reported only after <c>endGrace</c>, which also covers a signal sent just after the producer's,
/// and then, on Linux, once no signal that already came can still be on its way to the handler
/// (<see cref="SignalsInFlight"/>), however long the runtime's threads take to carry it: the kernel
/// sends Ctrl+C's SIGINT to every process of the group in one call, so once the producer's death
/// has ended the input, this process' signal has come. A signal meanwhile cancels the read.
/// </remarks>
/// <param name="inner">Standard input.</param>
/// <param name="endGrace">How long the end of the input waits at least; zero: not at all.</param>
internal sealed class InterruptibleInput(Stream inner, TimeSpan endGrace = default) : Stream
{
    // After the grace, a signal still on its way to the handler is waited for this long at most: only
    // threads kept runnable this long (a starved machine) end the wait, and the input ends then.
    private static readonly TimeSpan SignalSettleLimit = TimeSpan.FromSeconds(2);

    private readonly byte[] _buffer = new byte[1 << 20];
    private Task<int>? _pending;
    private bool _ended;

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
        if (count == 0 && buffer.Length > 0 && !_ended)
        {
            await WaitForSignalOnItsWayAsync(cancellationToken).ConfigureAwait(false);
            _ended = true;
        }

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

    private async Task WaitForSignalOnItsWayAsync(CancellationToken cancellationToken)
    {
        if (endGrace <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Delay(endGrace, cancellationToken).ConfigureAwait(false);
        SignalsInFlight.WaitUntilSettled(SignalSettleLimit, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
