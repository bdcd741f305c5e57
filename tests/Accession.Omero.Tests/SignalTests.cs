using System.Diagnostics;
using Accession.Omero.State;
using Accession.TestKit;
using Accession.TestKit.Omero;

namespace Accession.Omero.Tests;

/// <summary>
/// The shipped <c>accession</c> executable as a child process, stopped by a real SIGTERM; CI also runs it
/// against the native form (<see cref="AccessionProgram"/>).
/// </summary>
[Trait("Category", AccessionProgram.ProcessCategory)]
public sealed class SignalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_during_a_download_stops_in_bounded_time_with_143_leaving_nothing_half_written()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var done = scenario.AddSingleFileImage("done.tif", 10_000, 1);
        var big = scenario.AddSingleFileImage("big.tif", 4_000_000, 2);
        scenario.Omero.Faults.ThrottleDownloads(100_000);
        using var process = StartService(scenario);
        var stderr = process.StandardError.ReadToEndAsync();

        await WaitUntilAsync(
            () => scenario.IsccAnnotations(done.Id).Count == 1 && scenario.Omero.Requests.Any(request =>
                request.Path == $"{OmeroRoutes.ArchivedFiles}{big.Id}/" && request.StatusCode == 200 && !request.Completed),
            process,
            () => string.Join(", ", scenario.Omero.Requests.Select(request => $"{request.Method} {request.Path} {request.StatusCode} {request.Completed}")));
        var signalled = Stopwatch.StartNew();
        await AccessionProgram.SignalAsync(process, "TERM");

        await process.WaitForExitAsync().WaitAsync(Patience);
        var stopTime = signalled.Elapsed;

        Assert.Equal(143, process.ExitCode);
        Assert.True(stopTime < Service.OmeroIsccHost.ShutdownTimeout, $"stopped after {stopTime}");
        Assert.DoesNotContain("   at ", await stderr, StringComparison.Ordinal);
        Assert.Empty(scenario.IsccAnnotations(big.Id));
        Assert.Single(scenario.Omero.AllMapAnnotations());
        using (var state = StateStore.Open(scenario.Settings.StatePath))
        {
            Assert.Equal(ImageOutcome.Annotated, state.Find(done.Id)?.Outcome);
            Assert.Null(state.Find(big.Id));
            Assert.True(state.GetWatermark() < big.Id, $"watermark {state.GetWatermark()}");
        }

        scenario.Omero.Faults.ThrottleDownloads(null);
        var (exitCode, output, error) = await scenario.RunCliAsync("--once");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("accession omero-iscc: 1 annotated, 1 already annotated, 0 failed", output, StringComparison.Ordinal);
        Assert.Equal(await scenario.ExpectedCodeAsync(big.Fileset), Assert.Single(scenario.IsccAnnotations(big.Id)).Value("iscc:sum"));
        Assert.Single(scenario.IsccAnnotations(done.Id));
    }

    /// <summary>Starts <c>accession omero-iscc</c> (service mode) pointed at the scenario through its environment.</summary>
    private static Process StartService(ServiceScenario scenario)
    {
        var environment = scenario.Environment();

        // One image at a time, so the small one is done before the large one is downloading.
        environment["OMERO_ISCC_CONCURRENCY"] = "1";
        return AccessionProgram.Start(["omero-iscc"], environment: environment);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, $"the service exited early with {(process.HasExited ? process.ExitCode : 0)}");
            Assert.True(clock.Elapsed < Patience, "timed out waiting for the download to be in flight; requests: " + describe());
            await Task.Delay(10);
        }
    }
}
