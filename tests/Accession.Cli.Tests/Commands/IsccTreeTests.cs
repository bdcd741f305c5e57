using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccTreeTests
{
    [Fact]
    public async Task Tree_hashes_all_files_concatenated_in_treewalk_order()
    {
        using var folder = new TempFolder();
        var files = new Dictionary<string, byte[]>
        {
            ["b.bin"] = RandomNumberGenerator.GetBytes(3000),
            ["a.bin"] = RandomNumberGenerator.GetBytes(1_500_000),
            [".isccignore"] = "*.skip\n"u8.ToArray(),
            ["sub/c.bin"] = RandomNumberGenerator.GetBytes(10),
            ["x.skip"] = RandomNumberGenerator.GetBytes(10),
        };
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(folder.File(name), bytes);
        }

        byte[] concatenated = [.. files[".isccignore"], .. files["a.bin"], .. files["b.bin"], .. files["sub/c.bin"]];
        var expected = IsccSum.Hash(concatenated);

        var result = await CliRunner.RunAsync("iscc", "--tree", "--units", folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"{expected.ToIscc(IsccSumWidth.Wide)} *{folder.Path}/", .. expected.Units.Select(unit => "  " + unit)],
            result.Lines);
    }

    [Fact]
    public async Task Walk_lists_the_order_tree_hashes()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("z/1.txt"), "1");
        await File.WriteAllTextAsync(folder.File("y.txt"), "y");
        await File.WriteAllTextAsync(folder.File(".gitignore"), "g");

        var result = await CliRunner.RunAsync("iscc", "--walk", folder.Path);

        Assert.Equal([".gitignore", "y.txt", "z/1.txt"], result.Lines);
    }

    [Fact]
    public async Task Walk_prints_the_files_it_can_and_reports_a_bad_ignore_file_in_its_place()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");
        await File.WriteAllTextAsync(folder.File("sub/.isccignore"), "dangling\\\n");
        await File.WriteAllTextAsync(folder.File("sub/b.txt"), "b");
        await File.WriteAllTextAsync(folder.File("z/c.txt"), "c");

        var result = await CliRunner.RunAsync("iscc", "--walk", folder.Path);

        // The folder is listed as it is walked, so the lines before the error are already out.
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["a.txt", "sub/.isccignore", "sub/b.txt", "z/c.txt"], result.Lines);
        Assert.StartsWith($"accession iscc: {folder.Path}/sub/.isccignore: line 1: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_gives_no_checksum_when_an_ignore_file_is_bad()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");
        await File.WriteAllTextAsync(folder.File("sub/.isccignore"), "dangling\\\n");
        await File.WriteAllTextAsync(folder.File("z/c.txt"), "c");

        var result = await CliRunner.RunAsync("iscc", "--tree", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith($"accession iscc: {folder.Path}/sub/.isccignore: line 1: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walk_of_a_folder_without_files_says_so()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        var result = await CliRunner.RunAsync("iscc", "--walk", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal([$"accession iscc: {folder.Path}: no files found"], result.ErrorLines);
    }

    [Fact]
    public async Task Tree_needs_a_folder_with_files()
    {
        using var folder = new TempFolder();
        var file = folder.File("file.txt");
        await File.WriteAllTextAsync(file, "x");
        var empty = Path.Combine(folder.Path, "empty");
        Directory.CreateDirectory(empty);

        var onFile = await CliRunner.RunAsync("iscc", "-t", file);
        var onEmpty = await CliRunner.RunAsync("iscc", "-t", empty);
        var onMissing = await CliRunner.RunAsync("iscc", "-t", Path.Combine(folder.Path, "nope"));

        Assert.Equal(2, onFile.ExitCode);
        Assert.Equal([$"accession iscc: --tree requires a directory, not a file: '{file}'"], onFile.ErrorLines);
        Assert.Equal(2, onEmpty.ExitCode);
        Assert.Equal([$"accession iscc: {empty}: no files found"], onEmpty.ErrorLines);
        Assert.Equal(2, onMissing.ExitCode);
        Assert.Empty(onMissing.Output);
    }

    [Fact]
    public async Task Tree_output_names_the_folder_with_one_trailing_slash_in_both_forms()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");

        var plain = await CliRunner.RunAsync("iscc", "-t", folder.Path + "//");
        var tagged = await CliRunner.RunAsync("iscc", "-t", "--tag", "--narrow", folder.Path);

        Assert.EndsWith($" *{folder.Path}/", Assert.Single(plain.Lines), StringComparison.Ordinal);
        Assert.StartsWith($"ISCC-SUM ({folder.Path}/) = ISCC:KUA", Assert.Single(tagged.Lines), StringComparison.Ordinal);
    }
}
