using System.Text.Json;
using Accession.TestKit;

namespace Accession.Cli.Tests;

/// <summary>
/// The README's first command — the main job on the bundled sample — works as written: it is read from
/// README.md and run from the repository root, with the built executable in place of <c>dotnet run</c>
/// (which would build the project again).
/// </summary>
[Trait("Category", "Process")]
public class ReadmeCommandTests
{
    private const string DotnetRun = "dotnet run --project src/Accession.Cli -c Release -- ";

    /// <summary>The first command line of the README's first shell block.</summary>
    private static string FirstCommand()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        return lines
            .SkipWhile(line => line.Trim() != "```sh")
            .Skip(1)
            .TakeWhile(line => line.Trim() != "```")
            .First(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            .Trim();
    }

    [Fact]
    public async Task The_readme_main_job_imports_the_bundled_sample_in_local_mode()
    {
        var command = FirstCommand();
        Assert.StartsWith(DotnetRun + "pennsieve-import ", command, StringComparison.Ordinal);
        using var temp = new TempFolder();

        // TMPDIR keeps the output folder the command makes with mktemp inside the test's temp folder.
        var script = CliProcess.ShellCommand() + " " + command[DotnetRun.Length..];
        var (exitCode, _, error) = await CliProcess.RunShellAsync(
            script,
            SharedData.RepositoryRoot,
            new Dictionary<string, string?> { ["TMPDIR"] = temp.Path, ["ENVIRONMENT"] = null, ["IMPORTER_ENABLED"] = null });

        Assert.True(exitCode == 0, error);
        var output = Assert.Single(Directory.GetDirectories(temp.Path));
        using var plan = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "cells.ome.zarr.import-plan.json")));
        Assert.Equal("cells.ome.zarr", plan.RootElement.GetProperty("assetName").GetString());
        var sample = Path.Combine(SharedData.RepositoryRoot, "samples", "cells.ome.zarr");
        Assert.Equal(Directory.GetFiles(sample, "*", SearchOption.AllDirectories).Length, plan.RootElement.GetProperty("fileCount").GetInt32());
        var tree = await CliRunner.RunAsync("iscc", "--tree", "--no-progress", sample);
        Assert.Equal(tree.Lines[0][..tree.Lines[0].IndexOf(" *", StringComparison.Ordinal)], plan.RootElement.GetProperty("properties").GetProperty("iscc_sum").GetString());
        Assert.Contains("local run: asset 'cells.ome.zarr', ", error, StringComparison.Ordinal);
    }
}
