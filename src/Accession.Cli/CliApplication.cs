using System.CommandLine;

namespace Accession.Cli;

/// <summary>Runs a parsed command line and maps usage errors to <see cref="ExitCodes.CannotRun"/>.</summary>
public static class CliApplication
{
    /// <summary>The name users type, whatever the host process is called.</summary>
    public const string ProgramName = "accession";

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // A usage error is one line naming the problem, not the whole help text.
            var names = new List<string>();
            for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }

            names[0] = ProgramName;
            var command = string.Join(' ', names);
            var messages = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            (error ?? Console.Error).WriteLine($"{command}: {messages} Try '{command} --help'.");
            return ExitCodes.CannotRun;
        }

        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
