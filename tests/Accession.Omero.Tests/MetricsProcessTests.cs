using System.Diagnostics;
using System.Globalization;
using System.Net;
using Accession.TestKit;

namespace Accession.Omero.Tests;

/// <summary>
/// <c>/healthz</c> and <c>/metrics</c> of the shipped <c>accession omero-iscc</c> as a child process, scraped
/// over HTTP and stopped by a real SIGTERM; CI also runs it against the native form (<see cref="AccessionProgram"/>).
/// </summary>
[Trait("Category", AccessionProgram.ProcessCategory)]
public sealed class MetricsProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_service_process_is_healthy_counts_the_annotated_image_in_metrics_and_stops_on_sigterm_with_143()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("scan.tif", 40_000, 1);
        var (process, port, stderr) = await StartOnFreeMetricsPortAsync(scenario);
        using var stopAnyway = new ProcessStopper(process);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
        var exposition = await WaitForAsync(
            process,
            async () => await http.GetStringAsync(new Uri("metrics", UriKind.Relative)) is var text
                && text.Contains("\nomero_iscc_images_annotated_total 1\n", StringComparison.Ordinal) ? text : null,
            "the annotated image to be counted in /metrics");
        using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));

        await AccessionProgram.SignalAsync(process, "TERM");

        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        Assert.Contains("\nomero_iscc_bytes_hashed_total 40000\n", exposition, StringComparison.Ordinal);
        Assert.Contains("\nomero_iscc_images_failed_total 0\n", exposition, StringComparison.Ordinal);
        Assert.Equal(await scenario.ExpectedCodeAsync(image.Fileset), Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"));
        Assert.Equal(143, process.ExitCode);
        Assert.DoesNotContain("   at ", await stderr, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("healthz", UriKind.Relative)));
    }

    /// <summary>
    /// Starts the service with its metrics on a port that was free a moment ago. Another process may take
    /// that port first: then the service exits 2 naming <c>metrics_port</c> and another port is tried.
    /// </summary>
    private static async Task<(Process Process, int Port, Task<string> Stderr)> StartOnFreeMetricsPortAsync(ServiceScenario scenario)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = ServiceHostTests.FreePort();
            var environment = scenario.Environment();
            environment["OMERO_ISCC_METRICS_PORT"] = port.ToString(CultureInfo.InvariantCulture);
            var process = AccessionProgram.Start(["omero-iscc"], environment: environment);
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var stopOnFailure = new ProcessStopper(process);
            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
            if (await WaitForListenerOrExitAsync(process, probe))
            {
                stopOnFailure.Release();
                return (process, port, stderr);
            }

            var error = await stderr;
            var exitCode = process.ExitCode;
            Assert.True(exitCode == 2 && error.Contains("'metrics_port'", StringComparison.Ordinal) && attempt < 5,
                $"the service exited with {exitCode}: {error}");
        }
    }

    /// <summary>True once <c>/healthz</c> answers 200; false when the process exited first.</summary>
    private static async Task<bool> WaitForListenerOrExitAsync(Process process, HttpClient http) =>
        await PollAsync(
            process,
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                    return response.StatusCode == HttpStatusCode.OK ? "listening" : null;
                }
                catch (HttpRequestException)
                {
                    return null; // Not listening yet.
                }
            },
            "/healthz to answer 200") is not null;

    private static async Task<string> WaitForAsync(Process process, Func<Task<string?>> attempt, string what) =>
        await PollAsync(process, attempt, what) ?? throw new Xunit.Sdk.XunitException($"the service exited early while waiting for {what}");

    /// <summary>The first result of <paramref name="attempt"/> that is not null, or null once the process exited; fails after <see cref="Patience"/>.</summary>
    private static async Task<string?> PollAsync(Process process, Func<Task<string?>> attempt, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            Assert.True(clock.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(20);
        }

        return null;
    }

    /// <summary>Kills and disposes the process unless released, so a failed test leaves nothing running.</summary>
    private sealed class ProcessStopper(Process process) : IDisposable
    {
        private Process? _process = process;

        public void Release() => _process = null;

        public void Dispose()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
            }

            _process?.Dispose();
        }
    }
}
