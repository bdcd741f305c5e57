using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.Pennsieve.Import;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// What an import sends: the asset name, every file with its upload key and asset path, the manifest
/// batches, and the clutter left out. Built once before any network call; immutable.
/// </summary>
public sealed class ImportPlan
{
    private ImportPlan(string archive, OmeZarrDataset dataset, IReadOnlyList<ImportFile> files, IReadOnlyList<ArchiveEntry> junk, int batchSize)
    {
        Archive = archive;
        Dataset = dataset;
        Files = files;
        Junk = junk;
        BatchSize = batchSize;
        Batches = ManifestBatches.Split(files.Count, batchSize);
        TotalBytes = files.Sum(f => f.Entry.Length);
    }

    /// <summary>The archive file.</summary>
    public string Archive { get; }

    /// <summary>The dataset imported: the first in discovery's choice order.</summary>
    public OmeZarrDataset Dataset { get; }

    /// <summary>The asset name (<c>options.asset_name</c>, the prefix of every file path).</summary>
    public string AssetName => Dataset.Name;

    /// <summary>Every file, in archive order.</summary>
    public IReadOnlyList<ImportFile> Files { get; }

    /// <summary>Operating-system clutter in the archive, never uploaded.</summary>
    public IReadOnlyList<ArchiveEntry> Junk { get; }

    /// <summary>Files per manifest request.</summary>
    public int BatchSize { get; }

    /// <summary>The manifest requests: the first creates the import, the rest append.</summary>
    public IReadOnlyList<Range> Batches { get; }

    public long TotalBytes { get; }

    /// <summary>Plans the import of <paramref name="dataset"/> from <paramref name="reader"/>, with a fresh random upload key per file.</summary>
    public static ImportPlan Create(ArchiveReader reader, OmeZarrDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dataset);
        var files = dataset.Files
            .Select(entry => new ImportFile(Guid.NewGuid().ToString("D"), $"{dataset.Name}/{dataset.RelativePath(entry)}", entry))
            .ToList();
        var junk = reader.Entries.Where(e => ArchiveJunk.IsJunk(e.Path)).ToList();
        var batchSize = ManifestBatches.BatchSize([.. files.Select(f => f.FilePath)]);
        return new ImportPlan(reader.Location, dataset, files, junk, batchSize);
    }
}
