using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Accession.Cli;
using Accession.Cli.Commands.Iscc;
using Accession.Cli.Terminal;
using Accession.TestKit.Pennsieve;

namespace Accession.Pennsieve.Tests;

/// <summary>
/// The optional dataset ISCC-SUM: the tree-mode code of the dataset's files, the same as
/// <c>accession iscc --tree</c> gives for the extracted dataset folder, written into the local plan and
/// sent in the manifest's <c>options.properties.iscc_sum</c>.
/// </summary>
public class IsccSumTests
{
    /// <summary>What <c>accession iscc --tree</c> prints for <paramref name="folder"/>: the code before <c> *</c>.</summary>
    private static async Task<string> IsccTreeAsync(string folder)
    {
        var console = new CommandConsole(() => Stream.Null, ErrorIsTerminal: false);
        var root = new RootCommand("accession") { IsccCommand.Create(console) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(root, ["iscc", "--tree", "--no-progress", folder], output, error);
        Assert.True(exit == 0, error.ToString());
        var line = Assert.Single(output.ToString().TrimEnd('\n').Split('\n'));
        return line[..line.IndexOf(" *", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Local_mode_writes_the_iscc_sum_of_the_extracted_dataset_folder_into_the_plan()
    {
        using var run = new ImportRun();
        run.Environment["COMPUTE_ISCC_SUM"] = "yes";
        run.Archive(run.BuildImage("image.zarr", extra: b => b.Bytes("labels/notes.txt", "a note"u8.ToArray())), "sample.zip", prefix: "image.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var expected = await IsccTreeAsync(Path.Combine(run.OutputDir, "sample", "image.zarr"));
        using var plan = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.OutputDir, "sample.import-plan.json")));
        Assert.Equal(expected, plan.RootElement.GetProperty("properties").GetProperty("iscc_sum").GetString());
        Assert.Contains(result.ErrorLines, l => l.Contains($"local run: asset 'image.zarr'", StringComparison.Ordinal) && l.Contains($"ISCC-SUM {expected}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("image.zarr.zip")]
    [InlineData("image.zarr.tar.gz")]
    public async Task An_import_sends_the_datasets_iscc_sum_in_the_manifest_properties(string archiveName)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr", zarrFormat: 3);
        run.Archive(image, archiveName, prefix: "image.zarr/");

        var result = await run.RunAsync("--compute-iscc-sum", "true");

        Assert.Equal(0, result.ExitCode);
        var expected = await IsccTreeAsync(image);
        var import = Assert.Single(fake.Imports);
        var properties = Assert.IsType<JsonObject>(import.Options!["properties"]);
        Assert.Equal(expected, properties["iscc_sum"]!.GetValue<string>());
        Assert.Single(properties);
        Assert.Contains(result.ErrorLines, l => l.Contains($"import {import.Id}:", StringComparison.Ordinal) && l.Contains($"ISCC-SUM {expected}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_setting_the_properties_stay_empty_as_in_the_python_processor()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Archive(run.BuildImage("image.zarr"), "image.zip", prefix: "image.zarr/");

        Assert.Equal(0, (await run.RunAsync()).ExitCode);

        Assert.Empty(Assert.IsType<JsonObject>(Assert.Single(fake.Imports).Options!["properties"]));
    }
}
