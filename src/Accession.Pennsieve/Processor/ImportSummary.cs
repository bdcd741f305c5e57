using System.Globalization;

namespace Accession.Pennsieve.Processor;

/// <summary>The outcome of one run, for the final summary. Immutable.</summary>
public sealed record ImportSummary
{
    /// <summary>The import id; null in local mode or when the manifest was never created.</summary>
    public string? ImportId { get; init; }

    public required string AssetName { get; init; }

    public int FilesPlanned { get; init; }

    /// <summary>Files an earlier, interrupted run of the same import uploaded (not sent again).</summary>
    public int FilesResumed { get; init; }

    /// <summary>Files uploaded by this run.</summary>
    public long FilesUploaded { get; init; }

    public long FilesFailed { get; init; }

    public long BytesPlanned { get; init; }

    public long BytesUploaded { get; init; }

    public int JunkSkipped { get; init; }

    public long Retries { get; init; }

    public long Relogins { get; init; }

    public long Represigns { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The dataset's ISCC-SUM when it was computed (and, in import mode, sent with a new manifest).</summary>
    public string? IsccSum { get; init; }

    /// <summary>True in local mode: nothing was sent.</summary>
    public bool Local { get; init; }

    private string IsccSumText => IsccSum is null ? string.Empty : $", ISCC-SUM {IsccSum}";

    /// <summary>One paragraph for the log.</summary>
    public override string ToString() => Local
        ? string.Create(CultureInfo.InvariantCulture, $"local run: asset '{AssetName}', {FilesPlanned} files, {BytesPlanned} bytes planned, {JunkSkipped} clutter entries left out, nothing sent{IsccSumText}; {Duration.TotalSeconds:F1} s.")
        : string.Create(CultureInfo.InvariantCulture, $"import {ImportId ?? "(not created)"}: asset '{AssetName}', {FilesUploaded}/{FilesPlanned} files and {BytesUploaded}/{BytesPlanned} bytes uploaded{(FilesResumed > 0 ? $" ({FilesResumed} more by an earlier run)" : string.Empty)}, {FilesFailed} failed, {JunkSkipped} clutter entries left out{IsccSumText}; {Retries} retries, {Relogins} re-logins, {Represigns} presigned again; {Duration.TotalSeconds:F1} s.");
}
