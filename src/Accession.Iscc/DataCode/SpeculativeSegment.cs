using System.Runtime.CompilerServices;

namespace Accession.Iscc.DataCode;

/// <summary>
/// One segment of a longer input, chunked, hashed and MinHashed speculatively from its own first
/// byte (shared/specs/iscc-sum.md §1.3–§1.6), so that several threads can chunk the segments of one
/// input at once; <see cref="DataHasher.AppendSegment"/> then joins them, in order, to the exact chain.
/// </summary>
/// <remarks>
/// <para>
/// Why the join is exact. The length of the chunk that starts at x depends only on the bytes
/// <c>[x, x + min(MaxSize, n − x))</c> (§1.3). So a chain of chunk starts is a function of its first
/// element: if two chains share one start, every later start of one is a start of the other. A
/// segment is chunked speculatively only when MaxSize bytes of the input that follows it (the
/// lookahead) are at hand, so each of its chunks that starts inside the segment ends inside the
/// bytes at hand and has the length it has in the whole input, whatever comes later. The exact chain
/// enters the segment at e, the end of its last chunk that started before the segment (e may lie
/// past the segment, which then holds no exact start and is skipped). From e the joiner walks the
/// exact starts and the speculative starts of the segment in increasing order together; at the first
/// start they share, the rest of the segment's exact chain is the rest of the speculative one,
/// features included. Before that start, the joiner chunks and hashes the exact chunks itself. Every
/// exact chunk starts in exactly one segment and is counted there once; min is commutative,
/// associative and idempotent, so the per-permutation minima equal the sequential ones (§1.6). A
/// segment without a whole lookahead (the last one of an input) is appended sequentially; its last
/// chunk stays the hasher's tail carry (§1.4).
/// </para>
/// <para>
/// When the chains meet. In varied content the speculative chain and the exact one cut at the same
/// candidate almost at once (a cut needs only the rolling value, which forgets its start after about
/// 32 bytes, and both chunks to be past the minimum size). Where no cut candidate occurs, as in a long
/// run of one byte, cuts fall only at MaxSize from each chunk's start, and two chains whose starts
/// differ by anything but a multiple of MaxSize never meet inside the run. The joiner then chunks the
/// rest of the segment itself and tries again at the next one. Its position only advances, so each
/// byte is chunked at most twice (once speculatively, once by the joiner): the work stays linear,
/// and on such input the run falls back to sequential speed plus the wasted speculation.
/// </para>
/// <para>
/// Not thread-safe: one thread sets and chunks a segment, and the joiner reads it after that thread
/// is done (the caller orders the two, for example through a lock or a task).
/// </para>
/// </remarks>
internal sealed class SpeculativeSegment
{
    /// <summary>
    /// The chunker folds the features of chunks that start this far or more past the segment start
    /// into <see cref="SuffixMinima"/>; the joiner folds the few before itself. The exact chain enters
    /// a segment less than MaxSize past its start and almost always meets the speculative one at once.
    /// </summary>
    private const int JoinAllowance = 2 * CdcConstants.MaxSize;

    private const int LengthBatch = 512;

    private readonly int[] _lengths = new int[LengthBatch];
    private readonly int[] _bounds = new int[LengthBatch + 1];
    private int[] _starts = [];
    private uint[] _features = [];

    /// <summary>The segment's bytes followed by the lookahead at hand.</summary>
    public ReadOnlyMemory<byte> Bytes { get; private set; }

    /// <summary>How many of <see cref="Bytes"/> belong to the segment; the rest is lookahead.</summary>
    public int Length { get; private set; }

    /// <summary>Whether <see cref="Chunk"/> ran for the current bytes.</summary>
    public bool IsChunked { get; private set; }

    /// <summary>Whether a whole lookahead is at hand, so that speculation is exact.</summary>
    public bool CanSpeculate => Bytes.Length - Length >= CdcConstants.MaxSize;

    /// <summary>Chunks that start inside the segment.</summary>
    public int Count { get; private set; }

    /// <summary>Where those chunks start, from the segment start.</summary>
    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    /// <summary>Their xxh32 features (§1.5).</summary>
    public ReadOnlySpan<uint> Features => _features.AsSpan(0, Count);

    /// <summary>The end of the last chunk, from the segment start: at or past <see cref="Length"/>.</summary>
    public int End { get; private set; }

