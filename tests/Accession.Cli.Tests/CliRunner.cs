using System.CommandLine;
using Accession.Cli.Commands.Explain;
using Accession.Cli.Commands.Iscc;
using Accession.Cli.Commands.Zarr;
using Accession.Cli.Terminal;

namespace Accession.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Stdout split into LF-terminated lines (the final empty piece dropped).</summary>
    public string[] Lines => Output.Length == 0 ? [] : Output.TrimEnd('\n').Split('\n');

    public string[] ErrorLines => Error.Length == 0 ? [] : Error.TrimEnd('\n').Split('\n');
}

/// <summary>Runs the accession command line in-process with captured stdout, stderr and a given stdin.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync([], args);

    public static async Task<CliResult> RunWithInputAsync(byte[] stdin, params string[] args)
    {
        var console = new CommandConsole(() => new MemoryStream(stdin, writable: false), ErrorIsTerminal: false);
        var root = new RootCommand("accession");
        root.Subcommands.Add(IsccCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(new ZarrCommand());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(root, args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
