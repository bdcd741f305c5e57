using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accession.Omero.Web;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Accession.Omero.Webhook;

/// <summary>
/// Tells a webhook about each new code with the Python service's payload (shared/specs/omero.md §1.3:
/// <c>event</c> = <c>iscc_generated</c>, <c>image_id</c>, <c>image_name</c>, <c>iscc_code</c>,
/// <c>timestamp</c> in seconds since the epoch), retried with backoff, and signed with
/// <c>X-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> when a secret is set. A webhook that
/// keeps failing is logged, never fails the image. Thread-safe.
/// </summary>
public sealed partial class WebhookNotifier : IDisposable
{
    /// <summary>The signature header (the GitHub-style name receivers already verify).</summary>
    public const string SignatureHeader = "X-Signature-256";

    private readonly Uri _url;
    private readonly byte[]? _secret;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public WebhookNotifier(Uri url, string? secret, ILogger logger, TimeSpan? retryDelay = null, TimeProvider? time = null)
    {
        _url = url;
        _secret = secret is null ? null : Encoding.UTF8.GetBytes(secret);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            Delay = retryDelay ?? TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(10) })
            .Build();
        _http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() });
    }

    /// <summary>Sends the payload for one annotated image; returns whether the webhook accepted it.</summary>
    public async Task<bool> NotifyAsync(OmeroImage image, string isccCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var body = Payload(image, isccCode, _time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (_secret is not null)
        {
            request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body)));
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRejected(_logger, image.Id, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(_logger, image.Id, e.Message);
        }

        return false;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The JSON body for one image.</summary>
    internal static byte[] Payload(OmeroImage image, string isccCode, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", "iscc_generated");
            json.WriteNumber("image_id", image.Id);
            json.WriteString("image_name", image.Name);
            json.WriteString("iscc_code", isccCode);
            json.WriteNumber("timestamp", Math.Round(now.ToUnixTimeMilliseconds() / 1000.0, 3));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused the notice for image {ImageId} with HTTP {Status}")]
    private static partial void LogRejected(ILogger logger, long imageId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook unreachable for image {ImageId}: {Error}")]
    private static partial void LogUnreachable(ILogger logger, long imageId, string error);
}
