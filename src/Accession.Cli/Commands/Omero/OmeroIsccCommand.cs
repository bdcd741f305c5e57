using System.CommandLine;
using Accession.Cli.Terminal;
using Accession.Omero.Configuration;
using Accession.Omero.Service;
using Accession.Omero.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Accession.Cli.Commands.Omero;

/// <summary>
/// <c>accession omero-iscc</c>: the OMERO ISCC service (shared/specs/omero.md §1–§2). Runs as a service
/// until SIGTERM/SIGINT, or with <c>--once</c> does one poll and prints its summary.
/// </summary>
internal static class OmeroIsccCommand
{
    private const string Program = CliApplication.ProgramName + " omero-iscc";

    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var settings = new OmeroSettingsOptions();
        var once = new Option<bool>("--once") { Description = "Do one poll, print a summary and exit" };
        var backfill = new Option<bool>("--backfill") { Description = "Consider every image, not only those above the watermark (catches images that slipped past it)" };
        var narrow = new Option<bool>("--narrow") { Description = "Write narrow ISCC-SUMs (2x64-bit, ISO 24138) instead of the service's wide ones" };
        var command = new Command(
            "omero-iscc",
            "Watch an OMERO server for new images and annotate each with the ISCC-SUM of its original files.\n"
            + "Settings: defaults < --config FILE < OMERO_ISCC_* environment < flags.\n"
            + "Exit codes: 0 success; 1 (--once) some images failed; 2 could not run (bad settings, refused login, unusable state file); "
            + "130/143 stopped by SIGINT/SIGTERM.");
        foreach (var option in settings.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(once);
        command.Options.Add(backfill);
        command.Options.Add(narrow);
        command.Subcommands.Add(OmeroIsccStatusCommand.Create(settings, environment));
        command.Subcommands.Add(OmeroIsccVerifyCommand.Create(settings, environment));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ErrorLineWriter(parse.InvocationConfiguration.Error, Program);
            OmeroIsccSettings loaded;
            try
            {
                loaded = settings.Load(parse, environment, parse.GetValue(narrow) ? new Dictionary<string, string?> { ["narrow"] = "true" } : null);
            }
            catch (SettingsException e)
            {
                errors.Write(e.Message);
                return ExitCodes.CannotRun;
            }

            try
            {
                return parse.GetValue(once)
                    ? await RunOnceAsync(loaded, parse.GetValue(backfill), parse.InvocationConfiguration.Output, errors, cancellationToken).ConfigureAwait(false)
                    : await RunServiceAsync(loaded, parse.GetValue(backfill), errors, cancellationToken).ConfigureAwait(false);
            }
            catch (StateStoreException e)
            {
                errors.Write(e.Message);
                return ExitCodes.CannotRun;
            }
        });
        return command;
    }

    private static async Task<int> RunOnceAsync(OmeroIsccSettings settings, bool backfill, TextWriter output, ErrorLineWriter errors, CancellationToken cancellationToken)
    {
        using var loggers = LoggerFactory.Create(logging => OmeroIsccHost.ConfigureLogging(logging, settings, json: false));
        using var components = OmeroIsccComponents.Create(settings, loggers);
        var runner = new OmeroIsccRunner(components, loggers.CreateLogger(Program));
        return await OmeroFailures.ReportAsync(
            async () =>
            {
                var summary = await runner.PollAsync(backfill, maxAttempts: 5, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"{Program}: {summary}").ConfigureAwait(false);
                return summary.Failed + summary.Parked > 0 ? ExitCodes.Negative : ExitCodes.Success;
            },
            errors,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunServiceAsync(OmeroIsccSettings settings, bool backfill, ErrorLineWriter errors, CancellationToken cancellationToken)
    {
        IHost host;
        ServiceExit exit;
        try
        {
            (host, exit) = OmeroIsccHost.Build(settings, backfill);
        }
        catch (SettingsException e)
        {
            // The metrics endpoint cannot listen on its port.
            errors.Write(e.Message);
            return ExitCodes.CannotRun;
        }

        using (host)
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        if (exit.Error is { } error)
        {
            errors.Write(error);
            return ExitCodes.CannotRun;
        }

        return TerminationSignal.ExitCode;
    }
}
