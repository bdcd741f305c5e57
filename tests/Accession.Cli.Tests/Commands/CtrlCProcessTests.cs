using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// Runs after the parallel tests, alone: Ctrl+C ends the producer and this process at once, and the
/// cut input's result must not be printed. The program waits after the end of standard input until the
/// signal has reached its handler (<c>InterruptibleInput</c>, <c>SignalsInFlight</c>), which
/// the runtime's threads may be slow to do; the second test makes them slow on purpose.
/// </summary>
[CollectionDefinition(nameof(CtrlCProcessTests), DisableParallelization = true)]
[Collection(nameof(CtrlCProcessTests))]
[Trait("Category", "Process")]
public class CtrlCProcessTests
{
    // The runtime's native handler passes a signal on by a write to a pipe; strace holds every write
    // of the program for 300 ms, that one too. A fixed wait after the end of the input lost this race
    // in most runs.
    private const string SlowSignalTracer = "strace -I4 -f -o /dev/null -e trace=write -e inject=write:delay_enter=300ms ";

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
        Assert.SkipWhen(AccessionProgram.IsIgnored("INT"), AccessionProgram.IgnoredSignalReason);
        Assert.SkipUnless(await CanTraceAsync(), "needs strace, allowed to trace its child");
        await AssertCtrlCGivesNoResultForTheCutInputAsync(SlowSignalTracer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ctrl_c_that_also_ends_the_producer_of_a_checksum_list_gives_no_verdict_on_the_cut_list(bool slowSignal)
    {
        // The cut list would be all OK: only the end of the input before the signal tells.
        Assert.SkipWhen(AccessionProgram.IsIgnored("INT"), AccessionProgram.IgnoredSignalReason);
        Assert.SkipWhen(slowSignal && !await CanTraceAsync(), "needs strace, allowed to trace its child");
        using var folder = new TempFolder();
        var first = folder.File("first.bin");
        await File.WriteAllBytesAsync(first, RandomNumberGenerator.GetBytes(1000));
        var (_, line, _) = await CliProcess.RunAsync(["iscc", first]);
        var script = $"trap 'true' INT; (printf '%s' '{line}'; exec sleep 60) | {(slowSignal ? SlowSignalTracer : null)}{CliProcess.ShellCommand("iscc", "--check", "-")}; echo \"exit $?\" >&2";
        using var group = StartGroup(script);
        var error = group.StandardError.ReadToEndAsync();
        var output = group.StandardOutput.ReadToEndAsync();

        // Once the program waits for the rest of the list, its handler is in place.
        await CliProcess.WaitUntilAsync(() => ProcessesInGroup(group.Id).Any(process => process.Name == "sleep"), "the producer runs sleep");
        await CliProcess.WaitUntilAsync(() => ProcessesInGroup(group.Id).Any(process => IsReadingStandardInput(process.Id)), "the program reads the list");
        await AccessionProgram.SignalAsync(group, "INT", wholeGroup: true);
        await group.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.Empty(await output.WaitAsync(CliProcess.Patience));
        Assert.Equal("accession iscc: interrupted\nexit 130\n", WithoutTracerNotes(await error));
    }

    private static async Task AssertCtrlCGivesNoResultForTheCutInputAsync(string? tracer)
    {
        using var folder = new TempFolder();
        var first = folder.File("first.bin");
        await File.WriteAllBytesAsync(first, RandomNumberGenerator.GetBytes(1000));
        var script = $"trap 'true' INT; (printf data; exec sleep 60) | {tracer}{CliProcess.ShellCommand("iscc", first, "-")}; echo \"exit $?\" >&2";
        using var group = StartGroup(script);
        var error = group.StandardError.ReadToEndAsync();
        var line = await group.StandardOutput.ReadLineAsync().WaitAsync(CliProcess.Patience);

        // Until the producer's shell has become `sleep`, it still has the script's trap, and a SIGINT
        // then would be caught there: `sleep` would live its minute and the pipeline with it.
        await CliProcess.WaitUntilAsync(() => ProcessesInGroup(group.Id).Any(process => process.Name == "sleep"), "the producer runs sleep");
        await AccessionProgram.SignalAsync(group, "INT", wholeGroup: true);
        var rest = await group.StandardOutput.ReadToEndAsync().WaitAsync(CliProcess.Patience);
        await group.WaitForExitAsync().WaitAsync(CliProcess.Patience);

        Assert.EndsWith($" *{first}", line, StringComparison.Ordinal);
        Assert.Empty(rest);
        Assert.Equal("accession iscc: interrupted\nexit 130\n", WithoutTracerNotes(await error));
    }

    /// <summary>Standard error without strace's own notes (such as a delayed wait it dispatched).</summary>
    private static string WithoutTracerNotes(string error) =>
        string.Join('\n', error.Split('\n').Where(line => !line.StartsWith("strace: ", StringComparison.Ordinal)));

    /// <summary>Runs <paramref name="script"/> with <c>sh</c> as the leader of a process group of its own.</summary>
    private static Process StartGroup(string script)
    {
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in new[] { "sh", "-c", script })
        {
            info.ArgumentList.Add(word);
        }

        return Process.Start(info)!;
    }

    /// <summary>The processes in process group <paramref name="group"/>, from /proc.</summary>
    private static List<(int Id, string Name)> ProcessesInGroup(int group)
    {
        var processes = new List<(int, string)>();
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
                processes.Add((int.Parse(Path.GetFileName(process), CultureInfo.InvariantCulture), stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..nameEnd]));
            }
        }

        return processes;
    }

    /// <summary>
    /// Whether a thread of process <paramref name="id"/> waits in a read of its standard input: the
    /// system call and its first argument, a file descriptor, in /proc/ID/task/TID/syscall (proc(5)),
    /// whose file is the one of descriptor 0 (.NET reads a duplicate of it). The runtime's own threads
    /// read pipes too, so a wait channel alone would not tell.
    /// </summary>
    private static bool IsReadingStandardInput(int id)
    {
        var read = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "63" : "0";
        try
        {
            var input = new FileInfo($"/proc/{id}/fd/0").LinkTarget;
            foreach (var thread in Directory.EnumerateDirectories($"/proc/{id}/task"))
            {
                var call = File.ReadAllText(Path.Combine(thread, "syscall")).Split(' ');
                if (call.Length > 1 && call[0] == read
                    && new FileInfo($"/proc/{id}/fd/{Convert.ToInt32(call[1], 16)}").LinkTarget == input)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It ended meanwhile.
        }

        return false;
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
