using System.Diagnostics;
using Accession.TestKit;

namespace Accession.Cli.Tests;

/// <summary>Starts the built <c>accession</c> executable with redirected streams (signals: <see cref="AccessionProgram.SignalAsync"/>).</summary>
internal static class CliProcess
{
    /// <summary>How long a condition may take on a loaded machine before a test gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Starts the program (<see cref="AccessionProgram"/>) with every standard stream redirected.</summary>
    /// <param name="args">The command line after the program name.</param>
    /// <param name="workingDirectory">The working directory; the test's when null.</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of the test's environment.</param>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        AccessionProgram.Start(Quiet(args), workingDirectory, environment);

    /// <summary>Runs the program to its end with <paramref name="stdin"/> (or nothing) as standard input and returns what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IEnumerable<string> args, byte[]? stdin = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, environment: environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The command line of the built executable for a shell, each word quoted.</summary>
    public static string ShellCommand(params string[] args) =>
        string.Join(' ', AccessionProgram.CommandWords()
            .Concat(Quiet(args))
            .Select(word => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    // On a loaded machine a run can outlast the progress log interval; its log lines would then mix
    // into the stderr the tests compare, so iscc runs show no progress (IsccProgressTests covers it).
    private static List<string> Quiet(IEnumerable<string> args)
    {
        var list = args.ToList();
        return list.Count > 0 && list[0] == "iscc" ? ["iscc", "--no-progress", .. list.Skip(1)] : list;
    }

    /// <summary>Runs <c>sh -c</c> and returns what it printed (for redirections such as <c>&gt; /dev/full</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunShellAsync(
        string script, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = AccessionProgram.RedirectedStartInfo("sh", workingDirectory, environment);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }
}
