using System.Diagnostics;
using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>Runs the built <c>accession</c> executable to check what only a real process shows: exit codes, pipes, signals.</summary>
[Trait("Category", "Process")]
public class IsccProcessTests
{
    private static Process Start(params string[] args) => CliProcess.Start(args);

    [Fact]
    public async Task Piped_standard_input_is_hashed()
    {
        var input = RandomNumberGenerator.GetBytes(3_000_000);

        var (exitCode, output, error) = await CliProcess.RunAsync(["iscc", "--narrow"], input);

        Assert.Equal(0, exitCode);
        Assert.Equal($"{IsccSum.Hash(input).ToIscc(IsccSumWidth.Narrow)} *-\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task A_missing_file_exits_with_2_and_one_error_line()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.bin");

        var (exitCode, output, error) = await CliProcess.RunAsync(["iscc", missing]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"accession iscc: {missing}: No such file or directory\n", error);
    }

    [Fact]
    public async Task A_failed_check_exits_with_1()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.txt");
        await File.WriteAllTextAsync(file, "original");
        var sums = folder.File("sums.txt");
        Assert.Equal(0, (await CliProcess.RunAsync(["iscc", "-o", sums, file])).ExitCode);
        await File.WriteAllTextAsync(file, "changed");

        var (exitCode, output, _) = await CliProcess.RunAsync(["iscc", "-c", sums]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{file}: FAILED\n", output);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_stops_cleanly_with_its_exit_code(string signal, int expectedExitCode)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no SIGINT/SIGTERM to send to a child process");
        Assert.SkipWhen(AccessionProgram.IsIgnored(signal), AccessionProgram.IgnoredSignalReason);

        using var process = Start("iscc");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        var chunk = new byte[1 << 20];
        var stdin = process.StandardInput.BaseStream;

        // Once 8 MiB went through the pipe the command is hashing, so its signal handling is in place.
        for (var i = 0; i < 8; i++)
        {
            await stdin.WriteAsync(chunk);
        }

        using var feeding = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            try
            {
                while (!feeding.IsCancellationRequested)
                {
                    await stdin.WriteAsync(chunk, feeding.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The process has gone or the test is done.
            }
        });

        await AccessionProgram.SignalAsync(process, signal);

        await process.WaitForExitAsync().WaitAsync(CliProcess.Patience);
        await feeding.CancelAsync();
        await feeder;

        // A clean stop says so.
        Assert.Equal(expectedExitCode, process.ExitCode);
        Assert.Equal("accession iscc: interrupted\n", await error);
        Assert.Empty(await output);
    }
}
