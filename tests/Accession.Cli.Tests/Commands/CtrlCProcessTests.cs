using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// Runs after the parallel tests, alone: Ctrl+C ends the producer and this process at once, and the
/// cut input's result must not be printed. The program waits after the end of standard input until the
/// signal has reached its handler (<c>CommandConsole.InputEndGrace</c>, <c>SignalsInFlight</c>), which
/// the runtime's threads may be slow to do; the second test makes them slow on purpose.
/// </summary>
[CollectionDefinition(nameof(CtrlCProcessTests), DisableParallelization = true)]
[Collection(nameof(CtrlCProcessTests))]
[Trait("Category", "Process")]
public class CtrlCProcessTests
{
    [Fact]
    public async Task Ctrl_c_that_also_ends_the_producer_gives_no_result_for_the_cut_input()
    {
        // What Ctrl+C does in a shell: SIGINT to the whole process group, producer included. The
        // producer dies, standard input ends, and the cut input must not get a result.
        Assert.SkipWhen(AccessionProgram.IsIgnored("INT"), AccessionProgram.IgnoredSignalReason);
        await AssertCtrlCGivesNoResultForTheCutInputAsync(tracer: null);
    }

    [Fact]
    public async Task Ctrl_c_gives_no_result_for_the_cut_input_however_long_the_signal_takes_to_reach_its_handler()
    {
        // The runtime's native handler passes the signal on by a write to a pipe; strace holds every
        // write of the program for 300 ms, that one too. A fixed wait after the end of the input lost
        // this race in most runs.
        Assert.SkipWhen(AccessionProgram.IsIgnored("INT"), AccessionProgram.IgnoredSignalReason);
        Assert.SkipUnless(await CanTraceAsync(), "needs strace, allowed to trace its child");
        await AssertCtrlCGivesNoResultForTheCutInputAsync("strace -I4 -f -o /dev/null -e trace=write -e inject=write:delay_enter=300ms ");
    }

    private static async Task AssertCtrlCGivesNoResultForTheCutInputAsync(string? tracer)
    {
        using var folder = new TempFolder();
        var first = folder.File("first.bin");
        await File.WriteAllBytesAsync(first, RandomNumberGenerator.GetBytes(1000));
        var script = $"trap 'true' INT; (printf data; exec sleep 60) | {tracer}{CliProcess.ShellCommand("iscc", first, "-")}; echo \"exit $?\" >&2";
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in new[] { "sh", "-c", script })
        {
            info.ArgumentList.Add(word);
        }

        using var group = Process.Start(info)!;
        var error = group.StandardError.ReadToEndAsync();
        var line = await group.StandardOutput.ReadLineAsync().WaitAsync(CliProcess.Patience);

        // Until the producer's shell has become `sleep`, it still has the script's trap, and a SIGINT
        // then would be caught there: `sleep` would live its minute and the pipeline with it.
        await CliProcess.WaitUntilAsync(() => ProcessNamesInGroup(group.Id).Contains("sleep"), "the producer runs sleep");
        await AccessionProgram.SignalAsync(group, "INT", wholeGroup: true);
        var rest = await group.StandardOutput.ReadToEndAsync().WaitAsync(CliProcess.Patience);
        await group.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.EndsWith($" *{first}", line, StringComparison.Ordinal);
        Assert.Empty(rest);
        Assert.Equal("accession iscc: interrupted\nexit 130\n", await error);
    }

    /// <summary>The names of the processes in process group <paramref name="group"/>, from /proc.</summary>
    private static List<string> ProcessNamesInGroup(int group)
    {
        var names = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(path => Path.GetFileName(path).All(char.IsAsciiDigit)))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(process, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // It ended meanwhile.
            }

            // "pid (name) state ppid pgrp ...": the name may hold spaces and parentheses (proc(5)).
            var nameEnd = stat.LastIndexOf(')');
            var fields = stat[(nameEnd + 2)..].Split(' ');
            if (int.Parse(fields[2], CultureInfo.InvariantCulture) == group)
            {
                names.Add(stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..nameEnd]);
            }
        }

        return names;
    }

    private static async Task<bool> CanTraceAsync()
    {
        try
        {
            using var strace = Process.Start(new ProcessStartInfo("strace", ["-o", "/dev/null", "true"]) { RedirectStandardError = true, UseShellExecute = false })!;
            await strace.StandardError.ReadToEndAsync();
            await strace.WaitForExitAsync().WaitAsync(CliProcess.Patience);
            return strace.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // Not installed.
        }
    }
}
