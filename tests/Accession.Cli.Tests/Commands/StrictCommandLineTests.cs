using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>Unknown options, <c>--</c>, <c>--version</c> and options that need <c>--check</c>, in every command.</summary>
[Trait("Category", "Process")]
public class StrictCommandLineTests
{
    [Fact]
    public async Task A_mistyped_option_is_refused_with_a_suggestion_and_nothing_is_hashed()
    {
        using var folder = new TempFolder();
        var file = folder.File("f.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        var result = await CliRunner.RunAsync("iscc", "--narow", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal(
            ["accession iscc: unknown option '--narow'; did you mean '--narrow'? Try 'accession iscc --help'."],
            result.ErrorLines);
    }

    [Theory]
    [InlineData("accession zarr validate", "zarr", "validate", "--deap", "x")]
    [InlineData("accession zarr info", "zarr", "info", "--jsn", "x")]
    [InlineData("accession explain", "explain", "--jsonn", "ISCC:KUAJT3PT7PO3RSCYK5JRHEQEAWCIY")]
    [InlineData("accession iscc", "iscc", "-c", "--stauts")]
    public async Task Every_command_refuses_unknown_options(string command, params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"{command}: unknown option '", line, StringComparison.Ordinal);
        Assert.Contains("did you mean '--", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_that_is_no_option_at_all_gets_no_suggestion()
    {
        var result = await CliRunner.RunAsync("iscc", "--completely-different");

        Assert.Equal(["accession iscc: unknown option '--completely-different'. Try 'accession iscc --help'."], result.ErrorLines);
    }

    [Fact]
    public async Task Double_dash_ends_the_options()
    {
        using var folder = new TempFolder();
        var file = folder.File("-n");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        // Run where the file is, so its name starts with a dash.
        using var process = CliProcess.Start(["iscc", "--", "-n"], folder.Path);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal($"{Accession.Iscc.IsccSum.Hash([1, 2, 3]).ToIscc(IsccSumWidth.Wide)} *-n\n", output);
    }

    [Theory]
    [InlineData("iscc")]
    [InlineData("explain")]
    [InlineData("zarr")]
    [InlineData("zarr", "validate")]
    [InlineData("zarr", "info")]
    public async Task Version_works_on_every_command(params string[] command)
    {
        var root = await CliRunner.RunAsync("--version");
        var result = await CliRunner.RunAsync([.. command, "--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(root.Output);
        Assert.Equal(root.Output, result.Output);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("-q", "-q/--quiet")]
    [InlineData("--quiet", "-q/--quiet")]
    [InlineData("--status", "--status")]
    [InlineData("-w", "-w/--warn")]
    [InlineData("--strict", "--strict")]
    public async Task Verification_options_need_check(string option, string named)
    {
        using var folder = new TempFolder();
        var file = folder.File("f.bin");
        await File.WriteAllBytesAsync(file, [1]);

        var result = await CliRunner.RunAsync("iscc", option, file);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal([$"accession iscc: the {named} option is meaningful only when verifying checksums (-c/--check)"], result.ErrorLines);
    }

    [Fact]
    public async Task A_bad_number_is_described_in_words()
    {
        var result = await CliRunner.RunAsync("iscc", "--similar", "--threshold", "5x", "a", "b");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["accession iscc: --threshold expects a whole number, not '5x'. Try 'accession iscc --help'."], result.ErrorLines);
    }
}
