using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Accession.Omero.Web;

/// <summary>
/// The one HTTP stack the service uses to reach OMERO.web (shared/DESIGN.md "HTTP"): a pooled
/// <see cref="SocketsHttpHandler"/> under a resilience handler that retries idempotent requests on
/// 5xx, timeouts and dropped connections with exponential backoff. POSTs are never retried here: a
/// lost answer to <c>annotate_map</c> must be followed by a fresh check, not a second write.
/// </summary>
internal static class OmeroHttp
{
    /// <summary>Creates the client; <paramref name="retryDelay"/> is the first backoff step.</summary>
    public static HttpClient Create(TimeSpan retryDelay)
    {
        var sockets = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            MaxConnectionsPerServer = 16,
        };
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = retryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        };
        retry.DisableForUnsafeHttpMethods();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(100) })
            .Build();
        var resilience = new ResilienceHandler(pipeline) { InnerHandler = sockets };
        return new HttpClient(resilience, disposeHandler: true)
        {
            // Per-attempt timeouts live in the pipeline; bodies stream for as long as they take.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
