using System.CommandLine;
using Accession.Cli.Commands.Explain;
using Accession.Cli.Commands.Iscc;
using Accession.Cli.Commands.Omero;
using Accession.Cli.Commands.Pennsieve;
using Accession.Cli.Commands.Zarr;

namespace Accession.Cli;

/// <summary>
/// The <c>accession</c> root command and its subcommands. A command line whose first word names a
/// subcommand builds that subcommand alone: building the options of every command costs start-up time
/// (docs/performance.md) and the parse of such a line cannot reach the others. Any other line (help,
/// <c>--version</c>, a mistyped name) builds them all, so help and suggestions list every command.
/// Stateless; each call builds new commands.
/// </summary>
internal static class RootCommands
{
    private const string Description =
        "Accession: ISCC-SUM identifiers, OME-Zarr validation and the Pennsieve OME-Zarr importer for bioimaging data.\n" + ExitCodes.HelpText;

    /// <summary>Each subcommand's name, as it is typed, and how to build it.</summary>
    private static readonly (string Name, Func<Command> Create)[] Subcommands =
    [
        ("iscc", static () => IsccCommand.Create()),
        ("explain", ExplainCommand.Create),
        ("zarr", static () => new ZarrCommand()),
        ("pennsieve-import", static () => new PennsieveImportCommand()),
        ("omero-iscc", static () => OmeroIsccCommand.Create()),
    ];

    /// <summary>The root command for <paramref name="args"/>.</summary>
    public static RootCommand Create(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand(Description);
        foreach (var (name, create) in Subcommands)
        {
            if (args.Count > 0 && args[0] == name)
            {
                root.Subcommands.Add(create());
                return root;
            }
        }

        foreach (var (_, create) in Subcommands)
        {
            root.Subcommands.Add(create());
        }

        return root;
    }
}
