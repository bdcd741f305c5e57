using System.IO.Hashing;

namespace Accession.Iscc.DataCode;

/// <summary>
/// Chunks, hashes and MinHashes one long piece of memory on several threads at once, exactly as the
/// sequential chain would (shared/specs/iscc-sum.md §1.3–§1.6): the piece is cut into segments, every
/// segment is chunked speculatively from its own first byte by whichever thread claims it
/// (<see cref="Help"/>), and <see cref="Join"/> then follows the exact chain through the segments.
/// </summary>
/// <remarks>
/// <para>
/// Why the join is exact. The length of the chunk that starts at x depends only on the bytes
/// <c>[x, x + min(MaxSize, n − x))</c> (§1.3). So a chain of chunk starts is a function of its first
/// element: if two chains share one start, every later start of one is a start of the other. A
/// segment's speculative chain is cut from a slice that reaches MaxSize bytes past the segment's end
/// (or to the end of the piece), so each of its chunks that starts inside the segment has the length
/// it has in the whole piece. The exact chain enters segment k at e, the end of its last chunk that
/// started before the segment (e may lie past the segment, which then holds no exact start and is
/// skipped). From e the joiner walks the exact starts and the speculative starts of the segment in
/// increasing order together; at the first start they share, the rest of the segment's exact chain
/// is the rest of the speculative one, features included. Before that start, the joiner chunks and
/// hashes the exact chunks itself. Every exact chunk starts in exactly one segment and is counted
/// there once; min is commutative, associative and idempotent, so the per-permutation minima equal
/// the sequential ones (§1.6), and the chunk that reaches the end of the piece is left out as the
/// tail carry (§1.4).
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
/// Threads. Any number of threads may call <see cref="Help"/> at the same time; segments are claimed
/// with an interlocked counter. <see cref="Join"/> runs on one thread after every <see cref="Help"/>
/// call has returned. The memory must stay readable and unchanged from <see cref="Start"/> to the end
/// of <see cref="Join"/>. One instance serves one piece at a time and may be reused.
/// </para>
/// </remarks>
internal sealed unsafe class SpeculativeChunking
{
    /// <summary>Segment length for large pieces: the lane chunker's blocks and the features stay in L2.</summary>
    public const int DefaultSegmentLength = 1 << 20;

    /// <summary>
    /// Workers fold the features of chunks that start this far or more past the segment start into
    /// the segment's own minima; the joiner folds the few before. The exact chain enters a segment
    /// less than MaxSize past its start and almost always meets the speculative one at once.
    /// </summary>
    private const int JoinAllowance = 2 * CdcConstants.MaxSize;

    private const int LengthBatch = 512;

    private int _segmentLength;
    private Segment[] _segments = [];
    private byte* _data;
    private int _length;
    private int _segmentCount;
    private int _nextSegment;

    /// <summary>The segment length for a piece of <paramref name="length"/> bytes shared by <paramref name="threads"/> threads.</summary>
    public static int SegmentLengthFor(long length, int threads) =>
        (int)Math.Clamp(length / (8L * threads), 64 << 10, DefaultSegmentLength);

    /// <summary>Sets the piece to chunk; <paramref name="data"/> starts at a chunk start of the exact chain.</summary>
    public void Start(byte* data, int length, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentLength, 1);
        if (segmentLength != _segmentLength)
        {
            _segmentLength = segmentLength;
            _segments = [];
        }

