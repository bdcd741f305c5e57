namespace Accession.TestKit.Omero;

/// <summary>
/// Faults the fake OMERO.web injects on demand: failing requests, slow responses, downloads cut off
/// mid-file or throttled, outages, expiring sessions and rejected logins. Settable before or during a run; each
/// counted fault is consumed by the requests it hits. A <c>pathPrefix</c> limits a fault to paths that
/// start with it (see <see cref="OmeroRoutes"/>); null means every path. Thread-safe.
/// </summary>
public sealed class OmeroFaults
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly List<CountedRule<int>> _failures = [];
    private readonly List<CountedRule<TimeSpan>> _delays = [];
    private long _cutAfterBytes;
    private int _cutsLeft;
    private long? _downloadRate;
    private OmeroOutage? _outage;
    private DateTimeOffset _outageEnds = DateTimeOffset.MaxValue;
    private int? _sessionRequestLimit;
    private bool _rejectLogins;
    private int _failuresInjected;
    private int _delaysInjected;
    private int _downloadsCut;
    private int _requestsRefused;

    internal OmeroFaults(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Raised by <see cref="ExpireAllSessions"/>; the server ends every session it holds.</summary>
    internal event Action? AllSessionsExpired;

    /// <summary>The next <paramref name="count"/> requests (matching <paramref name="pathPrefix"/>) answer <paramref name="statusCode"/> with Django's error page.</summary>
    public void FailNext(int count, string? pathPrefix = null, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _failures.Add(new CountedRule<int>(pathPrefix, count, statusCode));
        }
    }

    /// <summary>
    /// Requests (matching <paramref name="pathPrefix"/>) wait <paramref name="delay"/> before they are
    /// answered: the next <paramref name="count"/> of them, or all until <see cref="Reset"/> when null.
    /// The wait runs on the timers of <see cref="FakeOmeroOptions.Clock"/>.
    /// </summary>
    public void Delay(TimeSpan delay, string? pathPrefix = null, int? count = null)
    {
        lock (_gate)
        {
            _delays.Add(new CountedRule<TimeSpan>(pathPrefix, count ?? int.MaxValue, delay));
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> file downloads (archived files, original files) that would send
    /// more than <paramref name="afterBytes"/> bytes send exactly that many and then close the connection,
    /// short of the announced Content-Length.
    /// </summary>
    public void CutDownloads(long afterBytes, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        lock (_gate)
        {
            _cutAfterBytes = afterBytes;
            _cutsLeft = times;
        }
    }

    /// <summary>
    /// File downloads send at most <paramref name="bytesPerSecond"/> (null lifts the limit), so a download
    /// stays in flight long enough to be interrupted.
    /// </summary>
    public void ThrottleDownloads(long? bytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerSecond ?? 1);
        lock (_gate)
        {
            _downloadRate = bytesPerSecond;
        }
    }

    /// <summary>The server goes down (see <see cref="OmeroOutage"/>) for <paramref name="duration"/>, or until <see cref="ComeBack"/>.</summary>
    public void GoDown(OmeroOutage outage = OmeroOutage.ServiceUnavailable, TimeSpan? duration = null)
    {
        lock (_gate)
        {
            _outage = outage;
            _outageEnds = duration is { } span ? _clock.GetUtcNow() + span : DateTimeOffset.MaxValue;
        }
    }

    /// <summary>Ends an outage.</summary>
    public void ComeBack()
    {
        lock (_gate)
        {
            _outage = null;
        }
    }

    /// <summary>
    /// Every OMERO session expires once it has served <paramref name="requests"/> logged-in requests
    /// (null: never); the web session then behaves as not logged in (spec omero.md §6 "Session expiry").
    /// </summary>
    public void ExpireSessionsAfter(int? requests)
    {
        lock (_gate)
        {
            _sessionRequestLimit = requests;
        }
    }

    /// <summary>Every session alive now expires at once.</summary>
    public void ExpireAllSessions() => AllSessionsExpired?.Invoke();

    /// <summary>While set, every login fails with OMERO.web's bad-credentials answer.</summary>
    public void RejectLogins(bool reject = true)
    {
        lock (_gate)
        {
            _rejectLogins = reject;
        }
    }

    /// <summary>Clears every fault (counters stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
            _delays.Clear();
            _cutsLeft = 0;
            _downloadRate = null;
            _outage = null;
            _sessionRequestLimit = null;
            _rejectLogins = false;
        }
    }

    /// <summary>Requests answered with an injected error status.</summary>
    public int FailuresInjected => Read(() => _failuresInjected);

    /// <summary>Requests that were held back by <see cref="Delay"/>.</summary>
    public int DelaysInjected => Read(() => _delaysInjected);

    /// <summary>Downloads whose connection was dropped mid-file.</summary>
    public int DownloadsCut => Read(() => _downloadsCut);

    /// <summary>Requests turned away by an outage.</summary>
    public int RequestsRefused => Read(() => _requestsRefused);

    internal bool LoginsRejected => Read(() => _rejectLogins);

    internal long? DownloadRate => Read(() => _downloadRate);

    internal int? SessionRequestLimit => Read(() => _sessionRequestLimit);

    /// <summary>The current outage, counting the request it turns away.</summary>
    internal OmeroOutage? TakeOutage()
    {
        lock (_gate)
        {
            if (_outage is not null && _clock.GetUtcNow() >= _outageEnds)
            {
                _outage = null;
            }

            if (_outage is null)
            {
                return null;
            }

            _requestsRefused++;
            return _outage;
        }
    }

    internal int? TakeFailure(string path)
    {
        lock (_gate)
        {
            var rule = Take(_failures, path);
            if (rule is null)
            {
                return null;
            }

            _failuresInjected++;
            return rule.Value;
        }
    }

    internal TimeSpan TakeDelay(string path)
    {
        lock (_gate)
        {
            var rule = Take(_delays, path);
            if (rule is null)
            {
                return TimeSpan.Zero;
            }

            _delaysInjected++;
            return rule.Value;
        }
    }

    /// <summary>The byte count after which the current download must be cut, if a cut is pending.</summary>
    internal long? PendingCut()
    {
        lock (_gate)
        {
            return _cutsLeft > 0 ? _cutAfterBytes : null;
        }
    }

    /// <summary>Consumes one pending cut; false when another download took it first.</summary>
    internal bool TakeCut()
    {
        lock (_gate)
        {
            if (_cutsLeft <= 0)
            {
                return false;
            }

            _cutsLeft--;
            _downloadsCut++;
            return true;
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private static CountedRule<T>? Take<T>(List<CountedRule<T>> rules, string path)
    {
        foreach (var rule in rules)
        {
            if (rule.Left > 0 && (rule.PathPrefix is null || path.StartsWith(rule.PathPrefix, StringComparison.Ordinal)))
            {
                rule.Left--;
                if (rule.Left == 0)
                {
                    rules.Remove(rule);
                }

                return rule;
            }
        }

        return null;
    }

    private sealed class CountedRule<T>(string? pathPrefix, int left, T value)
    {
        public string? PathPrefix => pathPrefix;

        public int Left { get; set; } = left;

        public T Value => value;
    }
}
