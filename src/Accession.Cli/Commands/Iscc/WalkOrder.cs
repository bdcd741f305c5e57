using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Orders printed paths (<c>data/sub/a.bin</c>) as one run of <c>accession iscc</c> prints the files of a
/// folder: at the first name where two paths differ, a file comes before a folder, ignore files
/// (<c>.*ignore</c>) before other files, and otherwise the names sort by <see cref="TreeEntryOrder"/>
/// (TREEWALK-ISCC). The last name of a path is its file; the others are folders. Thread-safe.
/// </summary>
internal sealed class WalkOrder : IComparer<string>
{
    public static WalkOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('/');
        var b = (y ?? string.Empty).Split('/');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool aIsFile = i == a.Length - 1, bIsFile = i == b.Length - 1;
            if (aIsFile != bIsFile)
            {
                return aIsFile ? -1 : 1;
            }

            if (string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                continue;
            }

            if (aIsFile && TreeWalker.IsIgnoreFile(a[i]) != TreeWalker.IsIgnoreFile(b[i]))
            {
                return TreeWalker.IsIgnoreFile(a[i]) ? -1 : 1;
            }

            return TreeEntryOrder.Instance.Compare(a[i], b[i]);
        }

        return a.Length.CompareTo(b.Length);
    }
}
