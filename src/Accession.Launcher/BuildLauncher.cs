using System.Globalization;
using System.Runtime.InteropServices;

namespace Accession.Launcher;

/// <summary>
/// Replaces this process with the build of <c>accession</c> for the highest x86-64 level this
/// machine runs. Native AOT compiles every instruction-set check to a constant of its target
/// (docs/performance.md), so the native form ships one full build per level beside this launcher
/// (<c>accession.x86-64-v4</c>, <c>-v3</c>, <c>-v2</c>); the chosen one gets the command line byte
/// for byte and the environment unchanged. Stateless; call once.
/// </summary>
internal static partial class BuildLauncher
{
    /// <summary>
    /// Caps the level the launcher picks (2, 3 or 4), as if the machine ran no higher: a way to
    /// check the lower builds on a machine that runs a higher one.
    /// </summary>
    public const string LevelVariable = "ACCESSION_X86_LEVEL";

    /// <summary>The exit code when no build could be started (2: could not run).</summary>
    public const int CouldNotRun = 2;

    /// <summary>Execs the best build; returns <see cref="CouldNotRun"/> only when none could be started.</summary>
    public static int Run()
    {
        var level = X86Level.Machine();
        if (Environment.GetEnvironmentVariable(LevelVariable) is { } cap)
        {
            if (!int.TryParse(cap, NumberStyles.None, CultureInfo.InvariantCulture, out var capped)
                || capped is < X86Level.V2 or > X86Level.V4)
            {
                return Fail($"{LevelVariable}={cap} is not an x86-64 level; set it to 2, 3 or 4, or unset it");
            }

            level = Math.Min(level, capped);
        }

        if (Environment.ProcessPath is not { } self || Path.GetDirectoryName(self) is not { } folder)
        {
            return Fail("cannot find the folder of this executable; start accession from its install folder");
        }

        byte[] commandLine;
        try
        {
            // The words exactly as this process got them, names that are not UTF-8 included.
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read /proc/self/cmdline ({e.Message}); mount /proc");
        }

        var error = 0;
        var build = string.Empty;
        for (; level >= X86Level.V2; level--)
        {
            build = Path.Combine(folder, "accession.x86-64-v" + level.ToString(CultureInfo.InvariantCulture));
            error = Exec(build, commandLine);
        }

        return Fail($"cannot start {build} ({Marshal.GetPInvokeErrorMessage(error)}); "
            + "the native form needs its x86-64-v2 build beside accession: install the whole folder");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("accession: " + message);
        return CouldNotRun;
    }

    // Returns only when execv failed, with its errno.
    private static unsafe int Exec(string path, byte[] commandLine)
    {
        // argv: pointers to the NUL-terminated words of the command line, then a null pointer.
        var count = commandLine.AsSpan().Count((byte)0);
        var pathBytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var argv = new nint[count + 1];
        fixed (byte* words = commandLine)
        fixed (byte* file = pathBytes)
        fixed (nint* vector = argv)
        {
            for (int i = 0, start = 0; i < count; i++)
            {
                argv[i] = (nint)(words + start);
                start = Array.IndexOf(commandLine, (byte)0, start) + 1;
            }

            _ = ExecV(file, vector);
            return Marshal.GetLastPInvokeError();
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static unsafe partial int ExecV(byte* path, nint* argv);
}
