using System.CommandLine;
using System.CommandLine.Invocation;
using Accession.Cli.Terminal;

namespace Accession.Cli;

/// <summary>
/// Runs a command line with one voice for every command (shared/DESIGN.md): usage errors and unknown
/// options are one line and exit 2 with nothing run; <c>--version</c> works on every command; SIGINT and
/// SIGTERM cancel commands that stop cleanly; a failed write to stdout is one line and exit 2 (a closed
/// pipe ends quietly, as coreutils does), and so is a missing system library.
/// </summary>
public static class CliApplication
{
    /// <summary>The name users type, whatever the host process is called.</summary>
    public const string ProgramName = "accession";

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        output ??= StandardOutput.Writer;
        error ??= Console.Error;
        AddVersionOption(root);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // Signals are ours (TerminationSignal): a command stops between reads and exits 130/143.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        var parseResult = root.Parse(args);
        var command = CommandName(parseResult);
        if (UnknownOptions.Find(parseResult) is { } unknown)
        {
            error.WriteLine($"{command}: {unknown} Try '{command} --help'.");
            return ExitCodes.CannotRun;
        }

        if (parseResult.Errors.Count > 0)
        {
            // A usage error is one line naming the problem, not the whole help text.
            var messages = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            error.WriteLine($"{command}: {messages} Try '{command} --help'.");
            return ExitCodes.CannotRun;
        }

        using var signal = TerminationSignal.Listen(() => parseResult.Action is AsynchronousCommandLineAction);
        try
        {
            var exitCode = await parseResult.InvokeAsync(configuration, signal.Token).ConfigureAwait(false);
            output.Flush();
            return exitCode;
        }
        catch (StandardOutputException e)
        {
            if (!e.IsBrokenPipe)
            {
                error.WriteLine($"{command}: standard output: write error: {e.Message.TrimEnd('.')}");
            }

            return ExitCodes.CannotRun;
        }
        catch (DllNotFoundException e)
        {
            // A system library the run needs is not installed (ICU for non-ASCII names in the native form).
            error.WriteLine($"{command}: {e.Message.Split('\n')[0].TrimEnd()}");
            return ExitCodes.CannotRun;
        }
    }

    /// <summary>The command as typed, e.g. <c>accession zarr validate</c>: how its error lines start.</summary>
    private static string CommandName(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        names[0] = ProgramName;
        return string.Join(' ', names);
    }

    private static void AddVersionOption(Command command)
    {
        if (!command.Options.OfType<VersionOption>().Any())
        {
            command.Options.Add(new VersionOption());
        }

        foreach (var subcommand in command.Subcommands)
        {
            AddVersionOption(subcommand);
        }
    }
}
