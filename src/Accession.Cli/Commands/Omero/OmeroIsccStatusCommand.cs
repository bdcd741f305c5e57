using System.CommandLine;
using System.Globalization;
using Accession.Cli.Terminal;
using Accession.Omero.Configuration;
using Accession.Omero.State;

namespace Accession.Cli.Commands.Omero;

/// <summary><c>accession omero-iscc status</c>: the watermark, and the images parked after failing every allowed attempt.</summary>
internal static class OmeroIsccStatusCommand
{
    private const string Program = CliApplication.ProgramName + " omero-iscc status";

    public static Command Create(OmeroSettingsOptions settings, IEnumerable<KeyValuePair<string, string?>>? environment)
    {
        var command = new Command(
            "status",
            "Show the state file's watermark, the images waiting for another attempt, and the parked ones.\n"
            + "Exit codes: 0 nothing parked; 1 some images are parked; 2 could not run (bad settings, unusable state file).");
        command.SetAction(parse =>
        {
            var errors = new ErrorLineWriter(parse.InvocationConfiguration.Error, Program);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var loaded = settings.Load(parse, environment);
                if (!File.Exists(loaded.StatePath))
                {
                    errors.Write($"state file '{loaded.StatePath}' does not exist; give the service's state_path.");
                    return ExitCodes.CannotRun;
                }

                using var state = StateStore.Open(loaded.StatePath);
                var retrying = state.List(ImageOutcome.Failed);
                var parked = state.List(ImageOutcome.Parked);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watermark: {state.GetWatermark()}; {retrying.Count} waiting for another attempt; {parked.Count} parked"));
                foreach (var record in retrying.Concat(parked))
                {
                    var when = record.NextAttempt is { } next ? $"next attempt {next:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "parked";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"image {record.ImageId}: {record.Attempts} failed attempts, {when}; last error: {record.LastError}"));
                }

                return parked.Count > 0 ? ExitCodes.Negative : ExitCodes.Success;
            }
            catch (Exception e) when (e is SettingsException or StateStoreException)
            {
                errors.Write(e.Message);
                return ExitCodes.CannotRun;
            }
        });
        return command;
    }
}
