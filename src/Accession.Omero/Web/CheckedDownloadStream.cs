namespace Accession.Omero.Web;

/// <summary>
/// A download's body that fails when it ends short of (or beyond) the length OMERO.web announced, so a
/// connection cut mid-file can never pass for a shorter file; <c>onRead</c> hears the size of every read
/// (progress). Disposing it ends the response. Not thread-safe.
/// </summary>
internal sealed class CheckedDownloadStream(DownloadBody body, string name, Action<int> onRead) : Stream
{
    private long _received;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _received;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Check(body.Stream.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Check(await body.Stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await body.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private int Check(int read)
    {
        _received += read;
        if ((read == 0 || _received > body.Length) && body.Length is { } expected && _received != expected)
        {
            throw new IOException($"the download of '{name}' ended after {_received} of {expected} bytes");
        }

        onRead(read);
        return read;
    }
}
