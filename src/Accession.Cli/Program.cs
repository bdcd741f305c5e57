using System.CommandLine;
using Accession.Cli;
using Accession.Cli.Terminal;

var root = new RootCommand(
    "Accession: ISCC-SUM identifiers, OME-Zarr validation and the Pennsieve OME-Zarr importer for bioimaging data.\n" + ExitCodes.HelpText);

root.Subcommands.Add(Accession.Cli.Commands.Iscc.IsccCommand.Create());
root.Subcommands.Add(Accession.Cli.Commands.Explain.ExplainCommand.Create());
root.Subcommands.Add(new Accession.Cli.Commands.Zarr.ZarrCommand());
root.Subcommands.Add(new Accession.Cli.Commands.Pennsieve.PennsieveImportCommand());
root.Subcommands.Add(Accession.Cli.Commands.Omero.OmeroIsccCommand.Create());

return await CliApplication.RunAsync(root, RawArguments.Recover(args)).ConfigureAwait(false);
