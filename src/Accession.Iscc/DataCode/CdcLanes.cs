using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.DataCode;

/// <summary>
/// Exact batch chunking with the rolling value evaluated on many lanes at once
/// (shared/specs/iscc-sum.md §1.3 rule, §1.10 performance notes).
/// </summary>
/// <remarks>
/// <para>
/// A block of the buffer is cut into <c>LaneCount</c> equal segments, and one SIMD lane per segment
/// runs the gear recurrence <c>F = (F &gt;&gt; 1) + G[b]</c> over it without ever resetting
/// ("free running"). The kernel records, per position, which lanes have <c>(F &amp; 511) == 0</c>
/// and keeps every 16th value as a checkpoint.
/// </para>
/// <para>
/// The walker then follows the real chunk chain. The map <c>p → (p &gt;&gt; 1) + g</c> is the same for
/// both, so once the chunk's exact value equals the lane's value at one position they are equal at
/// every later position until the next cut, and the walker reads the lane's cut candidates instead
/// of rolling. At a chunk start it checks the first 40 hashed bytes in closed form
/// (<see cref="RollStart"/>), which also proves whether every lane value after them equals the
/// chunk's own value, whatever the lane held before (old state is shifted out after about 32
/// bytes unless a carry survives). In the rare case it cannot prove that, and where a lane does not
/// join its neighbour, the walker rolls the exact value itself and compares it with the lane at
/// each checkpoint. Nothing is assumed: a chunk that never matches is rolled exactly to its end.
/// Candidates in the first 640 bytes of a chunk are rechecked against the stricter mask from the
/// nearest checkpoint. Lane 0 of every block starts from the exact value, so blocks join without
/// a gap; lanes 1.. warm up on the 64 bytes before their segment and join their left neighbour
/// when their value before the segment equals the neighbour's final value.
/// </para>
/// <para>
/// The methods that run per chunk are <c>AggressiveOptimization</c>: ReadyToRun cannot precompile
/// AVX-512 code, so they are compiled at run time anyway, and the tiered JIT would first run them
/// unoptimized and instrumented, calling into the runtime per loop, for as long as its background
/// thread has no free core, which is longest when every core chunks (docs/performance.md).
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class CdcLanes
{
    /// <summary>Steps per lane in a full block.</summary>
    public const int MaxSegment = 4096;

    /// <summary>Steps per lane in the smallest block; less than this many bytes per lane are rolled scalar.</summary>
    public const int MinSegment = 64;

    /// <summary>Steps each lane runs before its segment so that it has forgotten its zero start.</summary>
    public const int WarmUp = 64;

    /// <summary>A lane value is kept after every step <c>t</c> with <c>t % 16 == 15</c>.</summary>
    public const int CheckpointSpacing = 16;

    private const int MaxLanes = 16;

    /// <summary>
    /// Bytes rolled in closed form at the start of a chunk before the lanes take over: a multiple
    /// of 4 (unrolled), at most 53 (11 tested bits above bit k stay inside 64 bits), and far enough
    /// past 32 that the lanes take over almost always (they fail with probability 2^(32−40)).
    /// </summary>
    private const int StartWindow = 40;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FindCutPoints<TKernel>(ReadOnlySpan<byte> buffer, Span<int> lengths)
        where TKernel : ICdcLaneKernel
    {
        var n = buffer.Length;
        if (n == 0 || lengths.IsEmpty)
        {
            return 0;
        }

        var block = default(Block);
        var candidates = stackalloc ushort[MaxSegment];
        var checkpoints = stackalloc uint[MaxSegment / CheckpointSpacing * MaxLanes];
        var entry = stackalloc uint[MaxLanes];
        var bitmaps = stackalloc ulong[MaxLanes * MaxSegment / 64];
        block.Candidates = candidates;
        block.Checkpoints = checkpoints;
        block.Entry = entry;
        block.Bitmaps = bitmaps;
        block.Lanes = TKernel.LaneCount;

        fixed (byte* data = buffer)
        {
            var count = 0;
            var start = 0;
            while (true)
            {
                var length = n - start <= CdcConstants.MinSize ? n - start : NextChunk<TKernel>(data, n, start, ref block);
                lengths[count++] = length;
                start += length;
                if (start == n || count == lengths.Length)
                {
                    return count;
                }
            }
        }
    }

    /// <summary>The length of the chunk at <paramref name="s"/>, which has more than 256 bytes left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextChunk<TKernel>(byte* data, int n, int s, ref Block block)
        where TKernel : ICdcLaneKernel
    {
        var limit = s + Math.Min(CdcConstants.MaxSize, n - s);
        var x = s + CdcConstants.MinSize;
        uint p = 0;
        var synced = false;
        if (x >= block.Start && block.End - x > StartWindow && limit - x >= StartWindow)
        {
            var start = RollStart(data, s, x);
            if (start > 0)
            {
                return start;
            }

            if (start < 0)
            {
                x += StartWindow;
                synced = true;
            }
        }

        while (true)
        {
            if (x >= block.End)
            {
                if (!TryComputeBlock<TKernel>(data, x, n, p, ref block))
                {
                    return RollExact(data, s, x, limit, p);
                }

                synced = true;
            }

            var lane = (x - block.Start) >> block.Shift;
            var segmentStart = block.Start + (lane << block.Shift);
            var end = Math.Min(segmentStart + block.Segment, limit);
            if (!synced)
            {
                synced = x == segmentStart && p == block.Entry[lane];
                if (!synced)
                {
                    var result = RollUntilSynced(data, s, x, end, ref p, block.Checkpoints + lane, block.Lanes, segmentStart);
                    if (result > 0)
                    {
                        return result;
                    }

                    if (result == 0)
                    {
                        x = end;
                        if (x == limit)
                        {
                            return limit - s;
                        }

                        continue;
                    }

                    x = -result;
                }
            }

            var from = x - segmentStart;
            var to = end - segmentStart;
            while (true)
            {
                var t = NextCandidate(block.Bitmaps + lane, block.Lanes, from, to);
                if (t < 0)
                {
                    break;
                }

                if (segmentStart + t - s >= CdcConstants.CenterSize || IsSmallMaskCut(data, segmentStart, t, lane, ref block))
                {
                    return segmentStart + t + 1 - s;
                }

                from = t + 1;
            }

            x = end;
            if (x == limit)
            {
                return limit - s;
            }

            // Leaving the segment: carry its last value exactly and try to join the next lane.
            p = block.Checkpoints[((block.Segment / CheckpointSpacing) - 1) * block.Lanes + lane];
            synced = false;
        }
    }

    /// <summary>Runs the kernel over the largest block that fits from <paramref name="x"/>; false if none fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryComputeBlock<TKernel>(byte* data, int x, int n, uint p, ref Block block)
        where TKernel : ICdcLaneKernel
    {
        var lanes = block.Lanes;
        var available = n - x;
        var shift = BitOperations.Log2(MaxSegment);
        while ((lanes << shift) > available && shift > BitOperations.Log2(MinSegment))
        {
            shift--;
        }

        var segment = 1 << shift;
        if (lanes * segment > available)
        {
            return false;
        }

        TKernel.Run(data + x, segment, p, block.Candidates, block.Checkpoints, block.Entry);
        block.Start = x;
        block.End = x + lanes * segment;
        block.Segment = segment;
        block.Shift = shift;
        block.Words = segment / 64;
        BuildBitmaps(ref block);
        return true;
    }

    /// <summary>
    /// Turns the per-step lane masks into candidate bitmaps: word <c>w</c> of lane <c>j</c> (at
    /// <c>Bitmaps[w·Lanes + j]</c>) has bit <c>t</c> set when step <c>64w + t</c> is a candidate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildBitmaps(ref Block block)
    {
        if (block.Lanes == MaxLanes && Gfni.V512.IsSupported && Avx512Vbmi.IsSupported)
        {
            TransposeBitmaps(block.Candidates, block.Segment, block.Bitmaps);
            return;
        }

        var lanes = block.Lanes;
        var bitmaps = block.Bitmaps;
        var candidates = block.Candidates;
        new Span<ulong>(bitmaps, lanes * block.Words).Clear();
        for (var t0 = 0; t0 < block.Segment; t0 += Vector128<ushort>.Count)
        {
            // Candidates are rare (about one step in 32 has any), so skip 8 steps at a time.
            if (Vector128.Load(candidates + t0) == Vector128<ushort>.Zero)
            {
                continue;
            }

            for (var t = t0; t < t0 + Vector128<ushort>.Count; t++)
            {
                uint mask = candidates[t];
                var bit = 1UL << (t & 63);
                var word = bitmaps + ((t >> 6) * lanes);
                while (mask != 0)
                {
                    word[BitOperations.TrailingZeroCount(mask)] |= bit;
                    mask &= mask - 1;
                }
            }
        }
    }

    /// <summary>
    /// The 16-lane bit-matrix transpose of <see cref="BuildBitmaps"/>, 64 steps at a time: gather
    /// 8×8 bit blocks into 64-bit words, transpose each with one affine transform (its matrix
    /// operand holds the block rows, its vector operand the unit vectors), then put each lane's
    /// eight bytes together.
    /// </summary>
    private static void TransposeBitmaps(ushort* candidates, int segment, ulong* bitmaps)
    {
        Span<byte> gather0 = stackalloc byte[64];
        Span<byte> gather1 = stackalloc byte[64];
        Span<byte> spread = stackalloc byte[64];
        for (var block = 0; block < 8; block++)
        {
            for (var row = 0; row < 8; row++)
            {
                // Row r of a block goes to byte 7 − r: the transform reads its matrix rows in reverse.
                gather0[(8 * block) + 7 - row] = (byte)(2 * ((8 * block) + row));
                gather1[(8 * block) + 7 - row] = (byte)((2 * ((8 * block) + row)) + 1);
                spread[(8 * row) + block] = (byte)((8 * block) + row);
            }
        }

        var g0 = Vector512.Create<byte>(gather0);
        var g1 = Vector512.Create<byte>(gather1);
        var out0 = Vector512.Create<byte>(spread);
        var unit = Vector512.Create(0x8040201008040201UL).AsByte();
        for (var t = 0; t < segment; t += 64)
        {
            var low = Vector512.Load((byte*)(candidates + t));
            var high = Vector512.Load((byte*)(candidates + t) + 64);
            var lanes0 = Gfni.V512.GaloisFieldAffineTransform(unit, Avx512Vbmi.PermuteVar64x8x2(low, g0, high), 0);
            var lanes1 = Gfni.V512.GaloisFieldAffineTransform(unit, Avx512Vbmi.PermuteVar64x8x2(low, g1, high), 0);
            var words = bitmaps + ((t >> 6) * MaxLanes);
            Avx512Vbmi.PermuteVar64x8(lanes0, out0).AsUInt64().Store(words);
            Avx512Vbmi.PermuteVar64x8(lanes1, out0).AsUInt64().Store(words + 8);
        }
    }

    /// <summary>
    /// Checks the first <see cref="StartWindow"/> hashed bytes of the chunk at <paramref name="s"/>
    /// (from <paramref name="x"/>) for a cut and decides whether every lane value after them equals
    /// the chunk's own value. Returns the chunk length at a cut, -1 when the lanes can take over, or 0
    /// when the caller must roll exactly.
    /// </summary>
    /// <remarks>
    /// With <c>S_k = Σ_{j=1..k} g_j·2^j</c> over the bytes from <paramref name="x"/>, the chunk's
    /// value after k bytes is <c>S_k &gt;&gt; k</c> and a lane's value, which had some q &lt; 2^32
    /// before <paramref name="x"/>, is <c>(q + S_k) &gt;&gt; k</c> (§1.10 closed form). Only the
    /// low 11 bits of the chunk's value are tested, so <c>S_k</c> mod 2^64 is enough for k ≤ 53.
    /// The two values agree for every q when adding q cannot carry into bit k, which holds when
    /// <c>S_k mod 2^k &lt; 2^k − 2^32</c>, i.e. bits 32..k−1 of <c>S_k</c> are not all ones.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RollStart(byte* data, int s, int x)
    {
        // The window ends long before chunk offset 640, so the small mask applies throughout.
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        var bytes = data + x;
        ulong sum = 0;
        for (var k = 1; k <= StartWindow; k += 4)
        {
            sum += (ulong)Unsafe.Add(ref gear, bytes[k - 1]) << k;
            if (((sum >> k) & CdcConstants.MaskS) == 0)
            {
                return x + k - s;
            }

            sum += (ulong)Unsafe.Add(ref gear, bytes[k]) << (k + 1);
            if (((sum >> (k + 1)) & CdcConstants.MaskS) == 0)
            {
                return x + k + 1 - s;
            }

            sum += (ulong)Unsafe.Add(ref gear, bytes[k + 1]) << (k + 2);
            if (((sum >> (k + 2)) & CdcConstants.MaskS) == 0)
            {
                return x + k + 2 - s;
            }

            sum += (ulong)Unsafe.Add(ref gear, bytes[k + 2]) << (k + 3);
            if (((sum >> (k + 3)) & CdcConstants.MaskS) == 0)
            {
                return x + k + 3 - s;
            }
        }

        const ulong carryBits = ((1UL << StartWindow) - 1) & ~0xFFFFFFFFUL;
        return (sum & carryBits) == carryBits ? 0 : -1;
    }

    /// <summary>
    /// Rolls the exact value of the chunk at <paramref name="s"/> from <paramref name="x"/> towards
    /// <paramref name="end"/>. Returns the chunk length at a cut, the negated next position once the
    /// value equals the lane's checkpoint, or 0 at <paramref name="end"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RollUntilSynced(byte* data, int s, int x, int end, ref uint pattern, uint* laneCheckpoints, int stride, int segmentStart)
    {
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        var p = pattern;
        while (x < end)
        {
            // Roll up to and including the next checkpoint step of the lane, then compare once.
            var checkpointEnd = segmentStart + ((x - segmentStart) | (CheckpointSpacing - 1)) + 1;
            var stop = Math.Min(checkpointEnd, end);
            for (; x < stop; x++)
            {
                p = (p >> 1) + Unsafe.Add(ref gear, data[x]);
                if ((p & (x - s < CdcConstants.CenterSize ? CdcConstants.MaskS : CdcConstants.MaskL)) == 0)
                {
                    return x + 1 - s;
                }
            }

            if (x == checkpointEnd && p == laneCheckpoints[((x - segmentStart) / CheckpointSpacing - 1) * stride])
            {
                pattern = p;
                return -x;
            }
        }

        pattern = p;
        return 0;
    }

    /// <summary>The first candidate step in [t0, t1) of the lane whose bitmap words start at <paramref name="row"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextCandidate(ulong* row, int stride, int t0, int t1)
    {
        if (t0 >= t1)
        {
            return -1;
        }

        var w = t0 >> 6;
        var last = (t1 - 1) >> 6;
        var bits = row[w * stride] & (~0UL << (t0 & 63));
        while (bits == 0)
        {
            if (++w > last)
            {
                return -1;
            }

            bits = row[w * stride];
        }

        var t = (w << 6) + BitOperations.TrailingZeroCount(bits);
        return t < t1 ? t : -1;
    }

    /// <summary>Whether the lane value after step <paramref name="t"/> also passes the 2047 mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSmallMaskCut(byte* data, int segmentStart, int t, int lane, ref Block block)
    {
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        uint p;
        int u;
        if (t < CheckpointSpacing)
        {
            p = block.Entry[lane];
            u = 0;
        }
        else
        {
            var c = (t / CheckpointSpacing) - 1;
            p = block.Checkpoints[c * block.Lanes + lane];
            u = (c + 1) * CheckpointSpacing;
        }

        for (; u <= t; u++)
        {
            p = (p >> 1) + Unsafe.Add(ref gear, data[segmentStart + u]);
        }

        return (p & CdcConstants.MaskS) == 0;
    }

    /// <summary>The plain rule from <paramref name="x"/> with value <paramref name="p"/>, where no block fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RollExact(byte* data, int s, int x, int limit, uint p)
    {
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        for (; x < limit; x++)
        {
            p = (p >> 1) + Unsafe.Add(ref gear, data[x]);
            var mask = x - s < CdcConstants.CenterSize ? CdcConstants.MaskS : CdcConstants.MaskL;
            if ((p & mask) == 0)
            {
                return x + 1 - s;
            }
        }

        return limit - s;
    }

    /// <summary>The lane results of one block; the buffers live on the caller's stack.</summary>
    private struct Block
    {
        public int Lanes;
        public int Start;
        public int End;
        public int Segment;
        public int Shift;
        public int Words;
        public ushort* Candidates;
        public uint* Checkpoints;
        public uint* Entry;
        public ulong* Bitmaps;
    }
}
