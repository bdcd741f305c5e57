using Accession.Cli.Terminal;
using Accession.Cli.TreeWalk;
using Accession.Iscc;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--tree</c>: a folder hashed as one stream, the bytes of all its files in TREEWALK-ISCC order with
/// nothing between them (shared/specs/iscc-sum.md §4.3). Any unreadable folder or file makes the whole
/// result unusable, so it is reported and no result is given.
/// </summary>
internal sealed class TreeHasher(ErrorLineWriter errors, IReadOnlySet<string> excludedFullPaths, CancellationToken cancellationToken)
{
    /// <summary>The files of <paramref name="folder"/> in hashing order, or null after a reported error.</summary>
    public List<TreeEntry>? List(string folder)
    {
        var failed = false;
        var entries = TreeWalker.Walk(
                folder,
                e =>
                {
                    failed = true;
                    errors.Write(DisplayPath.Of(e.Path), e.Message);
                },
                cancellationToken)
            .Where(entry => excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath)))
            .ToList();
        return failed ? null : entries;
    }

    /// <summary>The ISCC-SUM of the concatenated <paramref name="entries"/>, or null after a reported read error.</summary>
    public async Task<IsccSumResult?> HashAsync(string folder, IReadOnlyList<TreeEntry> entries, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(progress);
        var hasher = new IsccSumHasher();
        foreach (var entry in entries)
        {
            try
            {
                var file = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    await hasher.AppendAsync(file, progress.ForInput(entry.RelativePath), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Write(DisplayPath.Below(folder, entry.RelativePath), IoErrorText.Describe(e));
                return null;
            }
            finally
            {
                progress.Complete(entry.Length);
            }
        }

        return hasher.GetCurrentResult();
    }
}
