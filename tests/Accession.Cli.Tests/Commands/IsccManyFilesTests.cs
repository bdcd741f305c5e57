using System.CommandLine;
using System.Security.Cryptography;
using Accession.Cli.Commands.Iscc;
using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>Files are hashed side by side on every core; what is printed, and in which order, must not show it.</summary>
public class IsccManyFilesTests
{
    private const int Limit = 1 << 20; // the engine reads files below a MiB whole, on the calling thread

    [Theory]
    [InlineData("--no-mmap")]
    [InlineData("--narrow")]
    [InlineData("--units")]
    public async Task A_folder_of_mixed_sizes_prints_every_file_in_walk_order_as_the_library_hashes_it(string option)
    {
        using var folder = new TempFolder();
        var sizes = new[] { 0, 1, Limit - 1, Limit, Limit + 1, 3 << 20 };
        for (var i = 0; i < sizes.Length; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"sized/{i}.bin"), RandomNumberGenerator.GetBytes(sizes[i]));
        }

        // More small files than the run-ahead window, in several folders.
        for (var i = 0; i < 2 * OrderedHashing<HashInput, int>.Window + 7; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"small/{i % 3}/{i}.bin"), RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(2048, 8192)));
        }

        var result = await CliRunner.RunAsync("iscc", option, folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Equal(await ExpectedLinesAsync(folder.Path, option), result.Lines);
    }

    [Fact]
    public async Task The_output_file_holds_the_same_bytes_as_standard_output()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 300; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"data/{i % 5}/{i}.bin"), RandomNumberGenerator.GetBytes(i * 37));
        }

        var printed = await CliRunner.RunAsync("iscc", folder.File("data"));
        var written = await CliRunner.RunAsync("iscc", "-o", folder.File("sums.txt"), folder.File("data"));

        Assert.Equal(0, written.ExitCode);
        Assert.Equal(printed.Output, await File.ReadAllTextAsync(folder.File("sums.txt")));
    }

    [Fact]
    public async Task An_input_that_cannot_be_read_is_reported_in_its_place_among_the_results()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 40; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"a/{i}.bin"), RandomNumberGenerator.GetBytes(3000 + i));
            await File.WriteAllBytesAsync(folder.File($"b/{i}.bin"), RandomNumberGenerator.GetBytes(3000 + i));
        }

        var missing = folder.File("missing.bin");
        using var screen = new StringWriter();

        // stdout and stderr on one screen, as on a terminal.
        var root = new RootCommand("accession") { IsccCommand.Create(new CommandConsole(() => Stream.Null, ErrorIsTerminal: false)) };
        var exitCode = await CliApplication.RunAsync(root, ["iscc", "--no-progress", folder.File("a"), missing, folder.File("b")], screen, screen);

        Assert.Equal(ExitCodes.CannotRun, exitCode);
        string[] expected =
        [
            .. await ExpectedLinesAsync(folder.File("a"), "--no-mmap"),
            $"accession iscc: {missing}: No such file or directory",
            .. await ExpectedLinesAsync(folder.File("b"), "--no-mmap"),
        ];
        Assert.Equal(expected, screen.ToString().TrimEnd('\n').Split('\n'));
    }

    /// <summary>One line per file of the walk, each hashed by the library on its own.</summary>
    private static async Task<List<string>> ExpectedLinesAsync(string folder, string option)
    {
        var lines = new List<string>();
        foreach (var entry in TreeWalker.WalkFolder(folder))
        {
            var result = await IsccSum.HashFileAsync(entry.FullPath!);
            Assert.Equal(IsccSum.Hash(await File.ReadAllBytesAsync(entry.FullPath!)), result);
            var width = option == "--narrow" ? IsccSumWidth.Narrow : IsccSumWidth.Wide;
            lines.Add($"{result.ToIscc(width)} *{DisplayPath.Below(folder, entry.RelativePath)}");
            if (option == "--units")
            {
                lines.AddRange(result.Units.Select(unit => "  " + unit));
            }
        }

        return lines;
    }
}
