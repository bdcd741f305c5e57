using System.Numerics;
using Accession.Iscc.Platform;

namespace Accession.Iscc.Blake3;

/// <summary>
/// Compresses a large power-of-two subtree on several cores (shared/specs/iscc-sum.md §5.8, the
/// fork-join point of <c>compress_subtree_wide</c>). The subtree is cut into equal power-of-two pieces,
/// each piece becomes one chaining value on whichever core is free, and the layers above them are
/// compressed as usual. The tree is fixed by the input alone, so the result does not depend on how the
/// pieces were scheduled.
/// </summary>
internal static class Blake3ParallelSubtree
{
    /// <summary>
    /// Pieces per thread: enough to even out a core that is busy with something else, and, for a
    /// mapped file, to keep little of it mapped at once (a GiB on two threads: 16 MiB pieces).
    /// </summary>
    private const int PiecesPerThread = 32;

    /// <summary>
    /// Writes the two chaining values under the subtree's top node and returns 2. With
    /// <paramref name="releaseInput"/> the input lies in a file mapping, and each piece's pages are
    /// released (<see cref="MappedMemory"/>) by the thread that hashed it.
    /// </summary>
    public static unsafe int Compress(
        Blake3Backend backend,
        ReadOnlySpan<byte> input,
        in Words8 key,
        ulong chunkCounter,
        uint flags,
        int parallelism,
        bool releaseInput,
        Span<byte> output)
    {
        var pieceLength = Math.Max(
            Blake3Subtree.ParallelPieceLength,
            (int)BitOperations.RoundUpToPowerOf2((uint)(input.Length / parallelism / PiecesPerThread)));
        var pieces = input.Length / pieceLength;
        var cvs = new byte[pieces * Blake3Constants.OutLength];
        var sharedKey = key;
        Blake3Warmup.StartOnce(backend);
        fixed (byte* start = input)
        {
            var address = (nint)start;
            Blake3ForkJoin.Run(pieces, parallelism, piece =>
            {
                var bytes = new ReadOnlySpan<byte>((byte*)address + ((long)piece * pieceLength), pieceLength);
                var counter = chunkCounter + ((ulong)piece * (ulong)(pieceLength / Blake3Constants.ChunkLength));
                Span<byte> children = stackalloc byte[2 * Blake3Constants.OutLength];
                Blake3Subtree.CompressToParentNode(backend, bytes, sharedKey, counter, flags, 1, children);
                Blake3Output.Parent(children, sharedKey, flags)
                    .ChainingValue(backend, cvs.AsSpan(piece * Blake3Constants.OutLength, Blake3Constants.OutLength));
                if (releaseInput)
                {
                    MappedMemory.Release(bytes);
                }
            });
        }

        var layer = cvs.AsSpan();
        var count = pieces;
        Span<byte> parents = new byte[cvs.Length / 2];
        while (count > 2)
        {
            count = Blake3Subtree.CompressParents(backend, layer[..(count * Blake3Constants.OutLength)], key, flags, parents);
            parents[..(count * Blake3Constants.OutLength)].CopyTo(layer);
        }

        layer[..(2 * Blake3Constants.OutLength)].CopyTo(output);
        return 2;
    }
}