        _data = data;
        _length = length;
        _segmentCount = (int)(((long)length + _segmentLength - 1) / _segmentLength);
        _nextSegment = -1;
        if (_segments.Length < _segmentCount)
        {
            Array.Resize(ref _segments, _segmentCount);
        }
    }

    /// <summary>Chunks unclaimed segments speculatively until none is left.</summary>
    public void Help()
    {
        var lengths = new int[LengthBatch];
        var bounds = new int[LengthBatch + 1];
        while (true)
        {
            var k = Interlocked.Increment(ref _nextSegment);
            if (k >= _segmentCount)
            {
                return;
            }

            var segment = _segments[k] ??= new Segment(_segmentLength);
            segment.Chunk(_data, _length, (long)k * _segmentLength, Math.Min((long)(k + 1) * _segmentLength, _length), lengths, bounds);
        }
    }

    /// <summary>
    /// Follows the exact chain through the speculative segments, folds every chunk's feature but the
    /// last into <paramref name="minima"/>, and returns the offset at which the last chunk (the tail
    /// carry) starts.
    /// </summary>
    public int Join(Span<ulong> minima, ref SpeculationCounters counters)
    {
        var features = new uint[LengthBatch];
        long exact = 0;
        long tailStart = 0;
        for (var k = 0; k < _segmentCount; k++)
        {
            var segment = _segments[k];
            var segmentEnd = Math.Min((long)(k + 1) * _segmentLength, _length);
            counters.Segments++;
            if (exact >= segmentEnd)
            {
                counters.DiscardedBytes += segment.End - segment.Start;
                continue;
            }

            // Before the chains meet, the joiner cuts exact chunks one at a time (the batch chunker
            // would cut a whole block ahead, most of it for nothing).
            var j = 0;
            var hashed = 0;
            while (true)
            {
                while (j < segment.Count && segment.Starts[j] < exact)
                {
                    j++;
                }

                if ((j < segment.Count && segment.Starts[j] == exact) || exact >= segmentEnd)
                {
                    break;
                }

                var chunk = new ReadOnlySpan<byte>(_data + exact, (int)(Math.Min(segmentEnd + CdcConstants.MaxSize, _length) - exact));
                chunk = chunk[..CdcChunker.FindCutPoint(chunk)];
                if (exact + chunk.Length == _length)
                {
                    tailStart = exact;
                }
                else
                {
                    features[hashed++] = XxHash32.HashToUInt32(chunk);
                    if (hashed == features.Length)
                    {
                        MinHash.Update(minima, features);
                        hashed = 0;
                    }
                }

                counters.SerialBytes += chunk.Length;
                exact += chunk.Length;
            }

            MinHash.Update(minima, features.AsSpan(0, hashed));
            if (j >= segment.Count || segment.Starts[j] != exact)
            {
                j = -1;
            }

            if (j < 0)
            {
                counters.DiscardedBytes += segment.End - segment.Start;
                continue;
            }

            counters.Joins++;
            counters.DiscardedBytes += segment.Starts[j] - segment.Start;
            var hashedEnd = segment.Count;
            if (segment.ReachesEnd(_length))
            {
                hashedEnd--;
                tailStart = segment.Starts[hashedEnd];
            }

            if (j <= segment.SuffixFrom)
            {
                MinHash.Update(minima, segment.Features.AsSpan(j, Math.Min(segment.SuffixFrom, hashedEnd) - j));
                Combine(minima, segment.SuffixMinima);
            }
            else
            {
                MinHash.Update(minima, segment.Features.AsSpan(j, hashedEnd - j));
            }

            exact = segment.End;
        }

        return (int)tailStart;
    }

    private static void Combine(Span<ulong> minima, ReadOnlySpan<ulong> other)
    {
        for (var i = 0; i < MinHash.Permutations; i++)
        {
            minima[i] = Math.Min(minima[i], other[i]);
        }
    }

    /// <summary>One segment's speculative chain: its chunks that start inside the segment.</summary>
    private sealed class Segment(int segmentLength)
    {
        public long Start { get; private set; }

        /// <summary>The end of the last chunk, at or past the segment's end.</summary>
        public long End { get; private set; }

        public int Count { get; private set; }

        // Every chunk but the last of the piece is longer than MinSize, so this many starts fit.
        public long[] Starts { get; } = new long[(segmentLength / CdcConstants.MinSize) + 2];

        public uint[] Features { get; } = new uint[(segmentLength / CdcConstants.MinSize) + 2];

        /// <summary>Chunks from this index on (but the tail) are folded into <see cref="SuffixMinima"/>.</summary>
        public int SuffixFrom { get; private set; }

        public ulong[] SuffixMinima { get; } = new ulong[MinHash.Permutations];

        public bool ReachesEnd(long length) => End == length;

        public void Chunk(byte* data, long length, long start, long segmentEnd, int[] lengths, int[] bounds)
        {
            Start = start;
            var sliceEnd = Math.Min(segmentEnd + CdcConstants.MaxSize, length);
            var slice = new ReadOnlySpan<byte>(data + start, (int)(sliceEnd - start));
            var position = 0;
            Count = 0;
            while (start + position < segmentEnd)
            {
                var count = CdcChunker.FindCutPoints(slice[position..], lengths);
                var taken = 0;
                bounds[0] = position;
                while (taken < count && start + bounds[taken] < segmentEnd)
                {
                    Starts[Count + taken] = start + bounds[taken];
                    bounds[taken + 1] = bounds[taken] + lengths[taken];
                    taken++;
                }

                Xxh32Lanes.HashChunks(slice, bounds.AsSpan(0, taken + 1), Features.AsSpan(Count, taken));
                Count += taken;
                position = bounds[taken];
            }

            End = start + position;

            var suffixFrom = 0;
            while (suffixFrom < Count && Starts[suffixFrom] - start < JoinAllowance)
            {
                suffixFrom++;
            }

            SuffixFrom = suffixFrom;
            var hashedEnd = End == length ? Count - 1 : Count;
            MinHash.Initialize(SuffixMinima);
            MinHash.Update(SuffixMinima, Features.AsSpan(suffixFrom, Math.Max(0, hashedEnd - suffixFrom)));
        }
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
