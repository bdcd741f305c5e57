using Accession.Iscc.TreeWalk;

namespace Accession.Omero.Hashing;

/// <summary>
/// Where a fileset's files sit relative to the folder OMERO made for the import (its template prefix:
/// the deepest folder common to the files' repository paths, shared/specs/omero.md §2.6
/// <c>original_file_paths</c>), and the order tree mode hashes them in: TREEWALK-ISCC (iscc-sum
/// docs/specifications/treewalk.md §4–§6) applied to those relative paths, so the code equals
/// <c>accession iscc --tree</c> of that folder. Immutable.
/// </summary>
public sealed class FilesetLayout
{
    private FilesetLayout(string folder, IReadOnlyList<string> allRelativePaths, IReadOnlyList<string> relativePaths)
    {
        Folder = folder;
        AllRelativePaths = allRelativePaths;
        RelativePaths = relativePaths;
    }

    /// <summary>The template prefix, without a trailing slash (empty when the files share no folder).</summary>
    public string Folder { get; }

    /// <summary>Every file's path below <see cref="Folder"/>, in the order of the repository paths given.</summary>
    public IReadOnlyList<string> AllRelativePaths { get; }

    /// <summary>The files below <see cref="Folder"/>, in hashing order; metadata files (<c>*.iscc.json</c>) left out.</summary>
    public IReadOnlyList<string> RelativePaths { get; }

    /// <summary>Lays out the files whose repository paths are <paramref name="repositoryPaths"/>.</summary>
    public static FilesetLayout Of(IReadOnlyList<string> repositoryPaths)
    {
        ArgumentNullException.ThrowIfNull(repositoryPaths);
        if (repositoryPaths.Count == 0)
        {
            throw new ArgumentException("A fileset has at least one file.", nameof(repositoryPaths));
        }

        var split = repositoryPaths.Select(path => path.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var common = 0;
        while (split.All(parts => parts.Length > common + 1 && parts[common] == split[0][common]))
        {
            common++;
        }

        var folder = string.Join('/', split[0].Take(common));
        var relative = split.Select(parts => string.Join('/', parts.Skip(common))).ToList();
        return new FilesetLayout(folder, relative, TreeOrder(relative));
    }

    /// <summary>
    /// TREEWALK order of relative paths: in every folder the ignore files (<c>.*ignore</c>) first, then the
    /// other files, then each subfolder depth-first; names compared as UTF-8 bytes of their NFC form,
    /// ties broken by the original bytes (treewalk.md §4.1); <c>*.iscc.json</c> always left out (§6.2).
    /// </summary>
    internal static IReadOnlyList<string> TreeOrder(IEnumerable<string> relativePaths)
    {
        var ordered = new List<string>();
        Walk(relativePaths.Select(path => path.Split('/')).ToList(), string.Empty, ordered);
        return ordered;
    }

    private static void Walk(List<string[]> entries, string prefix, List<string> ordered)
    {
        var depth = prefix.Length == 0 ? 0 : prefix.Count(c => c == '/');
        var files = entries.Where(parts => parts.Length == depth + 1).Select(parts => parts[depth])
            .Where(name => !name.EndsWith(TreeWalker.MetadataSuffix, StringComparison.Ordinal))
            .OrderBy(name => name, TreeEntryOrder.Instance).ToList();
        ordered.AddRange(files.Where(TreeWalker.IsIgnoreFile).Concat(files.Where(name => !TreeWalker.IsIgnoreFile(name))).Select(name => prefix + name));
        foreach (var group in entries.Where(parts => parts.Length > depth + 1).GroupBy(parts => parts[depth]).OrderBy(g => g.Key, TreeEntryOrder.Instance))
        {
            Walk(group.ToList(), prefix + group.Key + "/", ordered);
        }
    }
}
