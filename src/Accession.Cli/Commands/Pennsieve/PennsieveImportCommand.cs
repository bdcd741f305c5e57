using System.CommandLine;
using Accession.Cli.Commands.Zarr;
using Accession.Cli.Terminal;
using Accession.OmeZarr.Validation;
using Accession.Pennsieve.Configuration;
using Accession.Pennsieve.Processor;

namespace Accession.Cli.Commands.Pennsieve;

/// <summary>
/// <c>accession pennsieve-import</c>: the Pennsieve OME-Zarr import processor (docs/pennsieve-import.md).
/// Settings come from the same environment variables as <c>processor-import-ome-zarr</c>; each option
/// overrides its variable. Secrets are read from the environment only, never from the command line.
/// </summary>
internal sealed class PennsieveImportCommand : Command
{
    private const string CommandName = "pennsieve-import";

    private readonly Func<string, string?> _environment;
    private readonly CommandConsole _console;
    private readonly List<(Option<string> Option, string Variable)> _settings = [];
    private readonly Option<bool> _showProgress = new("--progress") { Description = "Show the progress line on stderr even when it is not a terminal." };
    private readonly Option<bool> _noProgress = new("--no-progress") { Description = "Show no progress, not even a log line every few seconds." };

    public PennsieveImportCommand(Func<string, string?>? environment = null, CommandConsole? console = null)
        : base(CommandName, "Import the one OME-Zarr archive in INPUT_DIR into Pennsieve as a viewer asset, or (local mode) extract it and write the import plan.\n"
            + "Settings are the environment variables of processor-import-ome-zarr; an option overrides its variable. "
            + "Secrets (PENNSIEVE_API_KEY, PENNSIEVE_API_SECRET, SESSION_TOKEN, REFRESH_TOKEN) are read from the environment only.\n"
            + "Exit codes: 0 imported (or local run done); 1 the import failed or the dataset is invalid; "
            + "2 bad settings, no or several archives, unreadable or unsafe archive, no dataset, credentials refused; 130/143 interrupted by SIGINT/SIGTERM.")
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _console = console ?? CommandConsole.System;
        Setting("--environment", SettingNames.Environment, "'local' (default) turns the importer off unless IMPORTER_ENABLED says otherwise.");
        Setting("--input-dir", SettingNames.InputDir, "Folder holding exactly one archive (.zip .tar .tar.gz/.tgz .tar.bz2/.tbz2 .tar.xz/.txz).");
        Setting("--output-dir", SettingNames.OutputDir, "Folder for the local run's extraction, plan and report.");
        Setting("--api-host", SettingNames.ApiHost, "Pennsieve API (default https://api.pennsieve.net).");
        Setting("--api-host2", SettingNames.ApiHost2, "Pennsieve import and workflow API (default https://api2.pennsieve.net).");
        Setting("--integration-id", SettingNames.IntegrationId, "The workflow run id.");
        Setting("--importer-enabled", SettingNames.ImporterEnabled, "true/1/yes to import; anything else for a local run.");
        Setting("--asset-type", SettingNames.AssetType, "options.asset_type of the import (default ome-zarr).");
        Setting("--upload-workers", SettingNames.UploadWorkers, "Uploads in flight (default 8).");
        Setting("--import-invalid-dataset", SettingNames.ImportInvalid, "true/1/yes to import a dataset that fails NGFF validation.");
        Setting("--workflow-route", SettingNames.WorkflowRoute, "auto (default), instances or runs.");
        Setting("--compute-iscc-sum", SettingNames.ComputeIsccSum, "true/1/yes to send the dataset's tree-mode ISCC-SUM in options.properties.iscc_sum (local mode: write it into the plan).");
        Add(_showProgress);
        Add(_noProgress);
        SetAction(RunAsync);
    }

    private void Setting(string name, string variable, string description)
    {
        var option = new Option<string>(name) { Description = $"{description} [env: {variable}]" };
        _settings.Add((option, variable));
        Add(option);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        var errors = new ErrorLineWriter(error, $"{CliApplication.ProgramName} {CommandName}");
        if (parse.GetValue(_showProgress) && parse.GetValue(_noProgress))
        {
            errors.Write("--progress cannot be used with --no-progress");
            return ExitCodes.CannotRun;
        }

        var given = _settings
            .Select(s => (s.Variable, Value: parse.GetValue(s.Option)))
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Variable, s => s.Value, StringComparer.Ordinal);
        ImportSettings settings;
        try
        {
            settings = SettingsReader.Read(name => given.TryGetValue(name, out var value) ? value : _environment(name));
        }
        catch (SettingsException e)
        {
            errors.Write(e.Message);
            return ExitCodes.CannotRun;
        }

        var logger = new LineLogger(error);
        var progress = new UploadProgressDisplay(ProgressModeOf(parse), error, _console.Time, logger);
        var processor = new ImportProcessor(settings, logger, RenderReport, progress);
        try
        {
            await processor.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (ImportException e)
        {
            errors.Write(e.Message);
            return e.Kind is ImportErrorKind.BadInput or ImportErrorKind.BadCredentials ? ExitCodes.CannotRun : ExitCodes.Negative;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.Write("stopped before the import finished; the summary above says what was uploaded.");
            return TerminationSignal.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write($"{SettingNames.OutputDir}: cannot write results in '{settings.OutputDir}' ({IoErrorText.Describe(e)}); choose a writable folder.");
            return ExitCodes.CannotRun;
        }
    }

    private ProgressMode ProgressModeOf(ParseResult parse) =>
        parse.GetValue(_noProgress) ? ProgressMode.Off
        : parse.GetValue(_showProgress) || _console.ErrorIsTerminal ? ProgressMode.Line
        : ProgressMode.Log;

    private static string RenderReport(ValidationReport report)
    {
        using var text = new StringWriter();
        ValidationReportJson.Write(text, [new ZarrValidationResult(report.Location, report, null)], report.Options);
        return text.ToString();
    }
}
