using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.Blake3;

/// <summary>
/// hash_many over sixteen inputs with AVX-512 (shared/specs/iscc-sum.md §5.8): the state is word-sliced,
/// so vector j holds state word j of sixteen independent chunks or parents and each G step advances
/// them all. Rotations use the native vprord.
/// </summary>
internal static class Blake3Vector512
{
    public const int Degree = 16;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Hashes 16 contiguous inputs of <paramref name="blocks"/> blocks each and writes their
    /// 16 chaining values (32 bytes each) to <paramref name="output"/>. Lane i uses counter
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
        var h0 = Vector512.Create(key[0]);
        var h1 = Vector512.Create(key[1]);
        var h2 = Vector512.Create(key[2]);
        var h3 = Vector512.Create(key[3]);
        var h4 = Vector512.Create(key[4]);
        var h5 = Vector512.Create(key[5]);
        var h6 = Vector512.Create(key[6]);
        var h7 = Vector512.Create(key[7]);

        // Per-lane counters: the low word may wrap, carrying one into the high word.
        var counterLow = Vector512.Create((uint)counter);
        var counterHigh = Vector512.Create((uint)(counter >> 32));
        if (incrementCounter)
        {
            var low = counterLow + Vector512<uint>.Indices;
            counterHigh -= Vector512.LessThan(low, counterLow);
            counterLow = low;
        }

        var blockLength = Vector512.Create((uint)Blake3Constants.BlockLength);
        var iv0 = Vector512.Create(Blake3Constants.IV0);
        var iv1 = Vector512.Create(Blake3Constants.IV1);
        var iv2 = Vector512.Create(Blake3Constants.IV2);
        var iv3 = Vector512.Create(Blake3Constants.IV3);
        MessageVectors512 m = default;
        ref var first = ref m[0];

        // The buffer is a local, so it does not move; a plain pointer lets each message read be one operand.
        var words = (byte*)Unsafe.AsPointer(ref first);
        ref var message = ref Unsafe.As<Vector512<uint>, byte>(ref first);
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

