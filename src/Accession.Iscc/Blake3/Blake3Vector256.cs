using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.Blake3;

/// <summary>
/// hash_many over eight inputs with AVX2 (shared/specs/iscc-sum.md §5.8), word-sliced like the
/// 16-lane kernel. Rotations by 16 and 8 are byte shuffles (vpshufb), by 12 and 7 shift-or.
/// </summary>
internal static class Blake3Vector256
{
    public const int Degree = 8;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Hashes 8 contiguous inputs of <paramref name="blocks"/> blocks each and writes their
    /// 8 chaining values (32 bytes each) to <paramref name="output"/>. Lane i uses counter
    /// <paramref name="counter"/> + i when <paramref name="incrementCounter"/> is set (chunks), else
    /// the same counter (parents).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void HashMany(
        ref readonly byte input,
        int blocks,
        in Words8 key,
        ulong counter,
        bool incrementCounter,
        uint flags,
        uint flagsStart,
        uint flagsEnd,
        ref byte output)
    {
        var stride = (nuint)blocks * Blake3Constants.BlockLength;
        var h0 = Vector256.Create(key[0]);
        var h1 = Vector256.Create(key[1]);
        var h2 = Vector256.Create(key[2]);
        var h3 = Vector256.Create(key[3]);
        var h4 = Vector256.Create(key[4]);
        var h5 = Vector256.Create(key[5]);
        var h6 = Vector256.Create(key[6]);
        var h7 = Vector256.Create(key[7]);

        // Per-lane counters: the low word may wrap, carrying one into the high word.
        var counterLow = Vector256.Create((uint)counter);
        var counterHigh = Vector256.Create((uint)(counter >> 32));
        if (incrementCounter)
        {
            var low = counterLow + Vector256<uint>.Indices;
            counterHigh -= Vector256.LessThan(low, counterLow);
            counterLow = low;
        }

        var blockLength = Vector256.Create((uint)Blake3Constants.BlockLength);
        var iv0 = Vector256.Create(Blake3Constants.IV0);
        var iv1 = Vector256.Create(Blake3Constants.IV1);
        var iv2 = Vector256.Create(Blake3Constants.IV2);
        var iv3 = Vector256.Create(Blake3Constants.IV3);
        MessageVectors256 m = default;
        ref var first = ref m[0];

        // The buffer is a local, so it does not move; a plain pointer lets each message read be one operand.
        var words = (byte*)Unsafe.AsPointer(ref first);
        ref var message = ref Unsafe.As<Vector256<uint>, byte>(ref first);
        ref var source = ref Unsafe.AsRef(in input);
        for (var b = 0; b < blocks; b++)
        {
            var blockFlags = flags;
            if (b == 0)
            {
                blockFlags |= flagsStart;
            }

            if (b == blocks - 1)
            {
                blockFlags |= flagsEnd;
            }

            // Word-slice the current block of all eight inputs: m[j] holds word j of every input.
            ref var block = ref Unsafe.Add(ref source, b * Blake3Constants.BlockLength);
            Blake3Prefetch.Rows(ref block, stride, Degree);
            Transpose(ref block, stride, ref message, (nuint)Vector256<byte>.Count);
            Transpose(ref Unsafe.Add(ref block, 32), stride, ref Unsafe.Add(ref message, 8 * Vector256<byte>.Count), (nuint)Vector256<byte>.Count);

            var v0 = h0;
            var v1 = h1;
            var v2 = h2;
            var v3 = h3;
            var v4 = h4;
            var v5 = h5;
            var v6 = h6;
            var v7 = h7;
            var v8 = iv0;
            var v9 = iv1;
            var v10 = iv2;
            var v11 = iv3;
            var v12 = counterLow;
            var v13 = counterHigh;
            var v14 = blockLength;
            var v15 = Vector256.Create(blockFlags);

            // Seven rounds; round r takes message words in the order of schedule row r.
            ref var schedule = ref MemoryMarshal.GetReference(Blake3Constants.MessageScheduleOffsets);
            for (var round = 0; round < 7; round++)
            {
                G(ref v0, ref v4, ref v8, ref v12, in Message(words, ref schedule, 0), in Message(words, ref schedule, 1));
                G(ref v1, ref v5, ref v9, ref v13, in Message(words, ref schedule, 2), in Message(words, ref schedule, 3));
                G(ref v2, ref v6, ref v10, ref v14, in Message(words, ref schedule, 4), in Message(words, ref schedule, 5));
                G(ref v3, ref v7, ref v11, ref v15, in Message(words, ref schedule, 6), in Message(words, ref schedule, 7));

                G(ref v0, ref v5, ref v10, ref v15, in Message(words, ref schedule, 8), in Message(words, ref schedule, 9));
                G(ref v1, ref v6, ref v11, ref v12, in Message(words, ref schedule, 10), in Message(words, ref schedule, 11));
                G(ref v2, ref v7, ref v8, ref v13, in Message(words, ref schedule, 12), in Message(words, ref schedule, 13));
                G(ref v3, ref v4, ref v9, ref v14, in Message(words, ref schedule, 14), in Message(words, ref schedule, 15));
                schedule = ref Unsafe.Add(ref schedule, 16);
            }

            h0 = v0 ^ v8;
            h1 = v1 ^ v9;
            h2 = v2 ^ v10;
            h3 = v3 ^ v11;
            h4 = v4 ^ v12;
            h5 = v5 ^ v13;
            h6 = v6 ^ v14;
            h7 = v7 ^ v15;
        }

        // Back to one chaining value per input: lane i of h0..h7 becomes output bytes [32i, 32i + 32).
        m[0] = h0;
        m[1] = h1;
        m[2] = h2;
        m[3] = h3;
        m[4] = h4;
        m[5] = h5;
        m[6] = h6;
        m[7] = h7;
        Transpose(ref message, (nuint)Vector256<byte>.Count, ref output, Blake3Constants.OutLength);
    }

    /// <summary>The message vector that schedule position <paramref name="index"/> of the current round names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ref readonly Vector256<uint> Message(byte* words, ref ushort schedule, int index) =>
        ref *(Vector256<uint>*)(words + ((nuint)Unsafe.Add(ref schedule, index) * 2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(ref Vector256<uint> a, ref Vector256<uint> b, ref Vector256<uint> c, ref Vector256<uint> d, ref readonly Vector256<uint> x, ref readonly Vector256<uint> y)
    {
        a = a + b + x;
        d = RotateRight16(d ^ a);
        c += d;
        b = RotateRight(b ^ c, 12);
        a = a + b + y;
        d = RotateRight8(d ^ a);
        c += d;
        b = RotateRight(b ^ c, 7);
    }

    /// <summary>
    /// Transposes an 8×8 matrix of words: row i (32 bytes at <paramref name="source"/> + i·sourceStride)
    /// becomes column i of the eight rows written at <paramref name="destinationStride"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ref byte source, nuint sourceStride, ref byte destination, nuint destinationStride)
    {
        var r0 = Vector256.LoadUnsafe(ref source, 0 * sourceStride).AsUInt32();
        var r1 = Vector256.LoadUnsafe(ref source, 1 * sourceStride).AsUInt32();
        var r2 = Vector256.LoadUnsafe(ref source, 2 * sourceStride).AsUInt32();
        var r3 = Vector256.LoadUnsafe(ref source, 3 * sourceStride).AsUInt32();
        var r4 = Vector256.LoadUnsafe(ref source, 4 * sourceStride).AsUInt32();
        var r5 = Vector256.LoadUnsafe(ref source, 5 * sourceStride).AsUInt32();
        var r6 = Vector256.LoadUnsafe(ref source, 6 * sourceStride).AsUInt32();
        var r7 = Vector256.LoadUnsafe(ref source, 7 * sourceStride).AsUInt32();

        // Interleave 32-bit words of row pairs, then 64-bit pairs of row quads: u(4g+k) holds, in
        // 128-bit half L, word 4L+k of rows 4g..4g+3. Word k + 4L then joins half L of u(k) and u(4+k).
        var t0 = Avx2.UnpackLow(r0, r1);
        var t1 = Avx2.UnpackHigh(r0, r1);
        var t2 = Avx2.UnpackLow(r2, r3);
        var t3 = Avx2.UnpackHigh(r2, r3);
        var t4 = Avx2.UnpackLow(r4, r5);
        var t5 = Avx2.UnpackHigh(r4, r5);
        var t6 = Avx2.UnpackLow(r6, r7);
        var t7 = Avx2.UnpackHigh(r6, r7);
        var u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        var u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        Avx2.Permute2x128(u0, u4, 0x20).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 0 * destinationStride));
        Avx2.Permute2x128(u0, u4, 0x31).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 4 * destinationStride));
        Avx2.Permute2x128(u1, u5, 0x20).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 1 * destinationStride));
        Avx2.Permute2x128(u1, u5, 0x31).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 5 * destinationStride));
        Avx2.Permute2x128(u2, u6, 0x20).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 2 * destinationStride));
        Avx2.Permute2x128(u2, u6, 0x31).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 6 * destinationStride));
        Avx2.Permute2x128(u3, u7, 0x20).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 3 * destinationStride));
        Avx2.Permute2x128(u3, u7, 0x31).AsByte().StoreUnsafe(ref Unsafe.Add(ref destination, 7 * destinationStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateRight16(Vector256<uint> x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create((byte)2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13)).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateRight8(Vector256<uint> x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create((byte)1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12, 1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12)).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateRight(Vector256<uint> x, [ConstantExpected] byte count) =>
        Vector256.ShiftRightLogical(x, count) | Vector256.ShiftLeft(x, 32 - count);
}
