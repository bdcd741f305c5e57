using System.Runtime.Versioning;
using Accession.Launcher;
using Accession.TestKit;

namespace Accession.Cli.Tests.Startup;

/// <summary>
/// The native form's launcher (<c>ACCESSION_TEST_LAUNCHER</c> names a published one; deploy/native.sh):
/// copied into a folder beside stand-in builds, scripts that record the command line they were given
/// and print their level, it must start the best one the machine (or <c>ACCESSION_X86_LEVEL</c>) allows.
/// </summary>
[SupportedOSPlatform("linux")]
[Trait("Category", "Launcher")]
public class LauncherTests
{
    // The launcher reads this variable only; the builds it starts get it unchanged like all others.
    private const string LevelVariable = "ACCESSION_X86_LEVEL";

    // The launcher's exit code when it cannot run (docs/cli.md).
    private const int CouldNotRun = 2;

    private static string Launcher()
    {
        var launcher = Environment.GetEnvironmentVariable("ACCESSION_TEST_LAUNCHER");
        Assert.SkipWhen(string.IsNullOrEmpty(launcher), "ACCESSION_TEST_LAUNCHER names no published launcher (deploy/native.sh builds one).");
        return launcher!;
    }

    private static string Install(TempFolder folder, params int[] levels)
    {
        var launcher = folder.File("accession");
        File.Copy(Launcher(), launcher);
        foreach (var level in levels)
        {
            var build = folder.File($"accession.x86-64-v{level}");
            File.WriteAllText(build, $"#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$(dirname \"$0\")/args\"\necho v{level} \"$PROBE\"\n");
            File.SetUnixFileMode(build, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return launcher;
    }

    private static Task<(int ExitCode, string Output, string Error)> Run(string launcher, string arguments, string? level = null) =>
        CliProcess.RunShellAsync(
            "'" + launcher + "' " + arguments,
            environment: new Dictionary<string, string?> { ["PROBE"] = "unchanged", [LevelVariable] = level });

    [Fact]
    public async Task Starts_the_build_for_the_machines_level_with_the_command_line_byte_for_byte()
    {
        using var folder = new TempFolder();
        var launcher = Install(folder, X86Level.V2, X86Level.V3, X86Level.V4);

        var (exitCode, output, _) = await Run(launcher, "iscc 'a b' \"$(printf 'caf\\351')\" ''");

        Assert.Equal(0, exitCode);
        Assert.Equal($"v{X86Level.Machine()} unchanged\n", output);
        byte[] expected = [.. "iscc\0a b\0caf"u8, 0xE9, 0, 0];
        Assert.Equal(expected, File.ReadAllBytes(folder.File("args")));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public async Task The_level_variable_caps_the_build_it_starts(string level)
    {
        using var folder = new TempFolder();
        var launcher = Install(folder, X86Level.V2, X86Level.V3, X86Level.V4);

        var (exitCode, output, _) = await Run(launcher, "--version", level);

        Assert.Equal(0, exitCode);
        Assert.Equal($"v{Math.Min(X86Level.Machine(), int.Parse(level, System.Globalization.CultureInfo.InvariantCulture))} unchanged\n", output);
    }

    [Fact]
    public async Task A_missing_build_is_passed_over_for_a_lower_one()
    {
        using var folder = new TempFolder();
        var launcher = Install(folder, X86Level.V2);

        var (exitCode, output, _) = await Run(launcher, "--version");

        Assert.Equal(0, exitCode);
        Assert.Equal("v2 unchanged\n", output);
    }

    [Fact]
    public async Task Without_any_build_it_names_the_baseline_and_exits_2()
    {
        using var folder = new TempFolder();
        var launcher = Install(folder);

        var (exitCode, output, error) = await Run(launcher, "--version");

        Assert.Equal(CouldNotRun, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(folder.File("accession.x86-64-v2"), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_variable_that_is_no_level_is_refused_with_exit_2()
    {
        using var folder = new TempFolder();
        var launcher = Install(folder, X86Level.V2);

        var (exitCode, output, error) = await Run(launcher, "--version", "5");

        Assert.Equal(CouldNotRun, exitCode);
        Assert.Empty(output);
        Assert.Contains(LevelVariable, error, StringComparison.Ordinal);
    }
}
