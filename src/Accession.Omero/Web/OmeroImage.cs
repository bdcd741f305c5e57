namespace Accession.Omero.Web;

/// <summary>An image as the JSON API lists it: its id and name. Immutable.</summary>
public sealed record OmeroImage(long Id, string Name);

/// <summary>The files OMERO holds for an image's fileset (<c>original_file_paths</c>, shared/specs/omero.md §2.6). Immutable.</summary>
/// <param name="FilesetId">The fileset's id; images with the same one share their files.</param>
/// <param name="RepositoryPaths">Each file's path in the managed repository, folder and name.</param>
public sealed record FilesetPaths(long FilesetId, IReadOnlyList<string> RepositoryPaths);

/// <summary>One original file as the download page links it: its id and name. Immutable.</summary>
public sealed record OriginalFileLink(long Id, string Name);

/// <summary>An annotation of an image in the service's namespace. Immutable.</summary>
public sealed record ImageMapAnnotation(long Id, long ImageId, string Namespace, IReadOnlyList<KeyValuePair<string, string>> Values);
