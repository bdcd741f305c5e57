namespace Accession.Iscc.TreeWalk;

/// <summary>
/// Tree mode: one ISCC-SUM for a whole tree, the bytes of all its files in TREEWALK-ISCC order with
/// nothing between them, no names (shared/specs/iscc-sum.md §4.3, iscc-sum <c>--tree</c>). The same
/// code hashes a folder on disk, an archive's entries or a set of downloads. Stateless and thread-safe.
/// </summary>
public static class TreeSum
{
    /// <summary>The tree-mode ISCC-SUM of the folder <paramref name="root"/> (<see cref="TreeWalker.WalkFolder(string, Action{TreeWalkException}?, CancellationToken)"/>).</summary>
    /// <exception cref="TreeWalkException">A folder, ignore file or file could not be read.</exception>
    public static async Task<IsccSumResult> HashFolderAsync(
        string root, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var hasher = new IsccSumHasher();
        await AppendAsync(hasher, TreeWalker.WalkFolder(root, onError: null, cancellationToken), progress, cancellationToken).ConfigureAwait(false);
        return hasher.GetCurrentResult();
    }

    /// <summary>
    /// The tree-mode ISCC-SUM of <paramref name="entries"/>, given in any order: they are put in
    /// TREEWALK-ISCC order and filtered by the ignore rules first (<see cref="TreeWalker.OrderAsync"/>).
    /// </summary>
    /// <exception cref="TreeWalkException">An ignore file or an entry could not be read.</exception>
    /// <exception cref="ArgumentException">Two entries have the same path, or a path is both a file and a folder.</exception>
    public static async Task<IsccSumResult> HashAsync(
        IEnumerable<TreeEntry> entries, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var walked = await TreeWalker.OrderAsync(entries, onError: null, cancellationToken).ConfigureAwait(false);
        var hasher = new IsccSumHasher();
        await AppendAsync(hasher, walked, progress, cancellationToken).ConfigureAwait(false);
        return hasher.GetCurrentResult();
    }

    /// <summary>
    /// Appends the bytes of <paramref name="walkedEntries"/> to <paramref name="hasher"/> in the order
    /// given, which must already be the tree's walk (from <see cref="TreeWalker"/>). The entries are read
    /// one after another as one stream, so many small files are hashed in large buffers on two cores;
    /// each is opened, read to its end and closed before the next.
    /// </summary>
    /// <param name="hasher">The hasher to add to; after a failure it must be reset before further use.</param>
    /// <param name="walkedEntries">The entries in TREEWALK-ISCC order.</param>
    /// <param name="progress">Receives the number of bytes of the whole tree hashed so far.</param>
    /// <param name="cancellationToken">Stops reading and hashing.</param>
    /// <exception cref="TreeWalkException">
    /// An entry could not be opened or read: its <see cref="TreeWalkException.Path"/> is the entry's
    /// relative path and the inner exception says why.
    /// </exception>
    public static async Task AppendAsync(
        IsccSumHasher hasher,
        IEnumerable<TreeEntry> walkedEntries,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(walkedEntries);
        var stream = new TreeEntryStream(walkedEntries);
        await using (stream.ConfigureAwait(false))
        {
            await hasher.AppendAsync(stream, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
