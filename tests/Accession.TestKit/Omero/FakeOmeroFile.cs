namespace Accession.TestKit.Omero;

/// <summary>
/// An OriginalFile of the fake OMERO (spec omero.md §4): <see cref="Path"/> is the repository folder
/// (the fileset's template prefix plus the file's own folders, ending with <c>/</c>), <see cref="Name"/>
/// the file name. Immutable.
/// </summary>
public sealed record FakeOmeroFile(
    long Id,
    string Name,
    string Path,
    string ClientPath,
    string MimeType,
    FakeFileContent Content)
{
    /// <summary>The file size in bytes.</summary>
    public long Size => Content.Length;

    /// <summary><see cref="Path"/> + <see cref="Name"/>, as <c>original_file_paths</c> lists it under <c>repo</c>.</summary>
    public string RepositoryPath => Path + Name;
}
