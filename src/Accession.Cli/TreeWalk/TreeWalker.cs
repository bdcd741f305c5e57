using System.IO.Enumeration;
using System.Text;
using Accession.Cli.Terminal;
using Accession.OmeZarr.Archives;

namespace Accession.Cli.TreeWalk;

/// <summary>
/// TREEWALK-ISCC (iscc-sum docs/specifications/treewalk.md §4–§6): the files below a folder in a
/// deterministic order. In each folder, entries sort by <see cref="TreeEntryOrder"/>; ignore files
/// (<c>.*ignore</c>) come first, then the other files, then each subfolder depth-first. Symbolic links
/// are neither followed nor yielded, nor are FIFOs, sockets and devices; <c>.isccignore</c> patterns
/// cascade from the root down; files ending in <c>.iscc.json</c> are always left out. Folders are
/// never yielded.
/// </summary>
internal static class TreeWalker
{
    /// <summary>The ignore file TREEWALK-ISCC reads in every folder.</summary>
    public const string IgnoreFileName = ".isccignore";

    /// <summary>ISCC metadata files, always excluded (treewalk.md §6.2).</summary>
    public const string MetadataSuffix = ".iscc.json";

    private static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Walks the folder <paramref name="root"/>. A folder or ignore file that cannot be read is reported
    /// to <paramref name="onError"/> and skipped; without a handler the exception is thrown.
    /// </summary>
    public static IEnumerable<TreeEntry> Walk(
        string root,
        Action<TreeWalkException>? onError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        return WalkCore(root, onError ?? (e => throw e), cancellationToken);
    }

    private static IEnumerable<TreeEntry> WalkCore(
        string root, Action<TreeWalkException> onError, CancellationToken cancellationToken)
    {
        var pending = new Stack<(string FullPath, string RelativePath, IgnoreRules Rules)>();
        pending.Push((root, string.Empty, IgnoreRules.Empty));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (folder, relativeFolder, inherited) = pending.Pop();

            List<Listed> entries;
            try
            {
                entries = List(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                onError(new TreeWalkException(folder, IoErrorText.Describe(e), e));
                continue;
            }

            var rules = inherited;
            if (entries.Any(entry => !entry.IsFolder && entry.Name == IgnoreFileName))
            {
                rules = ReadIgnoreFile(Path.Join(folder, IgnoreFileName), inherited, onError);
            }

            var sorted = TreeEntryOrder.Sort(entries.Select(entry => entry.Name));
            var byName = entries.ToDictionary(entry => entry.Name, StringComparer.Ordinal);
            var files = sorted.Where(name => !byName[name].IsFolder).ToList();

            foreach (var name in files.Where(IsIgnoreFile).Concat(files.Where(name => !IsIgnoreFile(name))))
            {
                var relative = Join(relativeFolder, name);
                if (!rules.IsIgnored(relative) && !name.EndsWith(MetadataSuffix, StringComparison.Ordinal))
                {
                    yield return new TreeEntry(Path.Join(folder, name), relative, byName[name].Length);
                }
            }

            var folders = sorted.Where(name => byName[name].IsFolder).ToList();
            for (var i = folders.Count - 1; i >= 0; i--)
            {
                var relative = Join(relativeFolder, folders[i]);
                if (!rules.IsIgnoredFolder(relative))
                {
                    pending.Push((Path.Join(folder, folders[i]), relative, rules));
                }
            }
        }
    }

    /// <summary>True for names like <c>.gitignore</c> and <c>.isccignore</c>, which TREEWALK yields first.</summary>
    public static bool IsIgnoreFile(string name) =>
        name.StartsWith('.') && name.EndsWith("ignore", StringComparison.Ordinal);

    private static string Join(string relativeFolder, string name) =>
        relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;

    private static List<Listed> List(string folder)
    {
        var enumerable = new FileSystemEnumerable<Listed>(
            folder,
            static (ref FileSystemEntry entry) =>
                new Listed(entry.FileName.ToString(), entry.IsDirectory, entry.IsDirectory ? 0 : entry.Length),
            ListingOptions)
        {
            // Symbolic links (and Windows junctions) are never followed nor yielded (treewalk.md §4.3).
            // Like the reference walker, which yields only regular files, FIFOs, sockets and devices
            // are left out too: opening a FIFO would wait for a writer.
            ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0
                && (entry.IsDirectory || !FileKind.IsSpecialFile(entry.ToFullPath())),
        };
        return [.. enumerable];
    }

    private static IgnoreRules ReadIgnoreFile(string path, IgnoreRules inherited, Action<TreeWalkException> onError)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError(new TreeWalkException(path, IoErrorText.Describe(e), e));
            return inherited;
        }

        var errors = new List<string>();
        var patterns = IgnoreRules.ParseFile(text, errors);
        foreach (var error in errors)
        {
            onError(new TreeWalkException(path, error));
        }

        return inherited.Extend(patterns);
    }

    private readonly record struct Listed(string Name, bool IsFolder, long Length);
}
