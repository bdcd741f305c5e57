using System.CommandLine;
using Accession.Cli;
using Accession.Cli.Commands.Iscc;

namespace Accession.Omero.Tests;

/// <summary>Runs <c>accession iscc</c> in-process: the independent oracle for the codes the service writes.</summary>
internal static class AccessionIscc
{
    /// <summary>The output lines of <c>accession iscc ARGS</c>; fails the test on a non-zero exit.</summary>
    public static async Task<string[]> RunAsync(params string[] args)
    {
        var root = new RootCommand("accession");
        root.Subcommands.Add(IsccCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(root, ["iscc", .. args], output, error);
        Assert.True(exitCode == 0, $"accession iscc {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.ToString().TrimEnd('\n').Split('\n');
    }

    /// <summary>The ISCC-SUM <c>accession iscc</c> prints for a file, or with <c>--tree</c> for a folder.</summary>
    public static async Task<string> CodeAsync(string path, bool tree = false)
    {
        var lines = await RunAsync(tree ? ["--tree", path] : [path]);
        return lines[0].Split(' ')[0];
    }
}
