using Accession.Omero.Web;

namespace Accession.Omero.Hashing;

/// <summary>
/// An image's ISCC-SUM from OMERO.web, streamed (never a whole file in memory or on disk): one file →
/// the ISCC-SUM of its bytes, from the archived-file download; several files → tree mode, the files'
/// bytes one after another in TREEWALK order of their paths below the fileset folder (shared/specs/omero.md
/// §1 "Bytes"; <see cref="FilesetLayout"/>), each from its own original-file download. Thread-safe:
/// each call has its own hasher.
/// </summary>
public sealed class FilesetHasher(OmeroWebClient client)
{
    /// <summary>Hashes the files of <paramref name="fileset"/>, reached through image <paramref name="imageId"/>.</summary>
    /// <exception cref="IOException">A download ended early or had the wrong length.</exception>
    public async Task<FilesetHash> HashAsync(long imageId, FilesetPaths fileset, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileset);
        var layout = FilesetLayout.Of(fileset.RepositoryPaths);
        var accumulator = new IsccSumAccumulator();
        if (fileset.RepositoryPaths.Count == 1)
        {
            var body = await client.OpenArchivedFileAsync(imageId, cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await AppendAsync(accumulator, body, layout.RelativePaths[0], progress, cancellationToken).ConfigureAwait(false);
            }

            return new FilesetHash(accumulator.GetResult(), layout.RelativePaths[0], 1);
        }

        var links = await client.ListOriginalFilesAsync(imageId, cancellationToken).ConfigureAwait(false);
        var fileIds = MatchLinks(fileset, layout, links);
        foreach (var relative in layout.RelativePaths)
        {
            var body = await client.OpenOriginalFileAsync(imageId, fileIds[relative], cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await AppendAsync(accumulator, body, relative, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        var folderName = layout.Folder.Length == 0 ? string.Empty : layout.Folder[(layout.Folder.LastIndexOf('/') + 1)..];
        return new FilesetHash(accumulator.GetResult(), folderName + "/", layout.RelativePaths.Count);
    }

    /// <summary>
    /// Which download link holds which file: by name when the names are unique, else by position (the page
    /// lists a fileset's files in the order <c>original_file_paths</c> does).
    /// </summary>
    internal static Dictionary<string, long> MatchLinks(FilesetPaths fileset, FilesetLayout layout, IReadOnlyList<OriginalFileLink> links)
    {
        var relativeByRepository = fileset.RepositoryPaths.Zip(layout.AllRelativePaths).ToList();
        var names = fileset.RepositoryPaths.Select(path => path[(path.LastIndexOf('/') + 1)..]).ToList();
        var linkByName = links.GroupBy(link => link.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (names.Distinct(StringComparer.Ordinal).Count() == names.Count && names.All(name => linkByName.TryGetValue(name, out var found) && found.Count == 1))
        {
            for (var i = 0; i < names.Count; i++)
            {
                result[relativeByRepository[i].Second] = linkByName[names[i]][0].Id;
            }
        }
        else if (links.Count == names.Count && links.Select(link => link.Name).SequenceEqual(names, StringComparer.Ordinal))
        {
            for (var i = 0; i < names.Count; i++)
            {
                result[relativeByRepository[i].Second] = links[i].Id;
            }
        }
        else
        {
            throw new Web.OmeroWebException(
                $"the download page of fileset {fileset.FilesetId} does not list its {names.Count} files in a way that can be matched to their paths; the image cannot be hashed");
        }

        return result;
    }

    private static async Task AppendAsync(IsccSumAccumulator accumulator, DownloadBody body, string name, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var before = accumulator.Length;
        await accumulator.AppendAsync(body.Stream, progress, cancellationToken).ConfigureAwait(false);
        var received = accumulator.Length - before;
        if (body.Length is { } expected && received != expected)
        {
            throw new IOException($"the download of '{name}' ended after {received} of {expected} bytes");
        }
    }
}