            // Word-slice the current block of all sixteen inputs: m[j] holds word j of every input.
            ref var block = ref Unsafe.Add(ref source, b * Blake3Constants.BlockLength);
            Blake3Prefetch.Rows(ref block, stride, Degree);
            Transpose(ref block, stride, ref message);

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
            var v15 = Vector512.Create(blockFlags);

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
        m[8] = default;
        m[9] = default;
        m[10] = default;
        m[11] = default;
        m[12] = default;
        m[13] = default;
        m[14] = default;
        m[15] = default;
        Transpose(ref message, (nuint)Vector512<byte>.Count, ref message);
        for (var i = 0; i < Degree; i++)
        {
            m[i].GetLower().AsByte().StoreUnsafe(ref output, (nuint)(i * Blake3Constants.OutLength));
        }
    }

    /// <summary>The message vector that schedule position <paramref name="index"/> of the current round names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ref readonly Vector512<uint> Message(byte* words, ref ushort schedule, int index) =>
        ref *(Vector512<uint>*)(words + ((nuint)Unsafe.Add(ref schedule, index) * 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(ref Vector512<uint> a, ref Vector512<uint> b, ref Vector512<uint> c, ref Vector512<uint> d, ref readonly Vector512<uint> x, ref readonly Vector512<uint> y)
    {
        a = a + b + x;
        d = Avx512F.RotateRight(d ^ a, 16);
        c += d;
        b = Avx512F.RotateRight(b ^ c, 12);
        a = a + b + y;
        d = Avx512F.RotateRight(d ^ a, 8);
        c += d;
        b = Avx512F.RotateRight(b ^ c, 7);
    }

    /// <summary>
    /// Transposes a 16×16 matrix of words: row i (64 bytes at <paramref name="source"/> + i·stride)
    /// becomes column i of the sixteen vectors written to <paramref name="destination"/>. All rows
    /// are loaded before anything is stored, so the transpose may be done in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ref byte source, nuint sourceStride, ref byte destination)
    {
        var r0 = Vector512.LoadUnsafe(ref source, 0 * sourceStride).AsUInt32();
        var r1 = Vector512.LoadUnsafe(ref source, 1 * sourceStride).AsUInt32();
        var r2 = Vector512.LoadUnsafe(ref source, 2 * sourceStride).AsUInt32();
        var r3 = Vector512.LoadUnsafe(ref source, 3 * sourceStride).AsUInt32();
        var r4 = Vector512.LoadUnsafe(ref source, 4 * sourceStride).AsUInt32();
        var r5 = Vector512.LoadUnsafe(ref source, 5 * sourceStride).AsUInt32();
        var r6 = Vector512.LoadUnsafe(ref source, 6 * sourceStride).AsUInt32();
        var r7 = Vector512.LoadUnsafe(ref source, 7 * sourceStride).AsUInt32();
        var r8 = Vector512.LoadUnsafe(ref source, 8 * sourceStride).AsUInt32();
        var r9 = Vector512.LoadUnsafe(ref source, 9 * sourceStride).AsUInt32();
        var r10 = Vector512.LoadUnsafe(ref source, 10 * sourceStride).AsUInt32();
        var r11 = Vector512.LoadUnsafe(ref source, 11 * sourceStride).AsUInt32();
        var r12 = Vector512.LoadUnsafe(ref source, 12 * sourceStride).AsUInt32();
        var r13 = Vector512.LoadUnsafe(ref source, 13 * sourceStride).AsUInt32();
        var r14 = Vector512.LoadUnsafe(ref source, 14 * sourceStride).AsUInt32();
        var r15 = Vector512.LoadUnsafe(ref source, 15 * sourceStride).AsUInt32();

        // Interleave 32-bit words of row pairs, then 64-bit pairs of row quads: u(4g+k) holds, in
        // 128-bit lane L, word 4L+k of rows 4g..4g+3.
        var t0 = Avx512F.UnpackLow(r0, r1);
        var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5);
        var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7);
        var t7 = Avx512F.UnpackHigh(r6, r7);
        var t8 = Avx512F.UnpackLow(r8, r9);
        var t9 = Avx512F.UnpackHigh(r8, r9);
        var t10 = Avx512F.UnpackLow(r10, r11);
        var t11 = Avx512F.UnpackHigh(r10, r11);
        var t12 = Avx512F.UnpackLow(r12, r13);
        var t13 = Avx512F.UnpackHigh(r12, r13);
        var t14 = Avx512F.UnpackLow(r14, r15);
        var t15 = Avx512F.UnpackHigh(r14, r15);
        var u0 = Avx512F.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u1 = Avx512F.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u2 = Avx512F.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u3 = Avx512F.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u4 = Avx512F.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u5 = Avx512F.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u6 = Avx512F.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        var u7 = Avx512F.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        var u8 = Avx512F.UnpackLow(t8.AsUInt64(), t10.AsUInt64()).AsUInt32();
        var u9 = Avx512F.UnpackHigh(t8.AsUInt64(), t10.AsUInt64()).AsUInt32();
        var u10 = Avx512F.UnpackLow(t9.AsUInt64(), t11.AsUInt64()).AsUInt32();
        var u11 = Avx512F.UnpackHigh(t9.AsUInt64(), t11.AsUInt64()).AsUInt32();
        var u12 = Avx512F.UnpackLow(t12.AsUInt64(), t14.AsUInt64()).AsUInt32();
        var u13 = Avx512F.UnpackHigh(t12.AsUInt64(), t14.AsUInt64()).AsUInt32();
        var u14 = Avx512F.UnpackLow(t13.AsUInt64(), t15.AsUInt64()).AsUInt32();
        var u15 = Avx512F.UnpackHigh(t13.AsUInt64(), t15.AsUInt64()).AsUInt32();

        // Gather the 128-bit lanes: word j = k + 4L comes from lane L of u(k), u(4+k), u(8+k), u(12+k).
        var x0 = Avx512F.Shuffle4x128(u0, u4, 0x88);
        var y0 = Avx512F.Shuffle4x128(u0, u4, 0xDD);
        var z0 = Avx512F.Shuffle4x128(u8, u12, 0x88);
        var w0 = Avx512F.Shuffle4x128(u8, u12, 0xDD);
        var x1 = Avx512F.Shuffle4x128(u1, u5, 0x88);
        var y1 = Avx512F.Shuffle4x128(u1, u5, 0xDD);
        var z1 = Avx512F.Shuffle4x128(u9, u13, 0x88);
        var w1 = Avx512F.Shuffle4x128(u9, u13, 0xDD);
        var x2 = Avx512F.Shuffle4x128(u2, u6, 0x88);
        var y2 = Avx512F.Shuffle4x128(u2, u6, 0xDD);
        var z2 = Avx512F.Shuffle4x128(u10, u14, 0x88);
        var w2 = Avx512F.Shuffle4x128(u10, u14, 0xDD);
        var x3 = Avx512F.Shuffle4x128(u3, u7, 0x88);
        var y3 = Avx512F.Shuffle4x128(u3, u7, 0xDD);
        var z3 = Avx512F.Shuffle4x128(u11, u15, 0x88);
        var w3 = Avx512F.Shuffle4x128(u11, u15, 0xDD);
        var step = (nuint)Vector512<byte>.Count;
        Avx512F.Shuffle4x128(x0, z0, 0x88).AsByte().StoreUnsafe(ref destination, 0 * step);
        Avx512F.Shuffle4x128(y0, w0, 0x88).AsByte().StoreUnsafe(ref destination, 4 * step);
        Avx512F.Shuffle4x128(x0, z0, 0xDD).AsByte().StoreUnsafe(ref destination, 8 * step);
        Avx512F.Shuffle4x128(y0, w0, 0xDD).AsByte().StoreUnsafe(ref destination, 12 * step);
        Avx512F.Shuffle4x128(x1, z1, 0x88).AsByte().StoreUnsafe(ref destination, 1 * step);
        Avx512F.Shuffle4x128(y1, w1, 0x88).AsByte().StoreUnsafe(ref destination, 5 * step);
        Avx512F.Shuffle4x128(x1, z1, 0xDD).AsByte().StoreUnsafe(ref destination, 9 * step);
        Avx512F.Shuffle4x128(y1, w1, 0xDD).AsByte().StoreUnsafe(ref destination, 13 * step);
        Avx512F.Shuffle4x128(x2, z2, 0x88).AsByte().StoreUnsafe(ref destination, 2 * step);
        Avx512F.Shuffle4x128(y2, w2, 0x88).AsByte().StoreUnsafe(ref destination, 6 * step);
        Avx512F.Shuffle4x128(x2, z2, 0xDD).AsByte().StoreUnsafe(ref destination, 10 * step);
        Avx512F.Shuffle4x128(y2, w2, 0xDD).AsByte().StoreUnsafe(ref destination, 14 * step);
        Avx512F.Shuffle4x128(x3, z3, 0x88).AsByte().StoreUnsafe(ref destination, 3 * step);
        Avx512F.Shuffle4x128(y3, w3, 0x88).AsByte().StoreUnsafe(ref destination, 7 * step);
        Avx512F.Shuffle4x128(x3, z3, 0xDD).AsByte().StoreUnsafe(ref destination, 11 * step);
        Avx512F.Shuffle4x128(y3, w3, 0xDD).AsByte().StoreUnsafe(ref destination, 15 * step);
    }
}
