namespace Accession.Omero.Service;

/// <summary>
/// The service's running totals (shared/specs/omero.md §2 "Health and metrics"): images done and failed,
/// bytes hashed, the last poll's duration and the time of the last successful poll. Thread-safe.
/// </summary>
public sealed class ServiceMetrics
{
    private readonly Lock _lock = new();
    private long _annotated;
    private long _failed;
    private long _bytes;
    private long _polls;
    private TimeSpan _lastPollDuration;
    private DateTimeOffset? _lastSuccess;

    public long ImagesAnnotated { get { lock (_lock) { return _annotated; } } }

    public long ImagesFailed { get { lock (_lock) { return _failed; } } }

    public long BytesHashed { get { lock (_lock) { return _bytes; } } }

    public long Polls { get { lock (_lock) { return _polls; } } }

    public TimeSpan LastPollDuration { get { lock (_lock) { return _lastPollDuration; } } }

    /// <summary>When a poll last completed, or null before the first.</summary>
    public DateTimeOffset? LastSuccess { get { lock (_lock) { return _lastSuccess; } } }

    /// <summary>Adds a completed poll.</summary>
    public void RecordPoll(PollSummary summary, DateTimeOffset finished)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_lock)
        {
            _annotated += summary.Annotated;
            _failed += summary.Failed + summary.Parked;
            _bytes += summary.BytesHashed;
            _polls++;
            _lastPollDuration = summary.Duration;
            _lastSuccess = finished;
        }
    }
}
