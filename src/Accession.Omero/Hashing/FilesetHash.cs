using Accession.Iscc;

namespace Accession.Omero.Hashing;

/// <summary>The ISCC-SUM of an image's original files and what to call them in the annotation. Immutable.</summary>
/// <param name="Result">The ISCC-SUM.</param>
/// <param name="SourceFile">The file name, or for several files the fileset folder's name with a trailing slash (like <c>iscc --tree</c>).</param>
/// <param name="FileCount">How many files were hashed.</param>
public sealed record FilesetHash(IsccSumResult Result, string SourceFile, int FileCount);
