using System.CommandLine;

namespace Accession.Cli;

/// <summary>Runs a parsed command line and maps usage errors to <see cref="ExitCodes.CannotRun"/>.</summary>
public static class CliApplication
{
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
        var exitCode = await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.CannotRun : exitCode;
    }
}
