namespace Accession.Omero.Hashing;

/// <summary>
/// Where a fileset's files sit relative to the folder OMERO made for the import (its template prefix:
/// the deepest folder common to the files' repository paths, shared/specs/omero.md §2.6
/// <c>original_file_paths</c>). Tree mode names the files by these paths, so the code equals
/// <c>accession iscc --tree</c> of that folder. Immutable.
/// </summary>
public sealed class FilesetLayout
{
    private FilesetLayout(string folder, IReadOnlyList<string> relativePaths)
    {
        Folder = folder;
        RelativePaths = relativePaths;
    }

    /// <summary>The template prefix, without a trailing slash (empty when the files share no folder).</summary>
    public string Folder { get; }

    /// <summary>Every file's path below <see cref="Folder"/>, in the order of the repository paths given.</summary>
    public IReadOnlyList<string> RelativePaths { get; }

    /// <summary>The name <c>iscc:source_file</c> gives the files: the file's for one, the folder's with a trailing slash for several.</summary>
    public string SourceName => RelativePaths.Count == 1 ? RelativePaths[0] : Folder[(Folder.LastIndexOf('/') + 1)..] + "/";

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

        return new FilesetLayout(string.Join('/', split[0].Take(common)), [.. split.Select(parts => string.Join('/', parts.Skip(common)))]);
    }
}
