using System.Diagnostics;
using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// Line-by-line output and clean stops as a pipe reader and a shell see them (issue: "as dependable as
/// coreutils"). These run the real process: buffering, blocked reads and signals exist only there.
/// </summary>
[Trait("Category", "Process")]
public class IsccStreamingProcessTests
{
    private static async Task<string> FileAsync(TempFolder folder, string name, byte[] content)
    {
        var path = folder.File(name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static async Task<string?> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(CliProcess.Patience);

    [Fact]
    public async Task A_pipe_reader_sees_the_first_line_before_the_second_input_is_read()
    {
        using var folder = new TempFolder();
        var first = await FileAsync(folder, "first.bin", RandomNumberGenerator.GetBytes(1000));
        using var process = CliProcess.Start(["iscc", "--narrow", first, "-"]);
        var error = process.StandardError.ReadToEndAsync();

        // Standard input stays open and silent: the line for the first file must already be out.
        var line = await ReadLineAsync(process);

        Assert.Equal($"{IsccSum.Hash(await File.ReadAllBytesAsync(first)).ToIscc(IsccSumWidth.Narrow)} *{first}", line);
        var second = RandomNumberGenerator.GetBytes(2000);
        await process.StandardInput.BaseStream.WriteAsync(second);
        process.StandardInput.Close();
        Assert.Equal($"{IsccSum.Hash(second).ToIscc(IsccSumWidth.Narrow)} *-", await ReadLineAsync(process));
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);
        Assert.Equal(0, process.ExitCode);
        Assert.Empty(await error);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_while_standard_input_is_silent_keeps_the_lines_done_and_says_so(string signal, int expectedExitCode)
    {
        Assert.SkipWhen(AccessionProgram.IsIgnored(signal), AccessionProgram.IgnoredSignalReason);
        using var folder = new TempFolder();
        var first = await FileAsync(folder, "first.bin", RandomNumberGenerator.GetBytes(1000));
        using var process = CliProcess.Start(["iscc", first, "-"]);
        var error = process.StandardError.ReadToEndAsync();
        var line = await ReadLineAsync(process);

        await AccessionProgram.SignalAsync(process, signal);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Equal(expectedExitCode, process.ExitCode);
        Assert.EndsWith($" *{first}", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
        Assert.Equal("accession iscc: interrupted\n", await error);
    }

    [Fact]
    public async Task A_signal_while_standard_input_is_silent_removes_the_temporary_output_file()
    {
        using var folder = new TempFolder();
        var sums = Path.Combine(folder.Path, "sums.txt");
        using var process = CliProcess.Start(["iscc", "-o", sums, "-"]);
        var error = process.StandardError.ReadToEndAsync();

        // The temporary file beside FILE exists from the start of the run.
        await CliProcess.WaitUntilAsync(() => Directory.GetFiles(folder.Path).Length > 0, "the temporary file exists");
        await AccessionProgram.SignalAsync(process, "TERM");
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Equal(143, process.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Equal($"accession iscc: interrupted; {sums} was not written\n", await error);
    }

    [Fact]
    public async Task A_closed_pipe_ends_the_run_quietly_with_exit_2()
    {
        using var process = CliProcess.Start(["iscc"]);
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.Close();

        await process.StandardInput.BaseStream.WriteAsync(RandomNumberGenerator.GetBytes(1000));
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Equal(2, process.ExitCode);
        Assert.Empty(await error);
    }

    public static TheoryData<string[], string> FullDiskCommands => new()
    {
        { ["--help"], "accession" },
        { ["--version"], "accession" },
        { ["iscc", "--help"], "accession iscc" },
        { ["zarr", "info", "--version"], "accession zarr info" },
        { ["explain", "ISCC:KUAJT3PT7PO3RSCYK5JRHEQEAWCIY"], "accession explain" },
        { ["zarr", "validate", Path.Combine(SharedData.RepositoryRoot, "samples", "cells.ome.zarr")], "accession zarr validate" },
        { ["zarr", "info", "--json", Path.Combine(SharedData.RepositoryRoot, "samples", "cells.ome.zarr")], "accession zarr info" },
    };

    [Theory]
    [MemberData(nameof(FullDiskCommands))]
    public async Task A_full_standard_output_is_one_line_and_exit_2(string[] args, string command)
    {
        var (exitCode, _, error) = await CliProcess.RunShellAsync(CliProcess.ShellCommand(args) + " < /dev/null > /dev/full");

        Assert.Equal(2, exitCode);
        Assert.Equal($"{command}: standard output: write error: No space left on device\n", error);
    }

    [Fact]
    public async Task A_failed_output_file_run_says_the_file_was_not_written()
    {
        using var folder = new TempFolder();
        var sums = Path.Combine(folder.Path, "sums.txt");
        var missing = Path.Combine(folder.Path, "missing.bin");
        var present = await FileAsync(folder, "present.bin", [1, 2, 3]);

        using var process = CliProcess.Start(["iscc", "-o", sums, present, missing]);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"accession iscc: {missing}: No such file or directory\naccession iscc: {sums} was not written\n", error);
        Assert.False(File.Exists(sums));
    }
}
