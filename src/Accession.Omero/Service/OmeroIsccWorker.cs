using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Service;

/// <summary>
/// The service loop on the .NET Generic Host: poll, sleep <c>poll_interval</c>, again, until the host
/// stops (SIGTERM/SIGINT). A refused login is recorded in <see cref="ServiceExit"/> and stops the host.
/// </summary>
public sealed partial class OmeroIsccWorker(
    OmeroIsccComponents components,
    ServiceExit exit,
    IHostApplicationLifetime lifetime,
    ILogger<OmeroIsccWorker> logger,
    bool backfill) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = new OmeroIsccRunner(components, logger);
        var first = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await runner.PollAsync(backfill && first, maxAttempts: null, stoppingToken).ConfigureAwait(false);
                first = false;
                await Task.Delay(components.Settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A clean stop.
        }
        catch (Web.OmeroLoginException e)
        {
            LogLoginRefused(logger, e.Message);
            components.Metrics.RecordPollFailure(e.Message, DateTimeOffset.UtcNow);
            exit.Fail(e.Message);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Error}")]
    private static partial void LogLoginRefused(ILogger logger, string error);
}
