using Accession.Omero.Web;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Service;

/// <summary>
/// Polls until one poll succeeds, waiting with <see cref="ReconnectBackoff"/> while OMERO.web cannot be
/// reached or answers with errors. A refused login is final. Used by <c>--once</c> and by the service loop.
/// Not thread-safe.
/// </summary>
public sealed partial class OmeroIsccRunner(OmeroIsccComponents components, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ReconnectBackoff _backoff = new(components.Settings.ReconnectDelay);

    /// <summary>Runs one poll, retrying it up to <paramref name="maxAttempts"/> times (unbounded when null).</summary>
    /// <exception cref="OmeroLoginException">The login was refused.</exception>
    /// <exception cref="OmeroWebException">Every allowed attempt failed; the last error.</exception>
    public async Task<PollSummary> PollAsync(bool backfill, int? maxAttempts, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var summary = await components.Poller.PollAsync(backfill, cancellationToken).ConfigureAwait(false);
                _backoff.Reset();
                return summary;
            }
            catch (Exception e) when (e is (OmeroWebException or HttpRequestException or IOException) and not OmeroLoginException
                && !cancellationToken.IsCancellationRequested)
            {
                components.Metrics.RecordPollFailure(e.Message, _time.GetUtcNow());
                if (_backoff.Attempts + 1 >= maxAttempts)
                {
                    throw;
                }

                var wait = _backoff.Next();
                LogPollFailed(logger, e.Message, wait.TotalSeconds);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll failed: {Error}; trying again in {Seconds:0.0} s")]
    private static partial void LogPollFailed(ILogger logger, string error, double seconds);
}
