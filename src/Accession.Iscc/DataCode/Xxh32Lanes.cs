using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.DataCode;

/// <summary>
/// XXH32 (seed 0) of many chunks at once: the Data-Code features (shared/specs/iscc-sum.md §1.5).
/// One chunk's XXH32 is a chain of dependent multiplies; eight chunks side by side in the lanes of
/// AVX2 vectors hide that latency. Each lane takes the next chunk as soon as its current one runs
/// out of 16-byte stripes; the few bytes after the last stripe are finished one lane at a time.
/// Every result equals <see cref="XxHash32.HashToUInt32"/>, which is the reference the tests use.
/// </summary>
internal static unsafe class Xxh32Lanes
{
    private const uint Prime1 = 0x9E3779B1U;
    private const uint Prime2 = 0x85EBCA77U;
    private const uint Prime3 = 0xC2B2AE3DU;
    private const uint Prime4 = 0x27D4EB2FU;
    private const uint Prime5 = 0x165667B1U;
    private const int StripeLength = 16;
    private const int Lanes = 8;

    /// <summary>Hashes chunk i = <c>data[bounds[i]..bounds[i+1]]</c> into <c>features[i]</c>.</summary>
    public static void HashChunks(ReadOnlySpan<byte> data, ReadOnlySpan<int> bounds, Span<uint> features)
    {
        if (Avx2.IsSupported && bounds.Length > 2 * Lanes)
        {
            HashChunksVector256(data, bounds, features);
        }
        else
        {
            HashChunksScalar(data, bounds, features);
        }
    }

