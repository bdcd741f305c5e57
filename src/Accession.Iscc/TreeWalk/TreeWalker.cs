namespace Accession.Iscc.TreeWalk;

/// <summary>
/// TREEWALK-ISCC (iscc-sum docs/specifications/treewalk.md §4–§6; shared/specs/iscc-sum.md §4.3): the
/// files of a tree in a deterministic order. In each folder, entries sort by <see cref="TreeEntryOrder"/>;
/// ignore files (<c>.*ignore</c>) come first, then the other files, then each subfolder depth-first.
/// <c>.isccignore</c> patterns cascade from the root down; files ending in <c>.iscc.json</c> are always
/// left out; folders are never yielded. <see cref="WalkFolder(string, Action{TreeWalkException}?, CancellationToken)"/> walks a folder on disk;
/// <see cref="OrderAsync"/> orders any list of entries (an archive's, a set of downloads) the same way.
/// Stateless and thread-safe.
/// </summary>
public static partial class TreeWalker
{
    /// <summary>The ignore file TREEWALK-ISCC reads in every folder.</summary>
    public const string IgnoreFileName = ".isccignore";

    /// <summary>ISCC metadata files, always excluded (treewalk.md §6.2).</summary>
    public const string MetadataSuffix = ".iscc.json";

    /// <summary>True for names like <c>.gitignore</c> and <c>.isccignore</c>, which TREEWALK yields first.</summary>
    public static bool IsIgnoreFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith('.') && name.EndsWith("ignore", StringComparison.Ordinal);
    }

    /// <summary>The files of one folder and its subfolders (with their own names), as a source lists them.</summary>
    private sealed record Listing<TFolder>(IReadOnlyCollection<TreeEntry> Files, IReadOnlyCollection<(string Name, TFolder Folder)> Folders);

    /// <summary>
    /// The walk itself, over any source of folders: <paramref name="list"/> lists a folder (given with its
    /// relative path) or throws <see cref="TreeWalkException"/> to have it reported and skipped;
    /// <paramref name="readIgnoreFile"/> returns an ignore file's text, or null after reporting why not.
    /// </summary>
    private static IEnumerable<TreeEntry> Walk<TFolder>(
        TFolder root,
        Func<TFolder, string, Listing<TFolder>> list,
        Func<TreeEntry, string?> readIgnoreFile,
        Action<TreeWalkException> onError,
        CancellationToken cancellationToken)
    {
        var pending = new Stack<(TFolder Folder, string RelativePath, IgnoreRules Rules)>();
        pending.Push((root, string.Empty, IgnoreRules.Empty));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (folder, relativeFolder, inherited) = pending.Pop();

            Listing<TFolder> listing;
            try
            {
                listing = list(folder, relativeFolder);
            }
            catch (TreeWalkException e)
            {
                onError(e);
                continue;
            }

            var rules = inherited;
            if (listing.Files.FirstOrDefault(file => file.Name == IgnoreFileName) is { } ignoreFile
                && readIgnoreFile(ignoreFile) is { } text)
            {
                rules = inherited.Extend(ParseIgnoreFile(ignoreFile, text, onError));
            }

            var files = TreeEntryOrder.Sort(listing.Files, file => file.Name);
            foreach (var file in files.Where(file => IsIgnoreFile(file.Name)).Concat(files.Where(file => !IsIgnoreFile(file.Name))))
            {
                if (!file.Name.EndsWith(MetadataSuffix, StringComparison.Ordinal) && !rules.IsIgnored(file.RelativePath))
                {
                    yield return file;
                }
            }

            var folders = TreeEntryOrder.Sort(listing.Folders, folder => folder.Name);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                var relative = Join(relativeFolder, folders[i].Name);
                if (!rules.IsIgnoredFolder(relative))
                {
                    pending.Push((folders[i].Folder, relative, rules));
                }
            }
        }
    }

    private static List<IgnorePattern> ParseIgnoreFile(TreeEntry ignoreFile, string text, Action<TreeWalkException> onError)
    {
        var errors = new List<string>();
        var patterns = IgnoreRules.ParseFile(text, errors);
        foreach (var error in errors)
        {
            onError(new TreeWalkException(ignoreFile.FullPath ?? ignoreFile.RelativePath, error));
        }

        return patterns;
    }

    private static string Join(string relativeFolder, string name) =>
        relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
}
