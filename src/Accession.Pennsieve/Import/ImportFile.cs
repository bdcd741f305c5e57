using Accession.OmeZarr.Archives;

namespace Accession.Pennsieve.Import;

/// <summary>One file of an import: its client-chosen upload key, its path in the asset, and where its bytes are.</summary>
/// <param name="UploadKey">A random UUID, lower-case and hyphenated (shared/specs/pennsieve-import.md §1.5).</param>
/// <param name="FilePath"><c>asset_name/relative/posix/path</c> (§2.4).</param>
/// <param name="Entry">The archive entry that holds the bytes.</param>
public sealed record ImportFile(string UploadKey, string FilePath, ArchiveEntry Entry);
