using Accession.Iscc;
using Accession.Iscc.TreeWalk;
using Accession.Omero.Web;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Hashing;

/// <summary>
/// An image's ISCC-SUM from OMERO.web, streamed (never a whole file in memory or on disk): the fileset's
/// files become tree entries named by their paths below the fileset folder (<see cref="FilesetLayout"/>),
/// each opened as its own download — the archived-file route for a single file, the original-file route
/// for several — and the library's tree walk orders them and applies its ignore and metadata rules
/// (shared/specs/omero.md §1 "Bytes"), so one file hashes as <c>accession iscc FILE</c> and several as
/// <c>accession iscc --tree FOLDER</c>. The two-core <see cref="IsccSumPushHasher"/> reads each response
/// body straight into its ring as the bytes arrive (no copy on the way). A download cut off mid-file
/// starts the hash again (a hasher cannot take bytes back). Thread-safe: each call has its own hasher.
/// </summary>
public sealed partial class FilesetHasher(OmeroWebClient client, ILogger logger, TimeProvider? time = null)
{
    /// <summary>Tries per fileset when downloads break off.</summary>
    private const int DownloadAttempts = 3;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Hashes the files of <paramref name="fileset"/>, reached through image <paramref name="imageId"/>.</summary>
    /// <param name="imageId">An image of the fileset (the download routes take an image id).</param>
    /// <param name="fileset">The fileset's paths.</param>
    /// <param name="progress">Receives the bytes of the current attempt hashed so far (it starts again from 0 on a new attempt).</param>
    /// <param name="cancellationToken">Stops the downloads.</param>
    /// <exception cref="IOException">Every attempt's download ended early or had the wrong length.</exception>
    public async Task<FilesetHash> HashAsync(long imageId, FilesetPaths fileset, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileset);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await HashOnceAsync(imageId, fileset, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (attempt < DownloadAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogDownloadRetry(logger, imageId, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Which download link holds which file: by name when the names are unique, else by position (the page
    /// lists a fileset's files in the order <c>original_file_paths</c> does).
    /// </summary>
    /// <returns>The file id for each path below the fileset folder.</returns>
    internal static Dictionary<string, long> MatchLinks(FilesetPaths fileset, FilesetLayout layout, IReadOnlyList<OriginalFileLink> links)
    {
        var names = fileset.RepositoryPaths.Select(path => path[(path.LastIndexOf('/') + 1)..]).ToList();
        var linkByName = links.GroupBy(link => link.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IReadOnlyList<long> ids;
        if (names.Distinct(StringComparer.Ordinal).Count() == names.Count && names.All(name => linkByName.TryGetValue(name, out var found) && found.Count == 1))
        {
            ids = [.. names.Select(name => linkByName[name][0].Id)];
        }
        else if (links.Count == names.Count && links.Select(link => link.Name).SequenceEqual(names, StringComparer.Ordinal))
        {
            ids = [.. links.Select(link => link.Id)];
        }
        else
        {
            throw new OmeroWebException(
                $"the download page of fileset {fileset.FilesetId} does not list its {names.Count} files in a way that can be matched to their paths; the image cannot be hashed");
        }

        return layout.RelativePaths.Zip(ids).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    private async Task<FilesetHash> HashOnceAsync(long imageId, FilesetPaths fileset, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var layout = FilesetLayout.Of(fileset.RepositoryPaths);
        long total = 0;
        var entries = await EntriesAsync(imageId, fileset, layout, read => progress?.Report(total += read), cancellationToken).ConfigureAwait(false);
        var walked = await TreeWalker.OrderAsync(entries, onError: null, cancellationToken).ConfigureAwait(false);
        var hasher = new IsccSumPushHasher();
        await using (hasher.ConfigureAwait(false))
        {
            // The files one after another, in tree-walk order, as one input (the tree mode's bytes).
            foreach (var entry in walked)
            {
                var body = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    await hasher.AppendFromAsync(body, cancellationToken).ConfigureAwait(false);
                }
            }

            return new FilesetHash(await hasher.GetCurrentResultAsync(cancellationToken).ConfigureAwait(false), layout.SourceName, walked.Count);
        }
    }

    /// <summary>The fileset's files as tree entries that open their downloads; <paramref name="onRead"/> hears of every read from them.</summary>
    private async Task<IReadOnlyList<TreeEntry>> EntriesAsync(long imageId, FilesetPaths fileset, FilesetLayout layout, Action<int> onRead, CancellationToken cancellationToken)
    {
        if (layout.RelativePaths.Count == 1)
        {
            // One file: the archived-file route sends its bytes (for several it would send a zip it builds, §2.6).
            var name = layout.RelativePaths[0];
            return [new TreeEntry(name, -1, async token => new CheckedDownloadStream(await client.OpenArchivedFileAsync(imageId, token).ConfigureAwait(false), name, onRead))];
        }

        var links = await client.ListOriginalFilesAsync(imageId, cancellationToken).ConfigureAwait(false);
        return [.. MatchLinks(fileset, layout, links).Select(pair => new TreeEntry(
            pair.Key,
            -1,
            async token => new CheckedDownloadStream(await client.OpenOriginalFileAsync(imageId, pair.Value, token).ConfigureAwait(false), pair.Key, onRead)))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download for image {ImageId} broke off (attempt {Attempt}); hashing again: {Error}")]
    private static partial void LogDownloadRetry(ILogger logger, long imageId, int attempt, string error);
}
