using System.Diagnostics;
using Xunit;

namespace Accession.TestKit;

/// <summary>
/// Starts the <c>accession</c> program as a child process for the tests of any project that references
/// the CLI: the built <c>accession.dll</c> under the test's host, or the published executable that
/// <c>ACCESSION_TEST_EXECUTABLE</c> names (such as the native form's launcher). Stateless and thread-safe.
/// </summary>
public static class AccessionProgram
{
    /// <summary>The trait value (<c>Category=Process</c>) every test that starts the program must carry.</summary>
    public const string ProcessCategory = "Process";

    /// <summary>
    /// Starts the program with <paramref name="args"/> and every standard stream redirected.
    /// </summary>
    /// <param name="args">The command line after the program name.</param>
    /// <param name="workingDirectory">The working directory; the test's when null.</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of the test's environment.</param>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var program = CommandWords();
        var info = RedirectedStartInfo(program[0], workingDirectory, environment);
        info.RedirectStandardInput = true;
        foreach (var arg in program.Skip(1).Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    /// <summary>
    /// The words that start the program: <c>dotnet accession.dll</c> from the test's output folder, or
    /// the executable <c>ACCESSION_TEST_EXECUTABLE</c> names.
    /// </summary>
    public static string[] CommandWords()
    {
        RequireProcessTrait();
        return Environment.GetEnvironmentVariable("ACCESSION_TEST_EXECUTABLE") is { Length: > 0 } executable
            ? [executable]
            : [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "accession.dll")];
    }

    /// <summary>Why a test that sends a signal <see cref="IsIgnored"/> in this process is skipped.</summary>
    public const string IgnoredSignalReason = "the signal is ignored in this process, so its children inherit that and cannot be stopped by it (started in the background?)";

    /// <summary>
    /// Whether <paramref name="signal"/> (<c>INT</c>, <c>TERM</c>) is ignored in this process: a child
    /// inherits an ignored signal, so it cannot be stopped by one (a shell starts its background jobs
    /// with SIGINT ignored, and the tests' processes then inherit that).
    /// </summary>
    public static bool IsIgnored(string signal)
    {
        var number = signal switch
        {
            "INT" => 2,
            "TERM" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT or TERM"),
        };
        const string Status = "/proc/self/status";
        var ignored = File.Exists(Status)
            ? File.ReadLines(Status).FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        var mask = ignored is null ? 0UL : Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (number - 1))) != 0;
    }

    /// <summary>
    /// Sends SIGINT or SIGTERM (<c>INT</c>, <c>TERM</c>) to the process, or to its whole process group
    /// as Ctrl+C does, and returns once it is delivered.
    /// </summary>
    /// <exception cref="InvalidOperationException">kill(1) could not deliver it.</exception>
    public static async Task SignalAsync(Process process, string signal, bool wholeGroup = false)
    {
        ArgumentNullException.ThrowIfNull(process);
        var id = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", wholeGroup ? ["-" + signal, "--", "-" + id] : ["-" + signal, id]);
        await kill.WaitForExitAsync().ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {id} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>A start of <paramref name="fileName"/> with standard output and error redirected.</summary>
    /// <param name="fileName">The program to start.</param>
    /// <param name="workingDirectory">The working directory; the test's when null.</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of the test's environment.</param>
    public static ProcessStartInfo RedirectedStartInfo(string fileName, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>
    /// CI runs the tests that start the program again against the native form, choosing them by the
    /// trait <c>Category=Process</c> (.ci/run); a test without it would silently miss that run.
    /// </summary>
    private static void RequireProcessTrait()
    {
        if (TestContext.Current.Test is { } test
            && !(test.Traits.TryGetValue("Category", out var categories) && categories.Contains(ProcessCategory)))
        {
            throw new InvalidOperationException(
                $"{test.TestDisplayName} starts the accession process: give its class [Trait(\"Category\", \"{ProcessCategory}\")] so CI also runs it against the native form.");
        }
    }
}
