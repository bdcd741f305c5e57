using Accession.Omero.State;
using Prometheus;

namespace Accession.Omero.Service;

/// <summary>
/// The service's running totals and health (shared/specs/omero.md §2 "Health and metrics"): images
/// annotated and failed, bytes hashed, poll durations, the time of the last successful poll and of the
/// last failed one, kept in a Prometheus registry of their own that <c>/metrics</c> exports. Thread-safe.
/// </summary>
public sealed class ServiceMetrics
{
    private readonly Lock _lock = new();
    private readonly Counter _annotated;
    private readonly Counter _failed;
    private readonly Counter _parked;
    private readonly Counter _bytes;
    private readonly Counter _pollFailures;
    private readonly Histogram _pollDuration;
    private readonly Gauge _lastSuccess;
    private readonly DateTimeOffset _started;
    private DateTimeOffset? _lastSuccessTime;
    private DateTimeOffset? _lastFailureTime;
    private string? _lastError;

    /// <summary>Totals from zero; <paramref name="started"/> stands in for the last success until the first poll.</summary>
    public ServiceMetrics(DateTimeOffset started)
    {
        _started = started;
        var metrics = Metrics.WithCustomRegistry(Registry);
        _annotated = metrics.CreateCounter("omero_iscc_images_annotated_total", "Images this process annotated with their ISCC-SUM.");
        _failed = metrics.CreateCounter("omero_iscc_images_failed_total", "Failed attempts to annotate an image (each is retried later, up to max_retries).");
        _parked = metrics.CreateCounter("omero_iscc_images_parked_total", "Images parked after their last allowed attempt failed.");
        _bytes = metrics.CreateCounter("omero_iscc_bytes_hashed_total", "Bytes of original files downloaded and hashed.");
        _pollFailures = metrics.CreateCounter("omero_iscc_poll_failures_total", "Polls that failed because OMERO.web could not be reached or answered errors.");
        _pollDuration = metrics.CreateHistogram("omero_iscc_poll_duration_seconds", "Duration of completed polls.", new HistogramConfiguration
        {
            Buckets = Histogram.ExponentialBuckets(0.05, 2, 16),
        });
        _lastSuccess = metrics.CreateGauge("omero_iscc_last_success_timestamp_seconds", "Unix time of the last completed poll (0 before the first).");
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public long ImagesAnnotated => (long)_annotated.Value;

    public long ImagesFailed => (long)(_failed.Value + _parked.Value);

    public long BytesHashed => (long)_bytes.Value;

    public long Polls => _pollDuration.Count;

    /// <summary>When a poll last completed, or null before the first.</summary>
    public DateTimeOffset? LastSuccess
    {
        get
        {
            lock (_lock)
            {
                return _lastSuccessTime;
            }
        }
    }

    /// <summary>Counts an image's outcome as soon as it is known.</summary>
    public void RecordImage(ImageOutcome outcome)
    {
        switch (outcome)
        {
            case ImageOutcome.Annotated:
                _annotated.Inc();
                break;
            case ImageOutcome.Failed:
                _failed.Inc();
                break;
            case ImageOutcome.Parked:
                _parked.Inc();
                break;
        }
    }

    /// <summary>Counts bytes as they are hashed.</summary>
    public void AddBytesHashed(long count) => _bytes.Inc(count);

    /// <summary>Records a completed poll.</summary>
    public void RecordPoll(TimeSpan duration, DateTimeOffset finished)
    {
        _pollDuration.Observe(duration.TotalSeconds);
        _lastSuccess.Set(finished.ToUnixTimeMilliseconds() / 1000.0);
        lock (_lock)
        {
            _lastSuccessTime = finished;
        }
    }

    /// <summary>Records a poll that failed: OMERO.web unreachable, errors, a refused login.</summary>
    public void RecordPollFailure(string error, DateTimeOffset when)
    {
        _pollFailures.Inc();
        lock (_lock)
        {
            _lastFailureTime = when;
            _lastError = error;
        }
    }

    /// <summary>
    /// Unhealthy when the latest poll failed and no poll has succeeded for longer than
    /// <paramref name="unhealthyAfter"/> (counted from the start before the first success); a long poll
    /// that is still hashing is healthy.
    /// </summary>
    /// <returns>Null when healthy, else why not.</returns>
    public string? Unhealthy(DateTimeOffset now, TimeSpan unhealthyAfter)
    {
        lock (_lock)
        {
            var since = _lastSuccessTime ?? _started;
            if (_lastFailureTime is not { } failed || failed < since || now - since <= unhealthyAfter)
            {
                return null;
            }

            return $"no successful poll for {(now - since).TotalSeconds:0} s (limit {unhealthyAfter.TotalSeconds:0} s); last error: {_lastError}";
        }
    }
}
