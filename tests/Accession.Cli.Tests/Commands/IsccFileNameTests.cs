using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>Names with newlines and backslashes are escaped like coreutils and read back by <c>--check</c>.</summary>
[Trait("Category", "Process")]
public class IsccFileNameTests
{
    private static async Task<(TempFolder Folder, string File, byte[] Content)> OddlyNamedAsync()
    {
        var folder = new TempFolder();
        var file = folder.File("two\nlines\\and slash.bin");
        var content = RandomNumberGenerator.GetBytes(1500);
        await File.WriteAllBytesAsync(file, content);
        return (folder, file, content);
    }

    private static string Escaped(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    [Fact]
    public async Task A_newline_or_backslash_in_a_name_is_escaped_and_checked_back()
    {
        var (folder, file, content) = await OddlyNamedAsync();
        using var _ = folder;

        var made = await CliRunner.RunAsync("iscc", file);
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, made.Output);
        var check = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal([$"\\{IsccSum.Hash(content).ToIscc(IsccSumWidth.Wide)} *{Escaped(file)}"], made.Lines);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"\\{Escaped(file)}: OK"], check.Lines);
        Assert.Empty(check.Error);
    }

    [Fact]
    public async Task Tagged_lines_are_escaped_and_checked_back()
    {
        var (folder, file, content) = await OddlyNamedAsync();
        using var _ = folder;

        var made = await CliRunner.RunAsync("iscc", "--tag", "--narrow", file);
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, made.Output);
        var check = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal([$"\\ISCC-SUM ({Escaped(file)}) = {IsccSum.Hash(content).ToIscc(IsccSumWidth.Narrow)}"], made.Lines);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"\\{Escaped(file)}: OK"], check.Lines);
    }

    [Fact]
    public async Task Zero_terminated_lines_keep_the_name_as_it_is_and_check_back()
    {
        var (folder, file, content) = await OddlyNamedAsync();
        using var _ = folder;

        var made = await CliRunner.RunAsync("iscc", "-z", file);
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, made.Output);
        var check = await CliRunner.RunAsync("iscc", "-c", "-z", "--strict", sums);

        Assert.Equal($"{IsccSum.Hash(content).ToIscc(IsccSumWidth.Wide)} *{file}\0", made.Output);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal($"{file}: OK\n", check.Output);
    }

    [Fact]
    public async Task Units_output_passes_its_own_strict_check()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.bin");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(900));
        var sums = folder.File("sums.txt");
        Assert.Equal(0, (await CliRunner.RunAsync("iscc", "--units", "-o", sums, file)).ExitCode);

        var check = await CliRunner.RunAsync("iscc", "-c", "--strict", "-w", sums);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"{file}: OK"], check.Lines);
        Assert.Empty(check.Error);
    }

    public static TheoryData<string> MalformedCodes()
    {
        var wide = IsccSum.Hash([1, 2, 3]).ToIscc(IsccSumWidth.Wide);
        var narrow = IsccSum.Hash([1, 2, 3]).ToIscc(IsccSumWidth.Narrow);
        var dataUnit = IsccSum.Hash([1, 2, 3]).Units[0];
        return new TheoryData<string>
        {
            wide[..^4], // truncated
            narrow[..^1] + "1", // '1' is not base32
            dataUnit, // a unit, not an ISCC-SUM
            "ISCC:KAD2XGH4AUDGVPKQFHYMQX3EMHULA", // header expects 40 bytes, has 16 (shared/specs/iscc-sum.md §3.4)
            narrow + "AAAA", // longer than its header says
        };
    }

    [Theory]
    [MemberData(nameof(MalformedCodes))]
    public async Task A_malformed_code_is_an_improperly_formatted_line_not_a_failed_file(string code)
    {
        using var folder = new TempFolder();
        var file = folder.File("a.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        var sums = folder.File("sums.txt");
        await File.WriteAllTextAsync(sums, $"{IsccSum.Hash([1, 2, 3]).ToIscc(IsccSumWidth.Wide)} *{file}\n{code} *{file}\n");

        var check = await CliRunner.RunAsync("iscc", "-c", sums);
        var strict = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"{file}: OK"], check.Lines);
        Assert.Equal(["accession iscc: WARNING: 1 line is improperly formatted"], check.ErrorLines);
        Assert.Equal(2, strict.ExitCode);
    }

    [Fact]
    public async Task Warnings_use_the_right_plural()
    {
        using var folder = new TempFolder();
        var sums = folder.File("sums.txt");
        var code = IsccSum.Hash([1]).ToIscc(IsccSumWidth.Wide);
        await File.WriteAllTextAsync(sums, $"{code} *{folder.File("gone1")}\n{code} *{folder.File("gone2")}\nbad\nworse\n");

        var check = await CliRunner.RunAsync("iscc", "-c", "--status", sums);
        var talk = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("accession iscc: WARNING: 2 lines are improperly formatted", talk.ErrorLines);
        Assert.Contains("accession iscc: WARNING: 2 listed files could not be read", talk.ErrorLines);
    }

    [Fact]
    public async Task A_name_that_is_not_utf8_is_hashed_shown_escaped_and_checked_back()
    {
        // Latin-1 "café": the shell passes the byte 0xE9 on as it is, which .NET alone would lose.
        using var folder = new TempFolder();
        var name = "\"$(printf 'caf\\351')\"";
        var script = $"cd '{folder.Path}' && printf 'latin' > {name} && {CliProcess.ShellCommand("iscc")} {name} > sums.txt && cat sums.txt && {CliProcess.ShellCommand("iscc", "-c", "sums.txt")}";

        var (exitCode, output, error) = await CliProcess.RunShellAsync(script);

        Assert.Equal(0, exitCode);
        Assert.Equal($"\\{IsccSum.Hash("latin"u8).ToIscc(IsccSumWidth.Wide)} *caf\\xE9\n\\caf\\xE9: OK\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task A_missing_name_that_is_not_utf8_is_named_escaped()
    {
        using var folder = new TempFolder();

        var (exitCode, _, error) = await CliProcess.RunShellAsync($"cd '{folder.Path}' && {CliProcess.ShellCommand("iscc")} \"$(printf 'caf\\351')\"");

        Assert.Equal(2, exitCode);
        Assert.Equal("accession iscc: caf\\xE9: No such file or directory\n", error);
    }

    [Fact]
    public async Task A_missing_name_with_a_newline_is_named_on_one_line()
    {
        using var folder = new TempFolder();
        var missing = Path.Join(folder.Path, "two\nlines\t.bin");

        var result = await CliRunner.RunAsync("iscc", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"accession iscc: {folder.Path}/two\\nlines\\x09.bin: No such file or directory"], result.ErrorLines);
    }
}
