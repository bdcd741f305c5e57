using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--tree</c>: a folder hashed as one stream, the bytes of all its files in TREEWALK-ISCC order with
/// nothing between them (shared/specs/iscc-sum.md §4.3; <see cref="TreeSum"/>). Any unreadable folder or
/// file makes the whole result unusable, so it is reported and no result is given.
/// </summary>
internal sealed class TreeHasher(ErrorLineWriter errors, IReadOnlySet<string> excludedFullPaths, CancellationToken cancellationToken)
{
    /// <summary>
    /// The files of <paramref name="folder"/> in hashing order, or null after a reported error; with
    /// <paramref name="withLengths"/> false their sizes may be left unasked (-1).
    /// </summary>
    public List<TreeEntry>? List(string folder, bool withLengths = true)
    {
        var failed = false;

        // Asked once: Path.GetFullPath of a relative path asks the system for it on every call.
        var here = Environment.CurrentDirectory;
        var entries = TreeWalker.WalkFolder(
                folder,
                withLengths,
                e =>
                {
                    failed = true;
                    errors.Write(DisplayPath.Of(e.Path), IoErrorText.Describe(e));
                },
                cancellationToken)
            .Where(entry => excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath!, here)))
            .ToList();
        return failed ? null : entries;
    }

    /// <summary>The ISCC-SUM of the concatenated <paramref name="entries"/>, or null after a reported read error.</summary>
    public async Task<IsccSumResult?> HashAsync(string folder, IReadOnlyList<TreeEntry> entries, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(progress);
        var hasher = new IsccSumHasher();
        try
        {
            await TreeSum.AppendAsync(hasher, entries, progress.ForInput(DisplayPath.OfTree(folder)), cancellationToken).ConfigureAwait(false);
        }
        catch (TreeWalkException e)
        {
            errors.Write(DisplayPath.Below(folder, e.Path), IoErrorText.Describe(e.Path, e));
            return null;
        }
        finally
        {
            progress.Complete(entries.Sum(entry => entry.Length));
        }

        return hasher.GetCurrentResult();
    }
}
