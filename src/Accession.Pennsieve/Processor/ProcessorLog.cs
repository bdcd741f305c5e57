using Microsoft.Extensions.Logging;

namespace Accession.Pennsieve.Processor;

/// <summary>The processor's log lines, source-generated; texts follow the Python processor's where it has one (shared/specs/pennsieve-import.md §1.3–1.10).</summary>
internal static partial class ProcessorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting OME-Zarr import processor ({Mode} mode)")]
    public static partial void Starting(ILogger logger, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed OME-Zarr: {AssetName} with {Files} files ({Bytes} bytes, NGFF {Version}) from {Archive}")]
    public static partial void Planned(ILogger logger, string assetName, int files, long bytes, string version, string archive);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} clutter entries (__MACOSX/, ._*, .DS_Store, Thumbs.db) left out, e.g. {Example}")]
    public static partial void JunkSkipped(ILogger logger, int count, string example);

    [LoggerMessage(Level = LogLevel.Warning, Message = "validation {Severity} {RuleId} {File}: {Message}")]
    public static partial void Finding(ILogger logger, string severity, string ruleId, string file, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more validation findings not shown; see the validation report")]
    public static partial void MoreFindings(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "importing a dataset with {Errors} validation errors because IMPORT_INVALID_DATASET is set")]
    public static partial void ImportingInvalid(ILogger logger, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Importer disabled, skipping Pennsieve upload; extracted to {Folder}, plan {Plan}, validation report {Report}")]
    public static partial void LocalDone(ILogger logger, string folder, string plan, string report);

    [LoggerMessage(Level = LogLevel.Information, Message = "dataset_id={DatasetId} package_id={PackageId} starting import of OME-Zarr files")]
    public static partial void Starting(ILogger logger, string datasetId, string packageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating import manifest with {Files} files in {Batches} batch(es)")]
    public static partial void CreatingManifest(ILogger logger, int files, int batches);

    [LoggerMessage(Level = LogLevel.Information, Message = "import_id={ImportId} appended batch {Batch}/{Batches} with {Files} files")]
    public static partial void Appended(ILogger logger, string importId, int batch, int batches, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "import_id={ImportId} initialized import with {Files} files for upload")]
    public static partial void Created(ILogger logger, string importId, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "extracting {Archive} first: compressed tar files cannot be read in parallel")]
    public static partial void ExtractingFirst(ILogger logger, string archive);

    [LoggerMessage(Level = LogLevel.Information, Message = "import_id={ImportId} resuming: {Done} files uploaded by an earlier run, {Remaining} to go")]
    public static partial void Resuming(ILogger logger, string importId, int done, int remaining);

    [LoggerMessage(Level = LogLevel.Information, Message = "Successfully imported OME-Zarr. Manifest: {ImportId}")]
    public static partial void Imported(ILogger logger, string importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "computing the dataset's ISCC-SUM over {Files} files ({Bytes} bytes)")]
    public static partial void ComputingIsccSum(ILogger logger, int files, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "ISCC-SUM of {AssetName}: {IsccSum}")]
    public static partial void IsccSumComputed(ILogger logger, string assetName, string isccSum);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    public static partial void Summary(ILogger logger, ImportSummary summary);
}
