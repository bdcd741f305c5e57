using System.Net;
using Accession.OmeZarr.Archives;
using Accession.Pennsieve.Http;
using Accession.Pennsieve.Import;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Accession.Pennsieve.Upload;

/// <summary>
/// Uploads every file of an import: per file one presign call and one PUT streamed from the archive,
/// <c>UPLOAD_WORKERS</c> at a time over one pooled storage client (shared/specs/pennsieve-import.md §1.6,
/// §2.6–2.7). Transient failures were retried by the pipeline; a 403 from storage (an expired presigned
/// URL) gets a new URL; other failures are counted per file, and every file is attempted, as in the Python
/// processor. A refused login or a cancellation stops all workers. One instance runs one upload.
/// </summary>
internal sealed partial class UploadEngine(
    HttpClient storage,
    ImportClient imports,
    ArchiveReader reader,
    TransferCounters counters,
    ILogger logger)
{
    /// <summary>How many presigned URLs one file may use before its upload counts as failed.</summary>
    public const int MaxPresignsPerFile = 3;

    /// <summary>
    /// How long PUTs in flight may finish after a stop request: below System.CommandLine's default
    /// two-second process-termination timeout, after which the process is ended regardless.
    /// </summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(1.5);

    /// <summary>Uploads <paramref name="files"/>, telling <paramref name="uploaded"/> of each success; returns the failures (empty when all succeeded).</summary>
    public async Task<IReadOnlyList<UploadFailure>> RunAsync(
        string importId,
        string datasetId,
        IReadOnlyList<ImportFile> files,
        int workers,
        Action<ImportFile> uploaded,
        CancellationToken cancellationToken)
    {
        var failures = new List<UploadFailure>();

        // A stop request starts no new file but lets PUTs in flight finish for a short while, so a
        // file stored by the server is not left out of the journal and uploaded again on resume.
        using var abandon = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() => abandon.CancelAfter(StopGracePeriod));
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        await Parallel.ForEachAsync(files, options, async (file, _) =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await UploadAsync(importId, datasetId, file, abandon.Token).ConfigureAwait(false);
                counters.AddUploaded(file.Entry.Length);
                uploaded(file);
            }
            catch (Exception e) when (e is PennsieveApiException or UploadException)
            {
                counters.AddFailed();
                LogFileFailed(logger, importId, file.FilePath, e.Message);
                lock (failures)
                {
                    failures.Add(new UploadFailure(file, e.Message));
                }
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                // Abandoned after the grace period; the journal does not list it, so a resume sends it.
            }
        }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return failures;
    }

    private async Task UploadAsync(string importId, string datasetId, ImportFile file, CancellationToken cancellationToken)
    {
        for (var presign = 1; ; presign++)
        {
            var url = await imports.PresignAsync(importId, datasetId, file.UploadKey, cancellationToken).ConfigureAwait(false);
            var status = await PutAsync(url, file, cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and < 300)
            {
                return;
            }

            // S3 answers 403 to a presigned URL that has expired; a fresh one is the cure.
            if (status == (int)HttpStatusCode.Forbidden && presign < MaxPresignsPerFile)
            {
                counters.AddRepresign();
                LogRepresign(logger, file.FilePath);
                continue;
            }

            throw new UploadException($"storage answered {status} to the PUT{(status == 403 ? $" with {presign} presigned URLs" : string.Empty)}");
        }
    }

    private async Task<int> PutAsync(Uri url, ImportFile file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new EntryContent(reader, file.Entry) };
        try
        {
            using var response = await storage.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            // Never put the presigned URL in a message: its query is a credential.
            var cause = e.InnerException is ArchiveException archive ? archive.Message : e.Message;
            throw new UploadException($"the PUT failed after retries ({cause})", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "import_id={ImportId} failed to upload {FilePath}: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, string importId, string filePath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "presigned URL for {FilePath} refused (expired?); presigning again")]
    private static partial void LogRepresign(ILogger logger, string filePath);
}

/// <summary>A file that could not be uploaded, and why.</summary>
internal sealed record UploadFailure(ImportFile File, string Reason);

/// <summary>A PUT failed for good.</summary>
internal sealed class UploadException(string message, Exception? innerException = null) : Exception(message, innerException);
