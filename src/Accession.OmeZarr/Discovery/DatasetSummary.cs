namespace Accession.OmeZarr.Discovery;

/// <summary>One resolution level of an image.</summary>
/// <param name="Path">The dataset path, relative to the image group.</param>
/// <param name="Shape">The array shape.</param>
/// <param name="DataType">The normalised data type, e.g. <c>uint16</c>.</param>
/// <param name="ChunkShape">The chunk shape (the shard shape with sharding).</param>
/// <param name="InnerChunkShape">The sharding codec's inner chunk shape, or null.</param>
/// <param name="Codecs">Each codec described, e.g. <c>blosc(cname=lz4, clevel=5, shuffle=1)</c>.</param>
/// <param name="ChunkKeyEncoding">The chunk key encoding, e.g. <c>v2 "/"</c>.</param>
/// <param name="DimensionNames">v3 dimension names, or null.</param>
public sealed record LevelSummary(
    string Path,
    IReadOnlyList<long> Shape,
    string DataType,
    IReadOnlyList<long> ChunkShape,
    IReadOnlyList<long>? InnerChunkShape,
    IReadOnlyList<string> Codecs,
    string ChunkKeyEncoding,
    IReadOnlyList<string?>? DimensionNames);

/// <summary>A multiscales image of a dataset (the first multiscales entry of its group).</summary>
/// <param name="Path">The group path relative to the dataset root; "" for the root.</param>
/// <param name="Name">The multiscales <c>name</c>, if any.</param>
/// <param name="Axes">The axes names (empty when not declared).</param>
/// <param name="Levels">The readable resolution levels.</param>
/// <param name="IsLabel">Whether the group is a label image.</param>
/// <param name="Labels">The label images listed in its <c>labels</c> group.</param>
public sealed record ImageSummary(string Path, string? Name, IReadOnlyList<string> Axes, IReadOnlyList<LevelSummary> Levels, bool IsLabel, IReadOnlyList<string> Labels);

/// <summary>A plate of a dataset.</summary>
public sealed record PlateSummary(string Path, string? Name, int Rows, int Columns, int Wells, int Acquisitions, int? FieldCount);

/// <summary>What a dataset holds, from its metadata only.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Images">Every multiscales image (field images and label images included), in path order.</param>
/// <param name="Plates">Every plate.</param>
/// <param name="GroupCount">Zarr groups in the hierarchy.</param>
/// <param name="ArrayCount">Zarr arrays in the hierarchy.</param>
public sealed record DatasetSummary(OmeZarrDataset Dataset, IReadOnlyList<ImageSummary> Images, IReadOnlyList<PlateSummary> Plates, int GroupCount, int ArrayCount);
