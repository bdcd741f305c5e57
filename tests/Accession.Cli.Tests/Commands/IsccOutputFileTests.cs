using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccOutputFileTests
{
    [Fact]
    public async Task Output_goes_to_the_file_as_utf8_with_lf_and_no_temporary_file_stays()
    {
        using var folder = new TempFolder();
        var input = folder.File("données.txt");
        await File.WriteAllTextAsync(input, "content");
        var sums = folder.File("out/sums.txt");

        var result = await CliRunner.RunAsync("iscc", "-o", sums, input);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        var bytes = await File.ReadAllBytesAsync(sums);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.EndsWith($" *{input}\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal([sums], Directory.GetFiles(Path.GetDirectoryName(sums)!));
    }

    [Fact]
    public async Task A_failed_run_leaves_an_existing_output_file_untouched()
    {
        using var folder = new TempFolder();
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, "previous\n");

        var result = await CliRunner.RunAsync("iscc", "-o", sums, Path.Combine(folder.Path, "missing.bin"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("previous\n", await File.ReadAllTextAsync(sums));
        Assert.Equal([sums], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task The_output_file_inside_a_hashed_folder_is_not_hashed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, "old\n");

        var result = await CliRunner.RunAsync("iscc", "-o", sums, folder.Path);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(await File.ReadAllLinesAsync(sums));
        Assert.EndsWith("/a.txt", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_output_location_is_an_error()
    {
        using var folder = new TempFolder();
        var input = folder.File("a.txt");
        await File.WriteAllTextAsync(input, "a");
        var sums = Path.Combine(folder.Path, "no-such-folder", "sums.txt");

        var result = await CliRunner.RunAsync("iscc", "-o", sums, input);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"accession iscc: {sums}: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
