namespace Accession.TestKit.Pennsieve;

/// <summary>
/// Faults and limits a test sets before or during a run: token expiry, PUT failures and dropped
/// connections, delays, failing API calls, short-lived or already expired presigned URLs, Cognito
/// throttling and refused logins. Every member is thread-safe; one-shot faults are used up as requests arrive.
/// </summary>
public sealed class FakePennsieveFaults
{
    private readonly Lock _lock = new();
    private readonly List<PutFault> _putFaults = [];
    private readonly Dictionary<PennsieveRoute, Queue<int>> _failures = [];
    private readonly Dictionary<PennsieveRoute, TimeSpan> _delays = [];
    private TimeSpan _tokenLifetime = TimeSpan.FromHours(1);
    private TimeSpan _presignedUrlLifetime = TimeSpan.FromHours(1);
    private int? _tokenCallLimit;
    private int? _revokeCountdown;
    private int _expiredUrls;
    private int _throttledLogins;
    private int _rejectedLogins;
    private bool _unknownWorkflowAnswersEmpty;

    /// <summary>Lifetime of access tokens issued from now on (Cognito's <c>ExpiresIn</c>, default 3600 s, spec §2.2).</summary>
    public TimeSpan TokenLifetime
    {
        get { lock (_lock) { return _tokenLifetime; } }
        set { lock (_lock) { _tokenLifetime = value; } }
    }

    /// <summary>When set, every access token answers this many gateway calls and is refused (403) after that.</summary>
    public int? TokenCallLimit
    {
        get { lock (_lock) { return _tokenCallLimit; } }
        set { lock (_lock) { _tokenCallLimit = value; } }
    }

    /// <summary>Lifetime of presigned URLs issued from now on, whole seconds, at least 1 (S3's <c>X-Amz-Expires</c>).</summary>
    public TimeSpan PresignedUrlLifetime
    {
        get { lock (_lock) { return _presignedUrlLifetime; } }
        set { lock (_lock) { _presignedUrlLifetime = value; } }
    }

    /// <summary>
    /// An unknown workflow id answers 200 with an empty body (what the reference client saw, spec §1.9)
    /// instead of 404 <c>{"message":"error no records found"}</c> (spec §2.3).
    /// </summary>
    public bool UnknownWorkflowAnswersEmpty
    {
        get { lock (_lock) { return _unknownWorkflowAnswersEmpty; } }
        set { lock (_lock) { _unknownWorkflowAnswersEmpty = value; } }
    }

    /// <summary>
    /// One shot: after <paramref name="calls"/> more authorised gateway calls, every access token issued
    /// so far is revoked (refresh tokens stay valid), so the next call answers 403 — one expiry mid-run.
    /// </summary>
    public void ExpireTokensAfterCalls(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        lock (_lock) { _revokeCountdown = calls; }
    }

    /// <summary>The next <paramref name="count"/> presigned URLs are issued already expired (S3 answers 403).</summary>
    public void IssueExpiredUrls(int count)
    {
        lock (_lock) { _expiredUrls += count; }
    }

    /// <summary>
    /// The first <paramref name="tries"/> PUTs to each object (or only to <paramref name="uploadKey"/>)
    /// answer <paramref name="statusCode"/> with S3's XML error (500 InternalError, 503 SlowDown, …).
    /// Tries count PUTs whose presigned URL was valid.
    /// </summary>
    public void FailPuts(int statusCode, int tries, string? uploadKey = null)
    {
        lock (_lock) { _putFaults.Add(new PutFault(statusCode, tries, uploadKey)); }
    }

    /// <summary>
    /// The first <paramref name="tries"/> PUTs to each object (or only to <paramref name="uploadKey"/>) lose
    /// their connection without an answer, after the fake has read <paramref name="afterBytes"/> of the body.
    /// </summary>
    public void DropPuts(int tries, string? uploadKey = null, long afterBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        lock (_lock) { _putFaults.Add(new PutFault(null, tries, uploadKey) { DropAfterBytes = afterBytes }); }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="route"/> answer <paramref name="statusCode"/>
    /// (API routes with <c>{"message":…}</c>, PUTs with S3's XML) before any other check.
    /// </summary>
    public void FailNext(PennsieveRoute route, int statusCode, int count = 1)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(route, out var queue))
            {
                _failures[route] = queue = new Queue<int>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(statusCode);
            }
        }
    }

    /// <summary>Every request to <paramref name="route"/> waits <paramref name="delay"/> before it is answered (zero removes the delay).</summary>
    public void Delay(PennsieveRoute route, TimeSpan delay)
    {
        lock (_lock) { _delays[route] = delay; }
    }

    /// <summary>The next <paramref name="count"/> <c>InitiateAuth</c> calls answer 400 <c>TooManyRequestsException</c>.</summary>
    public void ThrottleLogins(int count)
    {
        lock (_lock) { _throttledLogins += count; }
    }

    /// <summary>The next <paramref name="count"/> <c>InitiateAuth</c> calls answer 400 <c>NotAuthorizedException</c>, right credentials or not.</summary>
    public void RejectLogins(int count)
    {
        lock (_lock) { _rejectedLogins += count; }
    }

    /// <summary>Removes every fault and restores the default lifetimes.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _putFaults.Clear();
            _failures.Clear();
            _delays.Clear();
            _tokenLifetime = TimeSpan.FromHours(1);
            _presignedUrlLifetime = TimeSpan.FromHours(1);
            _tokenCallLimit = null;
            _revokeCountdown = null;
            _expiredUrls = 0;
            _throttledLogins = 0;
            _rejectedLogins = 0;
            _unknownWorkflowAnswersEmpty = false;
        }
    }

    internal TimeSpan DelayFor(PennsieveRoute route)
    {
        lock (_lock) { return _delays.GetValueOrDefault(route); }
    }

    internal int? TakeFailure(PennsieveRoute route)
    {
        lock (_lock) { return _failures.TryGetValue(route, out var queue) && queue.TryDequeue(out var status) ? status : null; }
    }

    /// <summary>Counts one authorised call; true when the one-shot expiry fires now.</summary>
    internal bool TakeRevocation()
    {
        lock (_lock)
        {
            if (_revokeCountdown is not { } left)
            {
                return false;
            }

            if (left == 0)
            {
                _revokeCountdown = null;
                return true;
            }

            _revokeCountdown = left - 1;
            return false;
        }
    }

    internal bool TakeExpiredUrl() => TakeOne(ref _expiredUrls);

    internal bool TakeThrottle() => TakeOne(ref _throttledLogins);

    internal bool TakeRejection() => TakeOne(ref _rejectedLogins);

    /// <summary>The fault for the <paramref name="attempt"/>-th (1-based) valid PUT to <paramref name="uploadKey"/>, if any.</summary>
    internal PutFault? PutFaultFor(string uploadKey, int attempt)
    {
        lock (_lock)
        {
            return _putFaults.FirstOrDefault(f => attempt <= f.Tries && (f.UploadKey is null || f.UploadKey == uploadKey));
        }
    }

    private bool TakeOne(ref int counter)
    {
        lock (_lock)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }

    /// <summary>A PUT fault: an S3 error status, or a dropped connection when <see cref="StatusCode"/> is null.</summary>
    internal sealed record PutFault(int? StatusCode, int Tries, string? UploadKey)
    {
        public long DropAfterBytes { get; init; }
    }
}
