using System.CommandLine;

namespace Accession.Cli.Commands.Zarr;

/// <summary><c>accession zarr</c>: OME-Zarr validation and inspection.</summary>
internal sealed class ZarrCommand : Command
{
    public ZarrCommand()
        : base("zarr", "Validate and inspect OME-Zarr datasets in folders and archives (.zip .ozx .tar .tgz .tbz2 .txz).")
    {
        Add(new ZarrValidateCommand());
        Add(new ZarrInfoCommand());
    }
}
