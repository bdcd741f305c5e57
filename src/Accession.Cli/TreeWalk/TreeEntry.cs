namespace Accession.Cli.TreeWalk;

/// <summary>A file found by the tree walk.</summary>
/// <param name="FullPath">The file's path on this machine (the walk root joined with the relative path).</param>
/// <param name="RelativePath">The path below the walk root, with <c>/</c> separators.</param>
/// <param name="Length">The file size in bytes when it was listed.</param>
internal readonly record struct TreeEntry(string FullPath, string RelativePath, long Length);