    /// <summary>One chunk at a time with the System.IO.Hashing implementation.</summary>
    public static void HashChunksScalar(ReadOnlySpan<byte> data, ReadOnlySpan<int> bounds, Span<uint> features)
    {
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            features[i] = XxHash32.HashToUInt32(data[bounds[i]..bounds[i + 1]]);
        }
    }

    /// <summary>Eight chunks in the eight 32-bit lanes of AVX2 vectors.</summary>
    public static void HashChunksVector256(ReadOnlySpan<byte> data, ReadOnlySpan<int> bounds, Span<uint> features)
    {
        var count = bounds.Length - 1;
        var next = 0;

        // Per lane: the chunk it hashes, and an offset such that its stripe for global step g
        // starts at data[laneBase + 16·g] (lanes start their chunks at different steps).
        var laneChunk = stackalloc int[Lanes];
        var laneBase = stackalloc long[Lanes];
        var spill = stackalloc uint[4 * Lanes];
        var remainingInit = stackalloc int[Lanes];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var chunk = NextLongChunk(data, bounds, features, ref next);
            if (chunk < 0)
            {
                // Too few chunks of a stripe or more: hash the ones already taken one by one.
                for (var l = 0; l < lane; l++)
                {
                    features[laneChunk[l]] = XxHash32.HashToUInt32(data[bounds[laneChunk[l]]..bounds[laneChunk[l] + 1]]);
                }

                return;
            }

            laneChunk[lane] = chunk;
            laneBase[lane] = bounds[chunk];
            remainingInit[lane] = (bounds[chunk + 1] - bounds[chunk]) / StripeLength;
        }

        var init1 = Vector256.Create(unchecked(Prime1 + Prime2));
        var init2 = Vector256.Create(Prime2);
        var init3 = Vector256<uint>.Zero;
        var init4 = Vector256.Create(unchecked(0U - Prime1));
        var laneIndex = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var one = Vector256<int>.One;
        var v1 = init1;
        var v2 = init2;
        var v3 = init3;
        var v4 = init4;
        var remaining = Vector256.Load(remainingInit);
        long step = 0;
        var dry = false;

        fixed (byte* basePointer = data)
        {
            while (!dry)
            {
                var offset = step * StripeLength;
                // Rows of lanes (0,4), (1,5), (2,6), (3,7); the 4×4 transposes inside each 128-bit
                // half then give the vector of word k for lanes 0..7 in order.
                var y0 = Vector256.Create(Vector128.Load(basePointer + laneBase[0] + offset), Vector128.Load(basePointer + laneBase[4] + offset)).AsUInt32();
                var y1 = Vector256.Create(Vector128.Load(basePointer + laneBase[1] + offset), Vector128.Load(basePointer + laneBase[5] + offset)).AsUInt32();
                var y2 = Vector256.Create(Vector128.Load(basePointer + laneBase[2] + offset), Vector128.Load(basePointer + laneBase[6] + offset)).AsUInt32();
                var y3 = Vector256.Create(Vector128.Load(basePointer + laneBase[3] + offset), Vector128.Load(basePointer + laneBase[7] + offset)).AsUInt32();
                var t0 = Avx2.UnpackLow(y0, y1);
                var t1 = Avx2.UnpackHigh(y0, y1);
                var t2 = Avx2.UnpackLow(y2, y3);
                var t3 = Avx2.UnpackHigh(y2, y3);
                v1 = Round(v1, Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32());
                v2 = Round(v2, Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32());
                v3 = Round(v3, Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32());
                v4 = Round(v4, Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32());
                step++;
                remaining -= one;

                var done = Vector256.Equals(remaining, Vector256<int>.Zero);
                if (done == Vector256<int>.Zero)
                {
                    continue;
                }

                v1.Store(spill);
                v2.Store(spill + Lanes);
                v3.Store(spill + (2 * Lanes));
                v4.Store(spill + (3 * Lanes));
                var finished = done.ExtractMostSignificantBits();
                while (finished != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(finished);
                    finished &= finished - 1;
                    var chunk = laneChunk[lane];
                    var stripesEnd = bounds[chunk] + ((bounds[chunk + 1] - bounds[chunk]) & ~(StripeLength - 1));
                    features[chunk] = Finish(
                        spill[lane], spill[Lanes + lane], spill[(2 * Lanes) + lane], spill[(3 * Lanes) + lane],
                        data[stripesEnd..bounds[chunk + 1]], bounds[chunk + 1] - bounds[chunk]);

                    var refill = NextLongChunk(data, bounds, features, ref next);
                    if (refill < 0)
                    {
                        laneChunk[lane] = -1;
                        dry = true;
                        continue;
                    }

                    laneChunk[lane] = refill;
                    laneBase[lane] = bounds[refill] - (step * StripeLength);
                    var mask = Vector256.Equals(laneIndex, Vector256.Create(lane));
                    remaining = Vector256.ConditionalSelect(mask, Vector256.Create((bounds[refill + 1] - bounds[refill]) / StripeLength), remaining);
                    var maskU = mask.AsUInt32();
                    v1 = Vector256.ConditionalSelect(maskU, init1, v1);
                    v2 = Vector256.ConditionalSelect(maskU, init2, v2);
                    v3 = Vector256.ConditionalSelect(maskU, init3, v3);
                    v4 = Vector256.ConditionalSelect(maskU, init4, v4);
                }
            }

            // The queue ran dry: finish the lanes still at work one by one.
            v1.Store(spill);
            v2.Store(spill + Lanes);
            v3.Store(spill + (2 * Lanes));
            v4.Store(spill + (3 * Lanes));
            for (var lane = 0; lane < Lanes; lane++)
            {
                var chunk = laneChunk[lane];
                if (chunk < 0)
                {
                    continue;
                }

                var position = (int)(laneBase[lane] + (step * StripeLength));
                features[chunk] = Continue(
                    spill[lane], spill[Lanes + lane], spill[(2 * Lanes) + lane], spill[(3 * Lanes) + lane],
                    data[position..bounds[chunk + 1]], bounds[chunk + 1] - bounds[chunk]);
            }
        }
    }

    // Optimized at first call, with Continue and Finish, as the chunker's per-chunk methods (see CdcLanes).
    /// <summary>
    /// The next chunk of at least one stripe for a lane, or −1 when none is left; shorter chunks
    /// (at most the last one of a stream) are hashed on the way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextLongChunk(ReadOnlySpan<byte> data, ReadOnlySpan<int> bounds, Span<uint> features, ref int next)
    {
        while (next + 1 < bounds.Length)
        {
            var chunk = next++;
            if (bounds[chunk + 1] - bounds[chunk] >= StripeLength)
            {
                return chunk;
            }

            features[chunk] = XxHash32.HashToUInt32(data[bounds[chunk]..bounds[chunk + 1]]);
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Round(Vector256<uint> accumulator, Vector256<uint> input)
    {
        accumulator += input * Vector256.Create(Prime2);
        accumulator = Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(accumulator, 13)
            : Vector256.ShiftLeft(accumulator, 13) | Vector256.ShiftRightLogical(accumulator, 19);
        return accumulator * Vector256.Create(Prime1);
    }

    /// <summary>Continues one chunk from its lane state: the stripes still left, then <see cref="Finish"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Continue(uint v1, uint v2, uint v3, uint v4, ReadOnlySpan<byte> rest, int length)
    {
        while (rest.Length >= StripeLength)
        {
            v1 = Round(v1, ReadWord(rest, 0));
            v2 = Round(v2, ReadWord(rest, 4));
            v3 = Round(v3, ReadWord(rest, 8));
            v4 = Round(v4, ReadWord(rest, 12));
            rest = rest[StripeLength..];
        }

        return Finish(v1, v2, v3, v4, rest, length);
    }

    /// <summary>Merges the four accumulators and hashes the last 0–15 bytes (the XXH32 tail and avalanche).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Finish(uint v1, uint v2, uint v3, uint v4, ReadOnlySpan<byte> tail, int length)
    {
        var h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
            + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        h += (uint)length;
        while (tail.Length >= 4)
        {
            h = BitOperations.RotateLeft(h + (ReadWord(tail, 0) * Prime3), 17) * Prime4;
            tail = tail[4..];
        }

        foreach (var b in tail)
        {
            h = BitOperations.RotateLeft(h + (b * Prime5), 11) * Prime1;
        }

        h ^= h >> 15;
        h *= Prime2;
        h ^= h >> 13;
        h *= Prime3;
        h ^= h >> 16;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Round(uint accumulator, uint input) =>
        BitOperations.RotateLeft(accumulator + (input * Prime2), 13) * Prime1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadWord(ReadOnlySpan<byte> bytes, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
}
