using System.CommandLine;
using System.Text.Json;
using Accession.Cli.Commands.Zarr;
using Accession.TestKit;
using Accession.TestKit.Archives;
using Accession.TestKit.OmeZarr;

namespace Accession.Cli.Tests.Zarr;

public class ZarrCommandTests
{
    private static string Cells => Path.Combine(SharedData.RepositoryRoot, "samples", "cells.ome.zarr");

    private static string Example(string verdict, string name) => SharedData.Path("samples", "ome-zarr", "ome-zarr-examples", "data", verdict, name);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test") { new ZarrCommand() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(root, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_valid_dataset_exits_0_with_a_plain_report()
    {
        var (exit, output, error) = await Run("zarr", "validate", Cells);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.StartsWith($"{Cells}: valid (1 dataset, 0 errors", output, StringComparison.Ordinal);
        Assert.Contains("dataset cells.ome.zarr at (archive root): OME-Zarr 0.5 image, Zarr v3, 13 files", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_dataset_exits_1_and_names_rule_and_file()
    {
        var (exit, output, _) = await Run("zarr", "validate", Example("invalid", "image-04.zarr"));

        Assert.Equal(1, exit);
        Assert.Contains(": invalid (", output, StringComparison.Ordinal);
        Assert.Contains("    1/.zarray\n      error   multiscales-ndim-axes $.shape:", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_exit_1_only_with_strict()
    {
        var folder = Example("warning", "image-01.zarr");

        Assert.Equal(0, (await Run("zarr", "validate", folder)).Exit);
        Assert.Equal(1, (await Run("zarr", "validate", "--strict", folder)).Exit);
    }

    [Fact]
    public async Task A_readable_input_without_a_dataset_exits_1()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "notes.txt"), "no zarr here");

        var (exit, output, _) = await Run("zarr", "validate", temp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("no OME-Zarr dataset found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_exits_2_with_one_line_on_stderr_and_no_stack_trace()
    {
        var missing = Path.Combine(Path.GetTempPath(), "accession-missing-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = await Run("zarr", "validate", missing);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"accession zarr validate: {missing}: ", line, StringComparison.Ordinal);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_is_validated_and_a_damaged_zip_exits_2()
    {
        using var temp = new TempFolder();
        var good = ZipBuilder.FromFolder(Cells, prefix: "cells.ome.zarr/").Write(Path.Combine(temp.Path, "upload.zip"));
        var damaged = new ZipBuilder { TruncateBy = 40 };
        foreach (var entry in ZipBuilder.FromFolder(Cells).Entries)
        {
            damaged.Add(entry);
        }

        var damagedPath = damaged.Write(Path.Combine(temp.Path, "damaged.zip"));

        var (exit, output, _) = await Run("zarr", "validate", "--deep", good);
        var (damagedExit, _, error) = await Run("zarr", "validate", damagedPath);

        Assert.Equal(0, exit);
        Assert.Contains("dataset cells.ome.zarr at cells.ome.zarr: OME-Zarr 0.5 image", output, StringComparison.Ordinal);
        Assert.Equal(2, damagedExit);
        Assert.StartsWith($"accession zarr validate: {damagedPath}: ", error, StringComparison.Ordinal);
        Assert.Contains("damaged.zip", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Several_inputs_exit_with_the_worst_outcome()
    {
        var missing = Path.Combine(Path.GetTempPath(), "accession-missing-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(1, (await Run("zarr", "validate", Cells, Example("invalid", "image-03.zarr"))).Exit);
        Assert.Equal(2, (await Run("zarr", "validate", Example("invalid", "image-03.zarr"), missing)).Exit);
    }

    [Fact]
    public async Task Without_a_path_it_is_a_usage_error()
    {
        Assert.Equal(2, (await Run("zarr", "validate")).Exit);
    }

    [Fact]
    public async Task Json_output_is_one_document_with_inputs_datasets_and_findings()
    {
        var missing = Path.Combine(Path.GetTempPath(), "accession-missing-" + Guid.NewGuid().ToString("N"));

        var (exit, output, _) = await Run("zarr", "validate", "--json", "--deep", Cells, Example("invalid", "image-03.zarr"), missing);

        Assert.Equal(2, exit);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.True(root.GetProperty("deep").GetBoolean());
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(["valid", "invalid", "unreadable"], inputs.Select(i => i.GetProperty("verdict").GetString()));

        var dataset = Assert.Single(inputs[0].GetProperty("datasets").EnumerateArray());
        Assert.Equal("cells.ome.zarr", dataset.GetProperty("name").GetString());
        Assert.Equal("0.5", dataset.GetProperty("version").GetString());
        Assert.Equal("image", dataset.GetProperty("kind").GetString());
        Assert.Equal(3, dataset.GetProperty("zarrFormat").GetInt32());
        Assert.True(dataset.GetProperty("chosen").GetBoolean());
        var cellsFindings = inputs[0].GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(cellsFindings.Count(f => f.GetProperty("severity").GetString() == "info"), inputs[0].GetProperty("counts").GetProperty("infos").GetInt32());
        Assert.Equal(2, cellsFindings.Count(f => f.GetProperty("ruleId").GetString() == "chunks-present"));

        var finding = Assert.Single(inputs[1].GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("multiscales-array-missing", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(".zattrs", finding.GetProperty("file").GetString());
        Assert.Equal("$.multiscales[0].datasets[0].path", finding.GetProperty("jsonPath").GetString());
        Assert.Equal(string.Empty, finding.GetProperty("dataset").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));

        Assert.Contains(missing, inputs[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_describes_version_kind_levels_and_codecs()
    {
        var (exit, output, _) = await Run("zarr", "info", Cells);

        Assert.Equal(0, exit);
        Assert.Contains("version  OME-Zarr 0.5 on Zarr v3", output, StringComparison.Ordinal);
        Assert.Contains("layout   image", output, StringComparison.Ordinal);
        Assert.Contains("image (root) 'cells': axes c, y, x; 2 levels", output, StringComparison.Ordinal);
        Assert.Contains("0: 2×64×64 uint16, chunks 1×32×32, keys default \"/\", codecs bytes(endian=little) → gzip(level=6)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_json_lists_plates_images_and_levels()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path, zarrFormat: 3).Plate(string.Empty, ["A", "B"], ["1", "2", "3"], fields: 2);

        var (exit, output, _) = await Run("zarr", "info", "--json", temp.Path);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output);
        var dataset = Assert.Single(document.RootElement.GetProperty("datasets").EnumerateArray());
        Assert.Equal("plate", dataset.GetProperty("kind").GetString());
        var plate = Assert.Single(dataset.GetProperty("plates").EnumerateArray());
        Assert.Equal(2, plate.GetProperty("rows").GetInt32());
        Assert.Equal(3, plate.GetProperty("columns").GetInt32());
        Assert.Equal(6, plate.GetProperty("wells").GetInt32());
        var images = dataset.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(12, images.Count);
        Assert.Equal("A/1/0", images[0].GetProperty("path").GetString());
        var level = Assert.Single(images[0].GetProperty("levels").EnumerateArray());
        Assert.Equal([16L, 16L], level.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("uint8", level.GetProperty("dataType").GetString());
    }

    [Fact]
    public async Task Info_on_an_invalid_dataset_says_it_is_invalid()
    {
        var folder = Example("invalid", "image-04.zarr");

        var (exit, output, _) = await Run("zarr", "info", folder);
        var (_, json, _) = await Run("zarr", "info", "--json", folder);

        Assert.Equal(0, exit);
        var verdict = Assert.Single(output.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("  invalid (", StringComparison.Ordinal));
        Assert.StartsWith("  invalid (1 error, ", verdict, StringComparison.Ordinal);
        Assert.EndsWith("; run 'accession zarr validate' to see what to fix)", verdict, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(1, document.RootElement.GetProperty("counts").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Info_on_a_valid_dataset_says_it_is_valid()
    {
        var (_, output, _) = await Run("zarr", "info", Cells);
        var (_, json, _) = await Run("zarr", "info", "--json", Cells);

        Assert.Contains("\n  valid (0 errors, 0 warnings)\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_repeated_warning_is_one_line_with_its_count_and_json_keeps_every_finding()
    {
        var folder = Example("valid", "plate-01.zarr");

        var (_, output, _) = await Run("zarr", "validate", folder);
        var (_, json, _) = await Run("zarr", "validate", "--json", folder);

        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var line = Assert.Single(lines, l => l.Contains("well-image-acquisition-unknown", StringComparison.Ordinal));
        Assert.StartsWith("      warning well-image-acquisition-unknown ×4 in 4 files; first A/1/.zattrs $.well.images[0].acquisition: acquisition 1 is not defined", line, StringComparison.Ordinal);
        Assert.Contains("    repeated warnings", lines);
        Assert.Contains(lines, l => l.StartsWith("      error   plate-well-path-mismatch", StringComparison.Ordinal));

        using var document = JsonDocument.Parse(json);
        var input = Assert.Single(document.RootElement.GetProperty("inputs").EnumerateArray());
        Assert.Equal(4, input.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("ruleId").GetString() == "well-image-acquisition-unknown"));
        var rule = Assert.Single(input.GetProperty("rules").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "well-image-acquisition-unknown");
        Assert.Equal(("warning", 4), (rule.GetProperty("severity").GetString(), rule.GetProperty("count").GetInt32()));
        Assert.Equal(input.GetProperty("findings").GetArrayLength(), input.GetProperty("rules").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Info_without_a_dataset_exits_1_and_on_a_missing_path_2()
    {
        using var temp = new TempFolder();

        Assert.Equal(1, (await Run("zarr", "info", temp.Path)).Exit);
        Assert.Equal(2, (await Run("zarr", "info", Path.Combine(temp.Path, "missing"))).Exit);
    }

    [Fact]
    public async Task Info_json_on_an_unreadable_input_still_prints_its_document()
    {
        using var temp = new TempFolder();
        var notAnArchive = Path.Combine(temp.Path, "notes.zip");
        await File.WriteAllTextAsync(notAnArchive, "not a zip at all");

        var (exit, output, error) = await Run("zarr", "info", "--json", notAnArchive);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"accession zarr info: {notAnArchive}: ", line, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(notAnArchive, document.RootElement.GetProperty("path").GetString());
        Assert.Equal(line["accession zarr info: ".Length..], document.RootElement.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("datasets").ValueKind);
    }

    [Fact]
    public async Task Missing_values_are_null_in_json_not_left_out()
    {
        var missing = Path.Combine(Path.GetTempPath(), "accession-missing-" + Guid.NewGuid().ToString("N"));

        var (_, info, _) = await Run("zarr", "info", "--json", Cells);
        var (_, report, _) = await Run("zarr", "validate", "--json", Cells, missing);

        using var infoDocument = JsonDocument.Parse(info);
        Assert.Equal(JsonValueKind.Null, infoDocument.RootElement.GetProperty("error").ValueKind);
        var level = infoDocument.RootElement.GetProperty("datasets")[0].GetProperty("images")[0].GetProperty("levels")[0];
        Assert.Equal(JsonValueKind.Null, level.GetProperty("innerChunks").ValueKind);
        using var reportDocument = JsonDocument.Parse(report);
        var inputs = reportDocument.RootElement.GetProperty("inputs");
        Assert.Equal(JsonValueKind.Null, inputs[0].GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, inputs[1].GetProperty("findings").ValueKind);
        Assert.Equal(JsonValueKind.Null, inputs[1].GetProperty("counts").ValueKind);
    }
}
