using System.CommandLine;
using Accession.Cli.Terminal;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary><c>accession zarr info PATH [--json]</c>.</summary>
internal sealed class ZarrInfoCommand : Command
{
    /// <summary>How error lines start.</summary>
    public const string Program = "accession zarr info";

    private readonly Argument<string> _path = new("PATH") { Description = "A folder or archive." };

    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON document to stdout." };

    public ZarrInfoCommand()
        : base("info", "Describe the OME-Zarr datasets of a folder or archive: version, layout, images, levels, chunking, codecs, files.\n"
            + "Exit codes: 0 a dataset was found; 1 no OME-Zarr dataset found; 2 the input could not be read or bad usage.")
    {
        Add(_path);
        Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var path = parse.GetValue(_path)!;
        var output = parse.InvocationConfiguration.Output;
        DiscoveryResult discovery;
        IReadOnlyList<DatasetSummary> summaries;
        ValidationReport report;
        try
        {
            using var reader = ZarrInputs.Open(path);
            discovery = DatasetDiscovery.Discover(reader);
            summaries = DatasetInspector.Summarize(discovery);
            report = OmeZarrValidator.Validate(reader, discovery);
        }
        catch (Exception ex) when (ZarrInputs.Describe(path, ex) is { } line)
        {
            new ErrorLineWriter(parse.InvocationConfiguration.Error, Program).Write(line);
            if (parse.GetValue(_json))
            {
                DatasetInfoJson.Write(output, path, null, [], null, line);
            }

            return ExitCodes.CannotRun;
        }

        if (parse.GetValue(_json))
        {
            DatasetInfoJson.Write(output, path, discovery, summaries, report);
        }
        else
        {
            DatasetInfoText.Write(ZarrConsole.Create(output), path, discovery, summaries, report);
        }

        return summaries.Count > 0 ? ExitCodes.Success : ExitCodes.Negative;
    }
}
