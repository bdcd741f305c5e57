namespace Accession.OmeZarr.Validation.Container;

/// <summary>One central-directory entry: its name, its compression method, in directory order.</summary>
internal sealed record ZipEntryFact(string Path, int CompressionMethod);

/// <summary>What the RFC-9 container checks need to know about a zip file.</summary>
/// <param name="FileName">The zip's file name.</param>
/// <param name="Comment">The archive comment, or null.</param>
/// <param name="IsZip64">Whether ZIP64 end-of-central-directory records are present.</param>
/// <param name="Entries">Every central-directory entry (files and folders) in order, duplicates included.</param>
internal sealed record ZipContainerFacts(string FileName, string? Comment, bool IsZip64, IReadOnlyList<ZipEntryFact> Entries);