    /// <summary>Chunks from this index on are folded into <see cref="SuffixMinima"/>.</summary>
    public int SuffixFrom { get; private set; }

    /// <summary>The MinHash minima of the features from <see cref="SuffixFrom"/> on (§1.6).</summary>
    public ulong[] SuffixMinima { get; } = new ulong[MinHash.Permutations];

    private static int s_featureKernelsPrepared;

    /// <summary>
    /// Runs the feature and MinHash kernels of <see cref="Chunk"/> once on a few zero bytes and
    /// throws the result away. Under ReadyToRun they are compiled at first call (see CdcLanes), and
    /// compiling the kernels <see cref="Chunk"/> needs takes far longer than chunking the first
    /// segment; a thread that starts beside one that chunks first calls this, so that the two
    /// compile different kernels at the same time instead of one waiting for the other
    /// (docs/performance.md). Runs once per process: after that the kernels are compiled.
    /// </summary>
    public static void PrepareFeatureKernels()
    {
        if (Interlocked.Exchange(ref s_featureKernelsPrepared, 1) != 0)
        {
            return;
        }

        // Enough chunks that the features take their vector path (Xxh32Lanes.HashChunks).
        const int chunks = 24;
        const int chunkLength = 64;
        Span<byte> bytes = stackalloc byte[chunks * chunkLength];
        Span<int> bounds = stackalloc int[chunks + 1];
        for (var i = 0; i < bounds.Length; i++)
        {
            bounds[i] = i * chunkLength;
        }

        Span<uint> features = stackalloc uint[chunks];
        Xxh32Lanes.HashChunks(bytes, bounds, features);
        Span<ulong> minima = stackalloc ulong[MinHash.Permutations];
        MinHash.Initialize(minima);
        MinHash.Update(minima, features);
    }

    /// <summary>Sets the bytes: the segment's <paramref name="length"/> bytes and whatever lookahead follows them.</summary>
    public void Set(ReadOnlyMemory<byte> bytes, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, bytes.Length);
        Bytes = bytes;
        Length = length;
        IsChunked = false;
        Count = 0;
    }

    // Optimized at first call, as the chunker's per-chunk methods (see CdcLanes).
    /// <summary>Chunks the segment from its first byte; needs a whole lookahead (<see cref="CanSpeculate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Chunk()
    {
        if (!CanSpeculate)
        {
            throw new InvalidOperationException("A segment is chunked speculatively only with MaxSize bytes of lookahead.");
        }

        // Every chunk that starts inside the segment but the last is at least MinSize long.
        var capacity = (Length / CdcConstants.MinSize) + 2;
        if (_starts.Length < capacity)
        {
            _starts = new int[capacity];
            _features = new uint[capacity];
        }

        var slice = Bytes.Span[..(Length + CdcConstants.MaxSize)];
        var position = 0;
        var count = 0;
        while (position < Length)
        {
            var found = CdcChunker.FindCutPoints(slice[position..], _lengths);
            var taken = 0;
            _bounds[0] = position;
            while (taken < found && _bounds[taken] < Length)
            {
                _starts[count + taken] = _bounds[taken];
                _bounds[taken + 1] = _bounds[taken] + _lengths[taken];
                taken++;
            }

            Xxh32Lanes.HashChunks(slice, _bounds.AsSpan(0, taken + 1), _features.AsSpan(count, taken));
            count += taken;
            position = _bounds[taken];
        }

        Count = count;
        End = position;
        var suffixFrom = 0;
        while (suffixFrom < count && _starts[suffixFrom] < JoinAllowance)
        {
            suffixFrom++;
        }

        SuffixFrom = suffixFrom;
        MinHash.Initialize(SuffixMinima);
        MinHash.Update(SuffixMinima, _features.AsSpan(suffixFrom, count - suffixFrom));
        IsChunked = true;
    }
}

/// <summary>What speculation cost in one run: the figures of the model in docs/performance.md.</summary>
internal struct SpeculationCounters
{
    /// <summary>Segments chunked speculatively.</summary>
    public long Segments;

    /// <summary>Segments whose exact chain met the speculative one.</summary>
    public long Joins;

    /// <summary>Bytes chunked speculatively and then thrown away (before a join, or in an unjoined segment).</summary>
    public long DiscardedBytes;

    /// <summary>Bytes the joiner chunked itself, on one thread, before a join.</summary>
    public long SerialBytes;
}
