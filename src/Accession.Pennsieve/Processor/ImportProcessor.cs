using System.Diagnostics;
using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Validation;
using Accession.Pennsieve.Auth;
using Accession.Pennsieve.Configuration;
using Accession.Pennsieve.Http;
using Accession.Pennsieve.Import;
using Accession.Pennsieve.Upload;
using Accession.Pennsieve.Workflow;
using Microsoft.Extensions.Logging;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// One run of the import processor: find the archive in <c>INPUT_DIR</c>, open it, find the dataset and
/// validate it before any network call, then either write what would be imported (local mode) or
/// import it into Pennsieve (shared/specs/pennsieve-import.md §1.3–1.11). One instance runs once.
/// </summary>
/// <param name="settings">Checked settings.</param>
/// <param name="logger">Where findings, steps and the summary go.</param>
/// <param name="renderReport">Renders a validation report as the JSON document written in local mode.</param>
/// <param name="progress">Shows how the uploads advance; null shows nothing.</param>
public sealed class ImportProcessor(ImportSettings settings, ILogger logger, Func<ValidationReport, string> renderReport, IUploadProgress? progress = null)
{
    /// <summary>Findings shown in the log before the rest are only counted.</summary>
    public const int MaxFindingsLogged = 20;

    /// <summary>Runs the import and returns its summary; uploads that failed are counted in it.</summary>
    /// <exception cref="ImportException">The input, credentials or dataset are wrong, or an API call failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the summary was logged.</exception>
    public async Task<ImportSummary> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        ProcessorLog.Starting(logger, settings.ImporterEnabled ? "import" : "local");
        var archive = ArchiveLocator.Find(settings.InputDir);
        using var reader = Open(archive);
        var report = Validate(reader);
        if (!settings.ImporterEnabled)
        {
            // The report is the local run's answer, valid or not.
            WriteLocalReport(archive, report);
        }

        var dataset = Accept(archive, report);
        var plan = ImportPlan.Create(reader, dataset);
        ProcessorLog.Planned(logger, plan.AssetName, plan.Files.Count, plan.TotalBytes, dataset.VersionText, archive);
        if (plan.Junk.Count > 0)
        {
            ProcessorLog.JunkSkipped(logger, plan.Junk.Count, plan.Junk[0].Path);
        }

        var summary = new ImportSummary
        {
            AssetName = plan.AssetName,
            FilesPlanned = plan.Files.Count,
            BytesPlanned = plan.TotalBytes,
            JunkSkipped = plan.Junk.Count,
        };
        if (!settings.ImporterEnabled)
        {
            var isccSum = await RunLocalAsync(archive, reader, plan, cancellationToken).ConfigureAwait(false);
            summary = summary with { Local = true, IsccSum = isccSum, Duration = Stopwatch.GetElapsedTime(started) };
            ProcessorLog.Summary(logger, summary);
            return summary;
        }

        var counters = new TransferCounters();
        string? importId = null;
        string? sentIsccSum = null;
        var alreadyUploaded = 0;
        try
        {
            importId = await ImportAsync(archive, reader, plan, counters, id => importId = id, n => alreadyUploaded = n, code => sentIsccSum = code, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            summary = summary with
            {
                ImportId = importId,
                IsccSum = sentIsccSum,
                FilesResumed = alreadyUploaded,
                FilesUploaded = counters.FilesUploaded,
                FilesFailed = counters.FilesFailed,
                BytesUploaded = counters.BytesUploaded,
                Retries = counters.Retries,
                Relogins = counters.Relogins,
                Represigns = counters.Represigns,
                Duration = Stopwatch.GetElapsedTime(started),
            };
            ProcessorLog.Summary(logger, summary);
        }

        return summary;
    }

    private static ArchiveReader Open(string archive)
    {
        try
        {
            return ArchiveReader.Open(archive);
        }
        catch (ArchiveException e)
        {
            throw new ImportException(ImportErrorKind.BadInput, OneLine(archive, e.Message), e);
        }
    }

    private ValidationReport Validate(ArchiveReader reader)
    {
        ValidationReport report;
        try
        {
            report = OmeZarrValidator.Validate(reader);
        }
        catch (ArchiveException e)
        {
            throw new ImportException(ImportErrorKind.BadInput, OneLine(reader.Location, e.Message), e);
        }

        var shown = 0;
        foreach (var finding in report.Findings.Where(f => f.Severity != Severity.Info))
        {
            if (shown++ < MaxFindingsLogged)
            {
                ProcessorLog.Finding(logger, finding.Severity.ToString().ToLowerInvariant(), finding.RuleId, finding.File, finding.Message);
            }
        }

        if (shown > MaxFindingsLogged)
        {
            ProcessorLog.MoreFindings(logger, shown - MaxFindingsLogged);
        }

        return report;
    }

