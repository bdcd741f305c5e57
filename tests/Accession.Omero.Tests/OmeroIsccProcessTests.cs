using System.Text.Json;
using Accession.TestKit;
using Accession.TestKit.Omero;

namespace Accession.Omero.Tests;

/// <summary>
/// <c>accession omero-iscc</c> as a child process configured by a JSON file: the settings file, a single-file
/// and a multi-file image, the state file and <c>status</c> go through the shipped executable, which CI
/// also runs as the native form (<see cref="AccessionProgram"/>).
/// </summary>
[Trait("Category", AccessionProgram.ProcessCategory)]
public sealed class OmeroIsccProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Once_from_a_config_file_annotates_each_image_with_the_code_of_its_files_and_status_reads_the_state()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var single = scenario.AddSingleFileImage("scan 1, left.tif", 300_000, 1);
        var multi = scenario.Omero.AddImage("slide.mrxs", scenario.Alice, scenario.Lab,
            FakeOmeroFileSpec.Generated("slide.mrxs", 1_000, 2),
            FakeOmeroFileSpec.Generated("slide/Data0000.dat", 200_000, 3));
        var config = scenario.Temp.File("omero-iscc.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["web_url"] = scenario.Omero.BaseUrl.ToString(),
            ["username"] = ServiceScenario.ServiceUser,
            ["password"] = ServiceScenario.ServicePassword,
            ["state_path"] = scenario.Settings.StatePath,
            ["log_level"] = "error",
        }));

        var first = await RunAsync("--config", config, "--once");
        var second = await RunAsync("--config", config, "--once");
        var status = await RunAsync("status", "--state-path", scenario.Settings.StatePath);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("accession omero-iscc: 2 annotated, 0 already annotated, 0 failed", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.StartsWith("accession omero-iscc: 0 annotated", second.Output, StringComparison.Ordinal);
        Assert.Equal(await scenario.ExpectedCodeAsync(single.Fileset), Assert.Single(scenario.IsccAnnotations(single.Id)).Value("iscc:sum"));
        Assert.Equal(await scenario.ExpectedCodeAsync(multi.Fileset), Assert.Single(scenario.IsccAnnotations(multi.Id)).Value("iscc:sum"));
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.StartsWith($"watermark: {multi.Id}; 0 waiting for another attempt; 0 parked", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_credentials_exit_2_with_one_line_and_no_trace()
    {
        await using var scenario = await ServiceScenario.StartAsync();
        var environment = scenario.Environment();
        environment["OMERO_ISCC_PASSWORD"] = "wrong password";

        var (exitCode, output, error) = await RunAsync(["--once"], environment);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"accession omero-iscc: OMERO.web at {scenario.Omero.BaseUrl} refused the login of user '{ServiceScenario.ServiceUser}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password", error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, null);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment)
    {
        using var process = AccessionProgram.Start(["omero-iscc", .. args], environment: environment);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output, await error);
    }
}
