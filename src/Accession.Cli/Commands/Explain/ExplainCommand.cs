using System.CommandLine;
using Accession.Cli.Terminal;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Explain;

/// <summary>
/// <c>accession explain CODE...</c>: decodes ISCCs (units, composite ISCC-CODEs, narrow and wide
/// ISCC-SUMs) into their header fields, body and units (shared/specs/iscc-sum.md §3). An invalid code
/// is named on stderr with the reason; the others are still explained and the exit code is 2.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>How error lines start.</summary>
    public const string Program = "accession explain";

    public static Command Create()
    {
        var codes = new Argument<string[]>("CODE")
        {
            Description = "ISCCs to explain, with or without the 'ISCC:' prefix",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (an array with one object per code) on stdout" };
        var command = new Command(
            "explain",
            "Explain ISCCs: main type, subtype, version, length, body bits and hex, and the units of an ISCC-CODE or ISCC-SUM.\n"
            + ExitCodes.HelpText)
        {
            codes,
            json,
        };
        command.SetAction(parseResult =>
        {
            var invocation = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(codes) ?? [], parseResult.GetValue(json), invocation.Output, invocation.Error);
        });
        return command;
    }

    public static int Run(IReadOnlyList<string> codes, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var errors = new ErrorLineWriter(error, Program);
        var explained = new List<IsccExplanation>();
        foreach (var text in codes)
        {
            try
            {
                explained.Add(IsccCode.Parse(text).Explain());
            }
            catch (FormatException e)
            {
                errors.Write(e.Message);
            }
        }

        if (json)
        {
            ExplanationJson.Write(output, explained);
        }
        else
        {
            ExplanationText.Write(output, explained);
        }

        return errors.Count > 0 ? ExitCodes.CannotRun : ExitCodes.Success;
    }
}
