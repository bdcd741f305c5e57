using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Accession.Cli.Startup;

/// <summary>
/// Hands the process to a build of <c>accession</c> compiled for a higher x86-64 level. Native AOT
/// compiles every AVX-512 check to a constant (docs/performance.md), so the native form ships the
/// baseline build as <c>accession</c> and builds for higher levels beside it
/// (<c>accession.x86-64-v3</c>, <c>accession.x86-64-v4</c>); the baseline replaces itself with the
/// best one this machine runs, same arguments and environment, before it does anything else.
/// Stateless; call once, first thing in <c>Main</c>.
/// </summary>
internal static partial class CpuVariant
{
    /// <summary>The suffix of the build for <paramref name="level"/> beside the baseline.</summary>
    public static string Suffix(int level) => ".x86-64-v" + level;

    /// <summary>
    /// Replaces the process with the best build beside this one, when there is one better than this
    /// build; returns when there is none, when this is not a native x64 Linux build, or when every
    /// exec failed, and the caller goes on with its own code.
    /// </summary>
    public static void ExecBest()
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return;
        }

        var compiled = X86Level.Compiled;
        var machine = X86Level.Machine();
        if (machine <= compiled || Environment.ProcessPath is not { } self)
        {
            return;
        }

        byte[] commandLine;
        try
        {
            // The words exactly as this process got them, names that are not UTF-8 included.
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        for (var level = machine; level > compiled; level--)
        {
            var variant = self + Suffix(level);
            if (File.Exists(variant))
            {
                Exec(variant, commandLine);
            }
        }
    }

    private static unsafe void Exec(string path, byte[] commandLine)
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

            // Returns only on failure; the process then goes on as the baseline build.
            _ = ExecV(file, vector);
        }
    }

    [LibraryImport("libc", EntryPoint = "execv")]
    private static unsafe partial int ExecV(byte* path, nint* argv);
}
