using System.Net;
using Accession.OmeZarr.Archives;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Accession.Pennsieve.Http;

/// <summary>
/// Builds the pooled HTTP clients of one import: one <see cref="SocketsHttpHandler"/> per remote
/// service, each behind a Microsoft.Extensions.Http.Resilience retry pipeline (shared/DESIGN.md
/// "HTTP"). Transient failures (5xx, 408, 429, timeouts, dropped connections) are retried with
/// jittered exponential backoff; other answers are left to the caller.
/// </summary>
internal static class HttpPipelines
{
    /// <summary>Connect timeout of every call (shared/specs/pennsieve-import.md §8: 10 s).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Per-attempt timeout of API calls (§1.7: 30 s read timeout).</summary>
    public static readonly TimeSpan ApiAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Per-attempt floor for PUTs (§1.6: 60 s read timeout), plus one second per MiB of body.</summary>
    public static readonly TimeSpan PutAttemptTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Five attempts in all, as the Python processor's <c>backoff.on_exception(max_tries=5)</c> (§1.6).</summary>
    public const int MaxRetryAttempts = 4;

    public static HttpClient CreateApiClient(TimeSpan retryDelay, TransferCounters counters) =>
        Create(retryDelay, counters, _ => ApiAttemptTimeout, maxConnections: int.MaxValue);

    public static HttpClient CreateStorageClient(TimeSpan retryDelay, TransferCounters counters, int workers) =>
        Create(retryDelay, counters, PutTimeout, maxConnections: workers);

    private static TimeSpan PutTimeout(HttpRequestMessage? request)
    {
        var length = request?.Content?.Headers.ContentLength ?? 0;
        return PutAttemptTimeout + TimeSpan.FromSeconds(length / (1 << 20));
    }

    private static HttpClient Create(TimeSpan retryDelay, TransferCounters counters, Func<HttpRequestMessage?, TimeSpan> attemptTimeout, int maxConnections)
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            MaxConnectionsPerServer = maxConnections,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
        };

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    counters.AddRetry();
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(attemptTimeout(args.Context.GetRequestMessage())),
            })
            .Build();

        var resilience = new ResilienceHandler(pipeline) { InnerHandler = sockets };
        return new HttpClient(resilience, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    // A damaged archive entry surfaces as a failed request; sending it again cannot help.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && !(outcome.Exception?.InnerException is ArchiveException || outcome.Exception is ArchiveException);
}
