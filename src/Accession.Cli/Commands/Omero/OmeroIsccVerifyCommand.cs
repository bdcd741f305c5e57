using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Accession.Cli.Terminal;
using Accession.Omero.Configuration;
using Accession.Omero.Service;
using Accession.Omero.Verify;
using Accession.Omero.Web;
using Microsoft.Extensions.Logging;

namespace Accession.Cli.Commands.Omero;

/// <summary>
/// <c>accession omero-iscc verify</c>: the fixity audit. Re-hashes annotated images and reports those whose
/// stored <c>iscc:sum</c> no longer matches their files, one line per image and a summary.
/// </summary>
internal static class OmeroIsccVerifyCommand
{
    private const string Program = CliApplication.ProgramName + " omero-iscc verify";

    public static Command Create(OmeroSettingsOptions settings, IEnumerable<KeyValuePair<string, string?>>? environment)
    {
        var images = new Option<long[]>("--image")
        {
            Description = "Check only these image ids (repeatable; any shard); default: every annotated image of this replica's shard",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "verify",
            "Re-hash the original files of annotated images and compare with their stored iscc:sum (fixity audit). Writes nothing.\n"
            + "Exit codes: 0 every checked image matches; 1 some image does not match or could not be checked; "
            + "2 could not run (bad settings, refused login, OMERO.web unreachable); 130/143 stopped by SIGINT/SIGTERM.");
        command.Options.Add(images);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ErrorLineWriter(parse.InvocationConfiguration.Error, Program);
            var output = parse.InvocationConfiguration.Output;
            OmeroIsccSettings loaded;
            try
            {
                loaded = settings.Load(parse, environment);
            }
            catch (SettingsException e)
            {
                errors.Write(e.Message);
                return ExitCodes.CannotRun;
            }

            var named = parse.GetValue(images) is { Length: > 0 } ids ? ids : null;
            if (named?.Where(id => id <= 0).ToList() is [var bad, ..])
            {
                errors.Write(string.Create(CultureInfo.InvariantCulture, $"--image {bad} is not an image id; give positive ids."));
                return ExitCodes.CannotRun;
            }

            using var loggers = LoggerFactory.Create(logging => OmeroIsccHost.ConfigureLogging(logging, loaded, json: false));
            using var client = new OmeroWebClient(loaded.WebUrl, loaded.Server, loaded.Username, loaded.Password, loggers.CreateLogger<OmeroWebClient>(), loaded.ReconnectDelay / 4);
            var audit = new FixityAudit(loaded, client, loggers.CreateLogger(Program));
            return await OmeroFailures.ReportAsync(
                async () =>
                {
                    var results = await audit.RunAsync(named, result =>
                    {
                        if (!cancellationToken.IsCancellationRequested)
                        {
                            output.WriteLine(Line(result));
                            output.Flush();
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    var matches = results.Count(result => result.Verdict == FixityVerdict.Match);
                    var mismatches = results.Count(result => result.Verdict == FixityVerdict.Mismatch);
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Program}: {results.Count} images checked: {matches} match, {mismatches} do not match, {results.Count - matches - mismatches} could not be checked"));
                    return matches == results.Count ? ExitCodes.Success : ExitCodes.Negative;
                },
                errors,
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>One result: <c>image 12 "name": MISMATCH stored ISCC:… now ISCC:…</c>; names are quoted and escaped like JSON strings.</summary>
    private static string Line(FixityResult result)
    {
        var image = string.Create(CultureInfo.InvariantCulture, $"image {result.ImageId}")
            + (result.ImageName is null ? string.Empty : " \"" + JsonEncodedText.Encode(result.ImageName, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"");
        return result.Verdict switch
        {
            FixityVerdict.Match => $"{image}: OK {result.Computed}",
            FixityVerdict.Mismatch => $"{image}: MISMATCH stored {result.Stored} now {result.Computed}",
            FixityVerdict.NotAnnotated => $"{image}: not annotated",
            FixityVerdict.NoFiles => $"{image}: no original files to hash",
            FixityVerdict.Missing => $"{image}: not found (deleted or not readable)",
            _ => $"{image}: FAILED {result.Error}",
        };
    }
}
