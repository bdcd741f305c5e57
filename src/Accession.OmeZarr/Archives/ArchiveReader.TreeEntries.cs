using Accession.Iscc.TreeWalk;

namespace Accession.OmeZarr.Archives;

public abstract partial class ArchiveReader
{
    /// <summary>
    /// Every entry as a <see cref="TreeEntry"/>, for tree-mode hashing of the archive's files
    /// (<see cref="TreeSum.HashAsync"/>) or their TREEWALK-ISCC order (<see cref="TreeWalker.OrderAsync"/>).
    /// Each open reads the entry with <see cref="OpenEntry"/>, so the entries are valid while this reader is.
    /// </summary>
    /// <exception cref="ArgumentException">An entry's path is not a plain relative path (see <see cref="TreeEntry"/>).</exception>
    public IReadOnlyList<TreeEntry> ToTreeEntries() =>
        [.. Entries.Select(entry => new TreeEntry(entry.Path, entry.Length, _ => ValueTask.FromResult(OpenEntry(entry))))];
}
