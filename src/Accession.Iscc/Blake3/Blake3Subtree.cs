using System.Numerics;

namespace Accession.Iscc.Blake3;

/// <summary>
/// Compresses a whole subtree of input with hash_many, many chunks and then many parents at a time
/// (shared/specs/iscc-sum.md §5.8; C <c>blake3_compress_subtree_wide</c> and its helpers).
/// The results are chaining values of non-root nodes: never fewer than two, so the root is never
/// compressed here.
/// </summary>
internal static class Blake3Subtree
{
    /// <summary>Room for the chaining values one level returns (C <c>MAX_SIMD_DEGREE_OR_2</c>).</summary>
    public const int MaxSimdDegreeOr2 = 16;

    /// <summary>
    /// The smallest piece of input given to one thread. Below about 128 KiB the cost of handing
    /// work to another core outweighs the gain (shared/specs/iscc-sum.md §5.8, Rust and C advice).
    /// </summary>
    public const int ParallelPieceLength = 128 * 1024;

    /// <summary>
    /// Condenses <paramref name="input"/> (more than one chunk; chunk <paramref name="chunkCounter"/>
    /// first) to exactly two chaining values, left ‖ right, in <paramref name="output"/> (64 bytes).
    /// With <paramref name="parallelism"/> above 1 a large power-of-two subtree is split across cores;
    /// <paramref name="releaseInput"/> says the input is mapped from a file and may be released as it
    /// is hashed.
    /// </summary>
    public static void CompressToParentNode(
        Blake3Backend backend,
        ReadOnlySpan<byte> input,
        in Words8 key,
        ulong chunkCounter,
        uint flags,
        int parallelism,
        Span<byte> output,
        bool releaseInput = false)
    {
        Span<byte> cvs = stackalloc byte[MaxSimdDegreeOr2 * Blake3Constants.OutLength];
        var count = parallelism > 1 && input.Length >= 2 * ParallelPieceLength && BitOperations.IsPow2(input.Length)
            ? Blake3ParallelSubtree.Compress(backend, input, key, chunkCounter, flags, parallelism, releaseInput, cvs)
            : CompressWide(backend, input, key, chunkCounter, flags, cvs);

        // A wide backend returns up to its degree of values; fold them pairwise down to two.
        Span<byte> parents = stackalloc byte[MaxSimdDegreeOr2 * Blake3Constants.OutLength / 2];
        while (count > 2)
        {
            count = CompressParents(backend, cvs[..(count * Blake3Constants.OutLength)], key, flags, parents);
            parents[..(count * Blake3Constants.OutLength)].CopyTo(cvs);
        }

        cvs[..(2 * Blake3Constants.OutLength)].CopyTo(output);
    }

    /// <summary>
    /// compress_subtree_wide: writes the chaining values of the top of this subtree and returns how many
    /// (at most <see cref="MaxSimdDegreeOr2"/>; at least two when the input is longer than one chunk).
    /// </summary>
    public static int CompressWide(Blake3Backend backend, ReadOnlySpan<byte> input, in Words8 key, ulong chunkCounter, uint flags, Span<byte> output)
    {
        var degree = Blake3Dispatch.Degree(backend);
        if (input.Length <= degree * Blake3Constants.ChunkLength)
        {
            return CompressChunks(backend, input, key, chunkCounter, flags, output);
        }

        var leftLength = LeftSubtreeLength(input.Length);
        var rightCounter = chunkCounter + (ulong)(leftLength / Blake3Constants.ChunkLength);

        // The portable backend (degree 1) still returns two values per side above the chunk level,
        // so the right half's values start after two.
        if (leftLength > Blake3Constants.ChunkLength && degree == 1)
        {
            degree = 2;
        }

        Span<byte> cvs = stackalloc byte[2 * MaxSimdDegreeOr2 * Blake3Constants.OutLength];
        var leftCount = CompressWide(backend, input[..leftLength], key, chunkCounter, flags, cvs);
        var rightCount = CompressWide(backend, input[leftLength..], key, rightCounter, flags, cvs[(degree * Blake3Constants.OutLength)..]);

        // Degree 1: one value per side, returned as they are so there are still two.
        if (leftCount == 1)
        {
            cvs[..(2 * Blake3Constants.OutLength)].CopyTo(output);
            return 2;
        }

        return CompressParents(backend, cvs[..((leftCount + rightCount) * Blake3Constants.OutLength)], key, flags, output);
    }

    /// <summary>
    /// The length of the left subtree: the largest power-of-two number of whole chunks that leaves at
    /// least one byte for the right (shared/specs/iscc-sum.md §5.4).
    /// </summary>
    public static int LeftSubtreeLength(int inputLength)
    {
        var fullChunks = (uint)(inputLength - 1) / Blake3Constants.ChunkLength;
        return (1 << BitOperations.Log2(fullChunks | 1)) * Blake3Constants.ChunkLength;
    }

    /// <summary>compress_chunks_parallel: hash_many over the whole chunks, then the partial one if any.</summary>
    private static int CompressChunks(Blake3Backend backend, ReadOnlySpan<byte> input, in Words8 key, ulong chunkCounter, uint flags, Span<byte> output)
    {
        var wholeChunks = input.Length / Blake3Constants.ChunkLength;
        var wholeLength = wholeChunks * Blake3Constants.ChunkLength;
        Blake3Dispatch.HashMany(
            backend,
            input[..wholeLength],
            Blake3Constants.ChunkLength / Blake3Constants.BlockLength,
            key,
            chunkCounter,
            incrementCounter: true,
            flags,
            Blake3Constants.ChunkStart,
            Blake3Constants.ChunkEnd,
            output);
        if (input.Length == wholeLength)
        {
            return wholeChunks;
        }

        var chunk = new Blake3ChunkState(key, chunkCounter + (ulong)wholeChunks, flags);
        chunk.Update(backend, input[wholeLength..]);
        chunk.Output().ChainingValue(backend, output.Slice(wholeChunks * Blake3Constants.OutLength, Blake3Constants.OutLength));
        return wholeChunks + 1;
    }

    /// <summary>compress_parents_parallel: one layer of parents over pairs of values; an odd one is carried up.</summary>
    public static int CompressParents(Blake3Backend backend, ReadOnlySpan<byte> childCvs, in Words8 key, uint flags, Span<byte> output)
    {
        var count = childCvs.Length / Blake3Constants.OutLength;
        var parents = count / 2;
        Blake3Dispatch.HashMany(
            backend,
            childCvs[..(parents * 2 * Blake3Constants.OutLength)],
            1,
            key,
            0,
            incrementCounter: false,
            flags | Blake3Constants.Parent,
            0,
            0,
            output);
        if (count == parents * 2)
        {
            return parents;
        }

        childCvs.Slice(parents * 2 * Blake3Constants.OutLength, Blake3Constants.OutLength)
            .CopyTo(output[(parents * Blake3Constants.OutLength)..]);
        return parents + 1;
    }
}
