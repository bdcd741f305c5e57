using System.Collections.Concurrent;
using System.Diagnostics;
using Accession.Omero.Annotation;
using Accession.Omero.Configuration;
using Accession.Omero.Hashing;
using Accession.Omero.State;
using Accession.Omero.Web;
using Accession.Omero.Webhook;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Service;

/// <summary>
/// One poll of the service (shared/specs/omero.md §1 "Poll loop", §2): list the images, keep those newer
/// than the watermark (every one with backfill) plus failed ones due again, drop those that already
/// carry an ISCC annotation (asked for many images per request), then hash and annotate up to
/// <c>batch_size</c> of them, several at a time, each fileset once. The annotation is checked before it
/// is written and is the durable record, so a crash anywhere leaves at most one annotation per image.
/// Not thread-safe: one poll at a time.
/// </summary>
public sealed partial class IsccPoller(
    OmeroIsccSettings settings,
    OmeroWebClient client,
    StateStore state,
    WebhookNotifier? webhook,
    ServiceMetrics metrics,
    ILogger logger,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly FilesetHasher _hasher = new(client, logger, time);

    /// <summary>Test hook: runs after an image is hashed and before it is annotated.</summary>
    internal Action<long>? AfterHash { get; init; }

    /// <summary>Test hook: runs after an image is annotated and before the state records it.</summary>
    internal Action<long>? AfterAnnotate { get; init; }

    /// <summary>Runs one poll.</summary>
    /// <param name="backfill">Consider every image, not only those above the watermark.</param>
    /// <param name="cancellationToken">Stops the poll; images in flight are left unannotated.</param>
    /// <exception cref="OmeroLoginException">The login was refused.</exception>
    /// <exception cref="OmeroUnavailableException">OMERO.web could not be reached.</exception>
    public async Task<PollSummary> PollAsync(bool backfill, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (client.Logins == 0)
        {
            await client.LoginAsync(cancellationToken).ConfigureAwait(false);
        }

        var listed = (await client.ListImagesAsync(cancellationToken).ConfigureAwait(false))
            .Where(image => settings.OwnsImage(image.Id)).ToList();
        var watermark = state.GetWatermark();
        var retries = state.RetriesDue().ToHashSet();
        // Parked images wait for an operator, failed ones for their next attempt, even above the watermark.
        var waiting = state.List(ImageOutcome.Parked).Concat(state.List(ImageOutcome.Failed))
            .Select(record => record.ImageId).Where(id => !retries.Contains(id)).ToHashSet();
        var candidates = listed
            .Where(image => (backfill || image.Id > watermark || retries.Contains(image.Id)) && !waiting.Contains(image.Id))
            .OrderBy(image => image.Id).ToList();
        foreach (var gone in retries.Except(listed.Select(image => image.Id)))
        {
            state.RecordDone(gone, ImageOutcome.Missing);
        }

        var annotated = candidates.Count == 0
            ? []
            : (await client.FindMapAnnotationsAsync([.. candidates.Select(image => image.Id)], settings.Namespace, cancellationToken).ConfigureAwait(false))
                .Where(annotation => IsccAnnotation.IsIscc(annotation.Values)).Select(annotation => annotation.ImageId).ToHashSet();
        foreach (var id in retries.Intersect(annotated))
        {
            state.RecordDone(id, ImageOutcome.AlreadyAnnotated);
        }

        var todo = candidates.Where(image => !annotated.Contains(image.Id)).Take(settings.BatchSize).ToList();
        var tally = new Tally();
        var hashes = new ConcurrentDictionary<long, Lazy<Task<FilesetHash>>>();
        await Parallel.ForEachAsync(
            todo,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (image, token) =>
            {
                var outcome = await ProcessAsync(image, hashes, tally, token).ConfigureAwait(false);
                tally.Add(outcome);
                metrics.RecordImage(outcome);
            }).ConfigureAwait(false);

        // Everything up to the first image this poll did not reach is settled: done, or failed and scheduled.
        var settled = annotated.Concat(todo.Select(image => image.Id)).ToHashSet();
        var reached = candidates.TakeWhile(image => settled.Contains(image.Id)).Select(image => image.Id).DefaultIfEmpty(watermark).Max();
        if (!backfill && reached > watermark)
        {
            state.AdvanceWatermark(reached);
        }

        var summary = new PollSummary(
            listed.Count, candidates.Count, annotated.Count, tally.Annotated, tally.Failed, tally.Parked, tally.Skipped,
            candidates.Count - annotated.Count - todo.Count, tally.Bytes, state.GetWatermark(), Stopwatch.GetElapsedTime(started));
        metrics.RecordPoll(summary.Duration, _time.GetUtcNow());
        LogPoll(logger, summary);
        return summary;
    }

    private async Task<ImageOutcome> ProcessAsync(OmeroImage image, ConcurrentDictionary<long, Lazy<Task<FilesetHash>>> hashes, Tally tally, CancellationToken cancellationToken)
    {
        try
        {
            var fileset = await client.GetFilesetPathsAsync(image.Id, cancellationToken).ConfigureAwait(false);
            if (fileset is null)
            {
                LogNoFiles(logger, image.Id);
                state.RecordDone(image.Id, ImageOutcome.NoFiles);
                return ImageOutcome.NoFiles;
            }

            // Images of one fileset share its files: hash them once (shared/specs/omero.md §1 "Bytes").
            var hash = await hashes.GetOrAdd(
                fileset.FilesetId,
                _ => new Lazy<Task<FilesetHash>>(() => _hasher.HashAsync(image.Id, fileset, new Progress(tally, metrics), cancellationToken))).Value.ConfigureAwait(false);
            AfterHash?.Invoke(image.Id);

            var values = IsccAnnotation.Create(hash.Result, hash.SourceFile, wide: !settings.Narrow, _time.GetUtcNow());
            var annotationId = await client.AnnotateMapAsync(image.Id, settings.Namespace, values, cancellationToken).ConfigureAwait(false);
            if (annotationId is null)
            {
                throw new OmeroImageMissingException(image.Id);
            }

            AfterAnnotate?.Invoke(image.Id);
            var code = values[0].Value;
            state.RecordDone(image.Id, ImageOutcome.Annotated, code);
            LogAnnotated(logger, image.Id, image.Name, code);
            if (webhook is not null)
            {
                await webhook.NotifyAsync(image, code, cancellationToken).ConfigureAwait(false);
            }

            return ImageOutcome.Annotated;
        }
        catch (OmeroImageMissingException)
        {
            LogMissing(logger, image.Id);
            state.RecordDone(image.Id, ImageOutcome.Missing);
            return ImageOutcome.Missing;
        }
        catch (Exception e) when (e is (OmeroWebException or IOException) and not (OmeroLoginException or OmeroUnavailableException)
            && !cancellationToken.IsCancellationRequested)
        {
            var record = state.RecordFailure(image.Id, e.Message, settings.MaxRetries, settings.RetryDelay);
            LogFailed(logger, image.Id, record.Attempts, record.Outcome == ImageOutcome.Parked, e.Message);
            return record.Outcome;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll: {Summary}")]
    private static partial void LogPoll(ILogger logger, PollSummary summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {ImageId} ({ImageName}) annotated with {IsccCode}")]
    private static partial void LogAnnotated(ILogger logger, long imageId, string imageName, string isccCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {ImageId} has no original files; skipped")]
    private static partial void LogNoFiles(ILogger logger, long imageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {ImageId} is gone; skipped")]
    private static partial void LogMissing(ILogger logger, long imageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {ImageId} failed (attempt {Attempts}, parked: {Parked}): {Error}")]
    private static partial void LogFailed(ILogger logger, long imageId, int attempts, bool parked, string error);

    /// <summary>Counts of one poll's outcomes. Thread-safe.</summary>
    private sealed class Tally
    {
        private int _annotated;
        private int _failed;
        private int _parked;
        private int _skipped;
        private long _bytes;

        public int Annotated => _annotated;

        public int Failed => _failed;

        public int Parked => _parked;

        public int Skipped => _skipped;

        public long Bytes => Interlocked.Read(ref _bytes);

        public void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

        public void Add(ImageOutcome outcome)
        {
            switch (outcome)
            {
                case ImageOutcome.Annotated:
                    Interlocked.Increment(ref _annotated);
                    break;
                case ImageOutcome.Failed:
                    Interlocked.Increment(ref _failed);
                    break;
                case ImageOutcome.Parked:
                    Interlocked.Increment(ref _parked);
                    break;
                default:
                    Interlocked.Increment(ref _skipped);
                    break;
            }
        }
    }

    /// <summary>Adds the bytes of a fileset's progress reports to the tally (reports are cumulative per attempt).</summary>
    private sealed class Progress(Tally tally, ServiceMetrics metrics) : IProgress<long>
    {
        private long _last;

        public void Report(long value)
        {
            if (value < _last)
            {
                _last = 0;
            }

            tally.AddBytes(value - _last);
            metrics.AddBytesHashed(value - _last);
            _last = value;
        }
    }
}
