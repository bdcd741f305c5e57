using System.Net;
using System.Net.Sockets;
using Accession.Omero.Configuration;
using Accession.Omero.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accession.Omero.Tests;

/// <summary>The long-running service on the Generic Host (not <c>--once</c>), its <c>/healthz</c> and <c>/metrics</c>, scraped over HTTP.</summary>
public sealed class ServiceHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_service_polls_again_after_its_interval_counts_its_work_in_metrics_and_stops_when_asked()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var first = scenario.AddSingleFileImage("first.tif", 30_000, 1);
        var (host, exit, settings) = BuildOnFreeMetricsPort(scenario.Settings with { PollInterval = TimeSpan.FromMilliseconds(100) });
        using (host)
        {
            await host.StartAsync();
            var metrics = host.Services.GetRequiredService<OmeroIsccComponents>().Metrics;
            await WaitUntilAsync(() => metrics.ImagesAnnotated == 1);
            var second = scenario.AddSingleFileImage("second.tif", 20_000, 2);
            await WaitUntilAsync(() => metrics.ImagesAnnotated == 2);
            var polls = metrics.Polls;
            await WaitUntilAsync(() => metrics.Polls > polls);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.MetricsPort}/") };
            var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
            var exposition = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
            Assert.Contains("\nomero_iscc_images_annotated_total 2\n", exposition, StringComparison.Ordinal);
            Assert.Contains("\nomero_iscc_images_failed_total 0\n", exposition, StringComparison.Ordinal);
            Assert.Contains("\nomero_iscc_bytes_hashed_total 50000\n", exposition, StringComparison.Ordinal);
            Assert.Contains($"\nomero_iscc_poll_duration_seconds_count {metrics.Polls}\n", exposition, StringComparison.Ordinal);
            var lastSuccess = double.Parse(exposition.Split('\n').Single(line => line.StartsWith("omero_iscc_last_success_timestamp_seconds ", StringComparison.Ordinal)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lastSuccess, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("other", UriKind.Relative))).StatusCode);

            await host.StopAsync().WaitAsync(Patience);
            Assert.Single(scenario.IsccAnnotations(first.Id));
            Assert.Single(scenario.IsccAnnotations(second.Id));
            Assert.Null(exit.Error);
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("healthz", UriKind.Relative)));
        }
    }

    [Fact]
    public async Task Healthz_turns_unhealthy_while_omero_is_unreachable_longer_than_the_bound_and_recovers()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("img.tif", 5_000, 1);
        scenario.Omero.Faults.GoDown();
        var (host, _, settings) = BuildOnFreeMetricsPort(scenario.Settings with { PollInterval = TimeSpan.FromMilliseconds(100), UnhealthyAfter = TimeSpan.FromMilliseconds(300) });
        using (host)
        {
            await host.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.MetricsPort}/") };
            var unhealthy = await WaitForHealthAsync(http, HttpStatusCode.ServiceUnavailable);
            scenario.Omero.Faults.ComeBack();
            await WaitForHealthAsync(http, HttpStatusCode.OK);
            var exposition = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            await host.StopAsync().WaitAsync(Patience);

            Assert.StartsWith("unhealthy: no successful poll for ", unhealthy, StringComparison.Ordinal);
            Assert.Contains("last error: OMERO.web at ", unhealthy, StringComparison.Ordinal);
            Assert.DoesNotContain("\nomero_iscc_poll_failures_total 0\n", exposition, StringComparison.Ordinal);
            Assert.Contains("\nomero_iscc_poll_failures_total ", exposition, StringComparison.Ordinal);
            Assert.Single(scenario.IsccAnnotations(image.Id));
        }
    }

    [Fact]
    public async Task A_metrics_endpoint_disposed_without_being_stopped_frees_its_port_without_throwing()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var settings = scenario.Settings with { MetricsPort = FreePort() };
        var endpoint = new MetricsEndpoint(MetricsEndpoint.Listen(settings), settings, new ServiceMetrics(DateTimeOffset.UtcNow), NullLogger<MetricsEndpoint>.Instance);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.MetricsPort}/") };
        await endpoint.StartAsync(CancellationToken.None);
        await WaitForHealthAsync(http, HttpStatusCode.OK);

        // As when a caller's own failure unwinds past a started host: disposal alone must release the listener.
        var disposal = Record.Exception(endpoint.Dispose);

        Assert.Null(disposal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task A_metrics_port_in_use_exits_2_naming_the_setting()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, error) = await scenario.RunCliAsync("--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"accession omero-iscc: setting 'metrics_port' (OMERO_ISCC_METRICS_PORT, --metrics-port) {port} on 127.0.0.1 cannot be listened on", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Empty(scenario.Omero.Requests);
    }

    /// <summary>
    /// Builds the host with its metrics on a port that was free a moment ago. HttpListener cannot listen on
    /// port 0 and report the one it got, so another process may take the probed port first: then Build
    /// refuses it and another port is tried.
    /// </summary>
    private static (IHost Host, ServiceExit Exit, OmeroIsccSettings Settings) BuildOnFreeMetricsPort(OmeroIsccSettings settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var withPort = settings with { MetricsPort = FreePort() };
            try
            {
                var (host, exit) = OmeroIsccHost.Build(withPort, backfill: false);
                return (host, exit, withPort);
            }
            catch (SettingsException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>A loopback port that was free a moment ago (another process may take it before it is used).</summary>
    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http, HttpStatusCode wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), timeout.Token);
            if (response.StatusCode == wanted)
            {
                return await response.Content.ReadAsStringAsync(timeout.Token);
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