    private OmeZarr.Discovery.OmeZarrDataset Accept(string archive, ValidationReport report)
    {
        if (report.Chosen is not { } dataset)
        {
            throw new ImportException(ImportErrorKind.BadInput, $"{archive}: no OME-Zarr dataset found (no folder holds a Zarr group with OME-Zarr metadata); check that this is the right archive.");
        }

        if (report.Verdict == ValidationVerdict.Invalid)
        {
            if (!settings.ImportInvalid)
            {
                throw new ImportException(
                    ImportErrorKind.InvalidDataset,
                    $"{archive}: the dataset '{dataset.Name}' is not valid OME-Zarr ({report.ErrorCount} errors, logged above); fix them, or set {SettingNames.ImportInvalid}=true to import it anyway.");
            }

            ProcessorLog.ImportingInvalid(logger, report.ErrorCount);
        }

        return dataset;
    }

    private void WriteLocalReport(string archive, ValidationReport report)
    {
        Directory.CreateDirectory(settings.OutputDir);
        WriteAtomically(LocalPath(archive, ".validation.json"), System.Text.Encoding.UTF8.GetBytes(renderReport(report)));
    }

    /// <summary>Extracts, writes the plan, and returns the dataset's ISCC-SUM when it was asked for.</summary>
    private async Task<string?> RunLocalAsync(string archive, ArchiveReader reader, ImportPlan plan, CancellationToken cancellationToken)
    {
        var folder = LocalPath(archive, string.Empty);
        string? isccSum = null;
        try
        {
            using var extracted = reader.SupportsRandomAccess
                ? await ArchiveExtractor.ExtractAsync(reader, folder, cancellationToken).ConfigureAwait(false)
                : await ArchiveExtractor.ExtractAsync(archive, folder, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (settings.ComputeIsccSum)
            {
                isccSum = await ComputeIsccSumAsync(extracted, plan, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ArchiveException e)
        {
            throw new ImportException(ImportErrorKind.BadInput, OneLine(archive, e.Message), e);
        }

        var planFile = LocalPath(archive, ".import-plan.json");
        WriteAtomically(planFile, ImportPlanJson.Serialize(plan, settings.AssetType, isccSum));
        var reportFile = LocalPath(archive, ".validation.json");
        ProcessorLog.LocalDone(logger, folder, planFile, reportFile);
        return isccSum;
    }

    private async Task<string> ComputeIsccSumAsync(ArchiveReader source, ImportPlan plan, CancellationToken cancellationToken)
    {
        ProcessorLog.ComputingIsccSum(logger, plan.Files.Count, plan.TotalBytes);
        var code = await DatasetIsccSum.ComputeAsync(source, plan, cancellationToken).ConfigureAwait(false);
        ProcessorLog.IsccSumComputed(logger, plan.AssetName, code);
        return code;
    }

    private async Task<string> ImportAsync(
        string archive, ArchiveReader reader, ImportPlan plan, TransferCounters counters, Action<string> created, Action<int> resumed, Action<string> isccSumSent, CancellationToken cancellationToken)
    {
        using var api = HttpPipelines.CreateApiClient(settings.RetryBaseDelay, counters);
        using var storage = HttpPipelines.CreateStorageClient(settings.RetryBaseDelay, counters, settings.UploadWorkers);
        using var session = new SessionManager(
            new CognitoConfigClient(api, settings.ApiHost),
            new CognitoIdentityProvider(api, settings.CognitoEndpoint),
            new SessionCredentials(settings.SessionToken, settings.RefreshToken, settings.ApiKey, settings.ApiSecret),
            counters);
        var authorized = new AuthorizedApi(api, session);
        var imports = new ImportClient(authorized, settings.ApiHost2);
        try
        {
            await session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var run = await new WorkflowClient(authorized, settings.ApiHost2)
                .GetAsync(settings.IntegrationId!, settings.EffectiveWorkflowRoute, cancellationToken).ConfigureAwait(false);
            if (run.PackageIds.Count == 0)
            {
                throw new ImportException(ImportErrorKind.Failed, $"workflow '{run.Id}' names no package to import into; check INTEGRATION_ID.");
            }

            ProcessorLog.Starting(logger, run.DatasetId, run.PackageIds[0]);
            Directory.CreateDirectory(settings.OutputDir);
            await using var source = await UploadSource.OpenAsync(archive, reader, settings.OutputDir, logger, cancellationToken).ConfigureAwait(false);
            var journalPath = ImportJournal.PathFor(settings.OutputDir, ArchiveNames.StripArchiveSuffix(archive));
            var journal = ImportJournal.TryResume(journalPath, archive, settings.IntegrationId!, run.DatasetId, plan.Files);
            if (journal is null)
            {
                // A resumed import's manifest, and so its properties, exist already.
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                if (settings.ComputeIsccSum)
                {
                    properties[DatasetIsccSum.PropertyName] = await ComputeIsccSumAsync(source.Reader, plan, cancellationToken).ConfigureAwait(false);
                }

                var importId = await CreateManifestAsync(imports, run, plan, properties, cancellationToken).ConfigureAwait(false);
                journal = ImportJournal.Start(journalPath, archive, settings.IntegrationId!, run.DatasetId, importId, plan.Files);
                if (properties.TryGetValue(DatasetIsccSum.PropertyName, out var code))
                {
                    isccSumSent(code);
                }
            }

            using var journalScope = journal;
            created(journal.ImportId);
            var remaining = journal.Files.Where(f => !journal.Done.Contains(f.UploadKey)).ToList();
            resumed(journal.Done.Count);
            if (journal.Done.Count > 0)
            {
                ProcessorLog.Resuming(logger, journal.ImportId, journal.Done.Count, remaining.Count);
            }

            IReadOnlyList<UploadFailure> failures;
            progress?.Started(remaining.Count, remaining.Sum(f => f.Entry.Length));
            try
            {
                var engine = new UploadEngine(storage, imports, source.Reader, counters, logger);
                failures = await engine.RunAsync(
                    journal.ImportId,
                    run.DatasetId,
                    remaining,
                    settings.UploadWorkers,
                    f =>
                    {
                        journal.MarkDone(f.UploadKey);
                        progress?.FileUploaded(f.Entry.Length);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress?.Stopped();
            }

            if (failures.Count > 0)
            {
                throw new ImportException(ImportErrorKind.Failed, $"import {journal.ImportId}: failed to upload {failures.Count} of {plan.Files.Count} files (first: {failures[0].File.FilePath}: {failures[0].Reason}); run again to retry them.");
            }

            journal.Delete();
            ProcessorLog.Imported(logger, journal.ImportId);

            return journal.ImportId;
        }
        catch (AuthenticationException e)
        {
            throw new ImportException(e.Rejected ? ImportErrorKind.BadCredentials : ImportErrorKind.Failed, e.Message, e);
        }
        catch (PennsieveApiException e)
        {
            throw new ImportException(ImportErrorKind.Failed, e.Message, e);
        }
    }

    private async Task<string> CreateManifestAsync(ImportClient imports, WorkflowRun run, ImportPlan plan, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        ProcessorLog.CreatingManifest(logger, plan.Files.Count, plan.Batches.Count);
        var first = plan.Batches[0];
        var importId = await imports.CreateAsync(
            settings.IntegrationId!, run.DatasetId, run.PackageIds[0], Slice(plan.Files, first), settings.AssetType, plan.AssetName, properties, cancellationToken).ConfigureAwait(false);
        for (var i = 1; i < plan.Batches.Count; i++)
        {
            var batch = plan.Batches[i];
            var count = batch.End.Value - batch.Start.Value;
            await imports.AppendAsync(importId, run.DatasetId, Slice(plan.Files, batch), cancellationToken).ConfigureAwait(false);
            ProcessorLog.Appended(logger, importId, i + 1, plan.Batches.Count, count);
        }

        ProcessorLog.Created(logger, importId, plan.Files.Count);
        return importId;
    }

    private static IEnumerable<ImportFile> Slice(IReadOnlyList<ImportFile> files, Range range)
    {
        for (var i = range.Start.Value; i < range.End.Value; i++)
        {
            yield return files[i];
        }
    }

    private string LocalPath(string archive, string suffix) =>
        Path.Combine(settings.OutputDir, ArchiveNames.StripArchiveSuffix(archive) + suffix);

    private static void WriteAtomically(string path, byte[] content)
    {
        var partial = path + ".partial";
        File.WriteAllBytes(partial, content);
        File.Move(partial, path, overwrite: true);
    }

    private static string OneLine(string archive, string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Contains(Path.GetFileName(archive), StringComparison.Ordinal) ? line : $"{archive}: {line}";
    }
}
