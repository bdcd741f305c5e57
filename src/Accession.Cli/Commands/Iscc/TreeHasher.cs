using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--tree</c>: a folder hashed as one stream, the bytes of all its files in TREEWALK-ISCC order with
/// nothing between them (shared/specs/iscc-sum.md §4.3; <see cref="TreeSum"/>), and <c>--walk</c>'s list
/// of those files. The folder is walked as it is hashed or listed, so memory holds one folder's listing
/// at a time, however many files the tree has. Any unreadable folder or file makes the whole result
/// unusable, so it is reported and no result is given. One walk per instance; not thread-safe.
/// </summary>
internal sealed class TreeHasher(ErrorLineWriter errors, IReadOnlySet<string> excludedFullPaths, CancellationToken cancellationToken)
{
    /// <summary>True once a folder or ignore file of the walk could not be read (it was reported).</summary>
    public bool WalkFailed { get; private set; }

    /// <summary>Files walked so far (hashed, or listed).</summary>
    public long Files { get; private set; }

    /// <summary>
    /// The files of <paramref name="folder"/> in hashing order, walked as they are taken, with their sizes
    /// left unasked where the listing tells a regular file by itself. An unreadable folder or ignore
    /// file is reported in its place (after <paramref name="beforeError"/>, which sends what came before
    /// it) and sets <see cref="WalkFailed"/>; the walk goes on.
    /// </summary>
    public IEnumerable<TreeEntry> Walk(string folder, Action? beforeError = null)
    {
        // Asked once: Path.GetFullPath of a relative path asks the system for it on every call.
        var here = Environment.CurrentDirectory;
        var walk = TreeWalker.WalkFolder(
            folder,
            withLengths: false,
            e =>
            {
                beforeError?.Invoke();
                WalkFailed = true;
                errors.Write(DisplayPath.Of(e.Path), IoErrorText.Describe(e));
            },
            cancellationToken);
        foreach (var entry in walk)
        {
            if (excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath!, here)))
            {
                Files++;
                yield return entry;
            }
        }
    }

    /// <summary>
    /// The ISCC-SUM of the files of <paramref name="folder"/> concatenated, or null after a reported error.
    /// Progress counts the bytes hashed (the total is not known before the walk ends).
    /// </summary>
    public async Task<IsccSumResult?> HashAsync(string folder, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var hasher = new IsccSumHasher();
        try
        {
            await TreeSum.AppendAsync(hasher, UntilWalkFails(Walk(folder)), progress.ForInput(DisplayPath.OfTree(folder)), cancellationToken).ConfigureAwait(false);
        }
        catch (TreeWalkException e)
        {
            errors.Write(DisplayPath.Below(folder, e.Path), IoErrorText.Describe(e.Path, e));
            return null;
        }

        return WalkFailed ? null : hasher.GetCurrentResult();
    }

    // Once the walk has failed no further file is read (there will be no result), but the walk goes on
    // so that every unreadable folder is reported.
    private IEnumerable<TreeEntry> UntilWalkFails(IEnumerable<TreeEntry> walk) => walk.Where(_ => !WalkFailed);
}
