namespace Accession.Pennsieve.Http;

/// <summary>
/// Counts what happened on the wire during one import, for the summary and for tests.
/// Thread-safe: workers update it concurrently.
/// </summary>
public sealed class TransferCounters
{
    private long _retries;
    private long _relogins;
    private long _represigns;
    private long _filesUploaded;
    private long _bytesUploaded;
    private long _filesFailed;

    /// <summary>Requests sent again after a transient failure (5xx, 429, timeout, dropped connection).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Logins after the first, made because the API refused an expired token.</summary>
    public long Relogins => Interlocked.Read(ref _relogins);

    /// <summary>Presigned URLs fetched again because storage refused an expired one.</summary>
    public long Represigns => Interlocked.Read(ref _represigns);

    public long FilesUploaded => Interlocked.Read(ref _filesUploaded);

    public long BytesUploaded => Interlocked.Read(ref _bytesUploaded);

    public long FilesFailed => Interlocked.Read(ref _filesFailed);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddRelogin() => Interlocked.Increment(ref _relogins);

    internal void AddRepresign() => Interlocked.Increment(ref _represigns);

    internal void AddUploaded(long bytes)
    {
        Interlocked.Add(ref _bytesUploaded, bytes);
        Interlocked.Increment(ref _filesUploaded);
    }

    internal void AddFailed() => Interlocked.Increment(ref _filesFailed);
}
