namespace Accession.Omero.Tests;

/// <summary><c>accession omero-iscc</c> run in-process against the fake OMERO.web.</summary>
public sealed class OmeroIsccCommandTests
{
    [Fact]
    public async Task Once_polls_prints_a_summary_and_exits_0()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("img.tif", 3_000, 1);

        var (exitCode, output, error) = await RunAsync(scenario, "--once");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("accession omero-iscc: 1 annotated, 0 already annotated, 0 failed", output, StringComparison.Ordinal);
        Assert.Single(scenario.IsccAnnotations(image.Id));
    }

    [Fact]
    public async Task Bad_credentials_exit_2_with_one_clear_line_and_no_secret()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        scenario.AddSingleFileImage("img.tif", 3_000, 1);

        var (exitCode, output, error) = await RunAsync(scenario, "--once", "--password", "wrong password");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(
            $"accession omero-iscc: OMERO.web at {scenario.Omero.BaseUrl} refused the login of user '{ServiceScenario.ServiceUser}': "
            + "Connection not available, please check your user name and password. Check username, password and server.",
            line);
        Assert.DoesNotContain("wrong password", error, StringComparison.Ordinal);
        Assert.Empty(scenario.Omero.AllMapAnnotations());
    }

    [Fact]
    public async Task A_bad_setting_exits_2_naming_it_before_anything_is_contacted()
    {
        await using var scenario = await ServiceScenario.StartAsync();

        var (exitCode, _, error) = await RunAsync(scenario, "--once", "--poll-interval", "soon");

        Assert.Equal(2, exitCode);
        Assert.Equal("accession omero-iscc: setting 'poll_interval' (OMERO_ISCC_POLL_INTERVAL, --poll-interval) must be a whole number from 1 to 86400, not 'soon'.\n", error);
        Assert.Empty(scenario.Omero.Requests);
    }

    [Fact]
    public async Task Status_lists_parked_images_and_exits_1()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var bad = scenario.AddSingleFileImage("bad.tif", 1_000, 2);
        scenario.Omero.Faults.FailNext(1_000, $"/webgateway/archived_files/download/{bad.Id}/");

        var once = await RunAsync(scenario, "--once");
        Assert.Equal(1, once.ExitCode);
        var (exitCode, output, _) = await RunAsync(scenario, "status");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("watermark: 1; 0 waiting for another attempt; 1 parked\n", output, StringComparison.Ordinal);
        Assert.Contains($"image {bad.Id}: 1 failed attempts, parked; last error: ", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(ServiceScenario scenario, params string[] args) =>
        scenario.RunCliAsync(args);
}
