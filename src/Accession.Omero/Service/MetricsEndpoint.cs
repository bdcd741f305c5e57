using System.Net;
using System.Net.Sockets;
using System.Text;
using Accession.Omero.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Service;

/// <summary>
/// <c>GET /healthz</c> and <c>GET /metrics</c> (Prometheus text format) on <c>metrics_address</c>:<c>metrics_port</c>,
/// served by the BCL's <see cref="HttpListener"/> so the service needs no web framework. <c>/healthz</c>
/// answers 200 <c>ok</c>, or 503 with the reason once the latest poll failed and none has succeeded for
/// <c>unhealthy_after</c> (<see cref="ServiceMetrics.Unhealthy"/>). Requests are answered one at a time;
/// both answers are small. Owns the listener it is given. Not thread-safe to start or stop; the host does both.
/// </summary>
public sealed partial class MetricsEndpoint(HttpListener listener, OmeroIsccSettings settings, ServiceMetrics metrics, ILogger<MetricsEndpoint> logger, TimeProvider? time = null)
    : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly HttpListener _listener = listener;

    /// <summary>
    /// Listens on <c>metrics_address</c>:<c>metrics_port</c> right away, so a port in use stops the service
    /// before anything else starts.
    /// </summary>
    /// <exception cref="SettingsException">The address and port cannot be listened on.</exception>
    public static HttpListener Listen(OmeroIsccSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = settings.MetricsPort ?? throw new ArgumentException("No metrics_port is set.", nameof(settings));
        var address = settings.MetricsAddress;
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "+"
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://{host}:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            ((IDisposable)listener).Dispose();
            throw new SettingsException(
                $"{SettingsLoader.Describe("metrics_port")} {port} on {address} cannot be listened on ({e.Message.TrimEnd('.')}); choose a free port or another metrics_address.");
        }

        return listener;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LogListening(logger, settings.MetricsAddress, settings.MetricsPort ?? 0);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        // The base cancels the stopping token, whose registration stops the listener; disposing the
        // listener first would make that cancellation throw ObjectDisposedException.
        base.Dispose();
        ((IDisposable)_listener).Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException && stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await AnswerAsync(context, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException)
            {
                // The scraper went away; the next request is answered as usual.
                context.Response.Abort();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        var path = context.Request.Url?.AbsolutePath;
        if (context.Request.HttpMethod is not ("GET" or "HEAD"))
        {
            response.StatusCode = 405;
            response.Close();
            return;
        }

        if (path == "/metrics")
        {
            response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            using var body = new MemoryStream();
            await metrics.Registry.CollectAndExportAsTextAsync(body, cancellationToken).ConfigureAwait(false);
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken).ConfigureAwait(false);
            response.Close();
            return;
        }

        if (path == "/healthz")
        {
            var problem = metrics.Unhealthy(_time.GetUtcNow(), settings.UnhealthyAfter);
            response.StatusCode = problem is null ? 200 : 503;
            response.ContentType = "text/plain; charset=utf-8";
            var text = Encoding.UTF8.GetBytes((problem is null ? "ok" : "unhealthy: " + problem) + "\n");
            response.ContentLength64 = text.Length;
            await response.OutputStream.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            response.Close();
            return;
        }

        response.StatusCode = 404;
        response.Close();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving /healthz and /metrics on {Address} port {Port}")]
    private static partial void LogListening(ILogger logger, IPAddress address, int port);
}
