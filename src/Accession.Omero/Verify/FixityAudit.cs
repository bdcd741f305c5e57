using System.Collections.Concurrent;
using Accession.Iscc.Codec;
using Accession.Omero.Annotation;
using Accession.Omero.Configuration;
using Accession.Omero.Hashing;
using Accession.Omero.Web;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Verify;

/// <summary>
/// The fixity audit behind <c>accession omero-iscc verify</c>: re-hashes the original files of annotated images
/// exactly as the service did when it annotated them and compares the result with the stored
/// <c>iscc:sum</c>. It reads only; nothing is written to OMERO or to the state file. Every readable image
/// of this replica's shard is audited, or the images the caller names (whatever their shard). Images that
/// share a fileset are hashed once. Not thread-safe: one audit at a time; results are reported one by one
/// as they are known, from several tasks but never at the same time.
/// </summary>
public sealed class FixityAudit(OmeroIsccSettings settings, OmeroWebClient client, ILogger logger, TimeProvider? time = null)
{
    private readonly FilesetHasher _hasher = new(client, logger, time);

    /// <summary>Audits the images and reports each result to <paramref name="report"/>.</summary>
    /// <param name="imageIds">The images to audit, or null for every readable image of this shard that carries an ISCC annotation.</param>
    /// <param name="report">Called once per audited image, one call at a time.</param>
    /// <param name="cancellationToken">Stops the audit.</param>
    /// <returns>Every result, by image id.</returns>
    /// <exception cref="OmeroLoginException">The login was refused.</exception>
    /// <exception cref="OmeroUnavailableException">OMERO.web could not be reached.</exception>
    public async Task<IReadOnlyList<FixityResult>> RunAsync(IReadOnlyCollection<long>? imageIds, Action<FixityResult> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await client.LoginAsync(cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentBag<FixityResult>();
        var reportLock = new Lock();
        void Report(FixityResult result)
        {
            results.Add(result);
            lock (reportLock)
            {
                report(result);
            }
        }

        var images = imageIds is null
            ? (await client.ListImagesAsync(cancellationToken).ConfigureAwait(false)).Where(image => settings.OwnsImage(image.Id)).ToList()
            : await NamedImagesAsync(imageIds, Report, cancellationToken).ConfigureAwait(false);
        var sums = (await client.FindMapAnnotationsAsync([.. images.Select(image => image.Id)], settings.Namespace, cancellationToken).ConfigureAwait(false))
            .Where(annotation => IsccAnnotation.IsIscc(annotation.Values))
            .GroupBy(annotation => annotation.ImageId)
            .ToDictionary(group => group.Key, group => group.OrderBy(annotation => annotation.Id).First().Values.FirstOrDefault(pair => pair.Key == IsccAnnotation.SumKey).Value);
        foreach (var image in images.Where(image => imageIds is not null && !sums.ContainsKey(image.Id)))
        {
            Report(new FixityResult(image.Id, image.Name, FixityVerdict.NotAnnotated, null, null, null));
        }

        var hashes = new ConcurrentDictionary<long, Lazy<Task<FilesetHash>>>();
        await Parallel.ForEachAsync(
            images.Where(image => sums.ContainsKey(image.Id)).OrderBy(image => image.Id),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (image, token) => Report(await CheckAsync(image, sums[image.Id] ?? string.Empty, hashes, token).ConfigureAwait(false))).ConfigureAwait(false);
        return [.. results.OrderBy(result => result.ImageId)];
    }

    private async Task<List<OmeroImage>> NamedImagesAsync(IReadOnlyCollection<long> imageIds, Action<FixityResult> report, CancellationToken cancellationToken)
    {
        var images = new List<OmeroImage>();
        foreach (var id in imageIds.Distinct().Order())
        {
            if (await client.GetImageAsync(id, cancellationToken).ConfigureAwait(false) is { } image)
            {
                images.Add(image);
            }
            else
            {
                report(new FixityResult(id, null, FixityVerdict.Missing, null, null, null));
            }
        }

        return images;
    }

    private async Task<FixityResult> CheckAsync(OmeroImage image, string stored, ConcurrentDictionary<long, Lazy<Task<FilesetHash>>> hashes, CancellationToken cancellationToken)
    {
        try
        {
            var fileset = await client.GetFilesetPathsAsync(image.Id, cancellationToken).ConfigureAwait(false);
            if (fileset is null)
            {
                return new FixityResult(image.Id, image.Name, FixityVerdict.NoFiles, stored, null, null);
            }

            var hash = await hashes.GetOrAdd(
                fileset.FilesetId,
                _ => new Lazy<Task<FilesetHash>>(() => _hasher.HashAsync(image.Id, fileset, null, cancellationToken))).Value.ConfigureAwait(false);
            var wide = hash.Result.ToIscc(IsccSumWidth.Wide);
            var narrow = hash.Result.ToIscc(IsccSumWidth.Narrow);
            var computed = stored.Length == narrow.Length ? narrow : wide;
            return new FixityResult(image.Id, image.Name, computed == stored ? FixityVerdict.Match : FixityVerdict.Mismatch, stored, computed, null);
        }
        catch (OmeroImageMissingException)
        {
            return new FixityResult(image.Id, image.Name, FixityVerdict.Missing, stored, null, null);
        }
        catch (Exception e) when (e is (OmeroWebException or IOException) and not (OmeroLoginException or OmeroUnavailableException)
            && !cancellationToken.IsCancellationRequested)
        {
            return new FixityResult(image.Id, image.Name, FixityVerdict.Failed, stored, null, e.Message);
        }
    }
}
