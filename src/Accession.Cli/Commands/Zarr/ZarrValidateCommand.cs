using System.CommandLine;
using Accession.Cli.Terminal;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary><c>accession zarr validate PATH... [--json] [--deep] [--strict]</c>.</summary>
internal sealed class ZarrValidateCommand : Command
{
    /// <summary>How error lines start.</summary>
    public const string Program = "accession zarr validate";

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Folders or archives to validate.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON document to stdout instead of the human report." };

    private readonly Option<bool> _deep = new("--deep") { Description = "Also check chunk files against each array's grid (from the file list; nothing is decompressed)." };

    private readonly Option<bool> _strict = new("--strict") { Description = "Treat warnings as failures." };

    public ZarrValidateCommand()
        : base("validate", "Check OME-Zarr datasets against the OME-NGFF, Zarr and RFC-9 (.ozx) rules.\n"
            + "Exit codes: 0 every input valid; 1 an input is invalid (errors, warnings with --strict) or holds no OME-Zarr dataset; "
            + "2 an input could not be read (missing, not an archive, damaged) or bad usage.")
    {
        Add(_paths);
        Add(_json);
        Add(_deep);
        Add(_strict);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var errors = new ErrorLineWriter(error, Program);
        var options = new ValidationOptions { Deep = parse.GetValue(_deep), Strict = parse.GetValue(_strict) };
        var results = new List<ZarrValidationResult>();
        foreach (var path in parse.GetValue(_paths) ?? [])
        {
            try
            {
                using var reader = ZarrInputs.Open(path);
                results.Add(new ZarrValidationResult(path, OmeZarrValidator.Validate(reader, options), null));
            }
            catch (Exception ex) when (ZarrInputs.Describe(path, ex) is { } line)
            {
                errors.Write(line);
                results.Add(new ZarrValidationResult(path, null, line));
            }
        }

        if (parse.GetValue(_json))
        {
            ValidationReportJson.Write(output, results, options);
        }
        else
        {
            ValidationReportText.Write(ZarrConsole.Create(output), results);
        }

        return results.Any(r => r.Report is null) ? ExitCodes.CannotRun
            : results.Any(r => r.Report!.Verdict != ValidationVerdict.Valid) ? ExitCodes.Negative
            : ExitCodes.Success;
    }
}

/// <summary>One input's outcome: a report, or the reason it could not be read.</summary>
internal sealed record ZarrValidationResult(string Path, ValidationReport? Report, string? Error);
