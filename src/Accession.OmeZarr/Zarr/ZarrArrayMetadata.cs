using System.Text.Json;

namespace Accession.OmeZarr.Zarr;

/// <summary>
/// The metadata of a Zarr array, v2 (<c>.zarray</c>) or v3 (<c>zarr.json</c>), in one shape
/// (shared/specs/ome-zarr.md §1.2–§1.4).
/// </summary>
public sealed class ZarrArrayMetadata
{
    /// <summary>The Zarr format of the metadata.</summary>
    public required ZarrFormat Format { get; init; }

    /// <summary>The array shape.</summary>
    public required IReadOnlyList<long> Shape { get; init; }

    /// <summary>The chunk grid's chunk shape; with sharding this is the shard shape.</summary>
    public required IReadOnlyList<long> ChunkShape { get; init; }

    /// <summary>The inner chunk shape of the sharding codec, or null without sharding.</summary>
    public IReadOnlyList<long>? InnerChunkShape { get; init; }

    /// <summary>The data type.</summary>
    public required ZarrDataType DataType { get; init; }

    /// <summary>v2: filters then compressor; v3: the codec chain (the sharding codec's inner codecs are not flattened).</summary>
    public required IReadOnlyList<ZarrCodec> Codecs { get; init; }

    /// <summary>How chunk keys are spelled under the array folder.</summary>
    public required ChunkKeyEncoding ChunkKeyEncoding { get; init; }

    /// <summary>v2 <c>dimension_separator</c> as written, null when absent (the default "." applies).</summary>
    public string? DimensionSeparator { get; init; }

    /// <summary>v3 <c>dimension_names</c>, null when absent.</summary>
    public IReadOnlyList<string?>? DimensionNames { get; init; }

    /// <summary>The fill value (undefined when absent).</summary>
    public JsonElement FillValue { get; init; }

    /// <summary>The number of dimensions.</summary>
    public int Ndim => Shape.Count;

    /// <summary>Whether the sharding codec is used (each stored key is then a shard).</summary>
    public bool IsSharded => InnerChunkShape is not null;

    /// <summary>Chunks (or shards) per dimension: ceil(shape / chunk shape).</summary>
    public long[] GridShape()
    {
        var grid = new long[Shape.Count];
        for (var d = 0; d < grid.Length; d++)
        {
            grid[d] = ChunkShape[d] <= 0 ? 0 : (Shape[d] + ChunkShape[d] - 1) / ChunkShape[d];
        }

        return grid;
    }

    /// <summary>The number of chunk (or shard) keys the grid has, saturating at <see cref="long.MaxValue"/>.</summary>
    public long GridSize()
    {
        long total = 1;
        foreach (var n in GridShape())
        {
            if (n == 0)
            {
                return 0;
            }

            total = total > long.MaxValue / n ? long.MaxValue : total * n;
        }

        return total;
    }
}
