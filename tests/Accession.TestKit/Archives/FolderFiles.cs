namespace Accession.TestKit.Archives;

/// <summary>The files below a folder as (relative '/'-separated path, full path), in ordinal order; links are skipped.</summary>
public static class FolderFiles
{
    public static IReadOnlyList<(string Relative, string Full)> List(string folder)
    {
        var root = Path.GetFullPath(folder);
        return
        [
            .. new DirectoryInfo(root)
                .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Select(f => (Relative: Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), Full: f.FullName))
                .OrderBy(f => f.Relative, StringComparer.Ordinal),
        ];
    }
}
