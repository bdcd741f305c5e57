using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.Blake3;

/// <summary>
/// The compression function of shared/specs/iscc-sum.md §5.2 for one block, row-wise in four
/// 128-bit vectors (C <c>blake3_compress_in_place</c> and <c>blake3_compress_xof</c> in
/// <c>blake3_sse41.c</c>): row i holds state words 4i..4i+3, so one G step works on all four
/// columns, and rotating rows 1–3 by one, two and three lanes turns the diagonals into columns.
/// Used for partial chunks, parent merges and the root output.
/// </summary>
internal static class Blake3CompressRows
{
    /// <summary>
    /// The message schedule (<see cref="Blake3Constants.MessageSchedule"/>) regrouped per round into
    /// the four vectors G takes: the first words of the column steps, their second words, then the
    /// same for the diagonal steps.
    /// </summary>
    // Written out rather than derived at start-up: data the JIT sees as constant keeps the hot
    // loop ~20% faster. A test checks it against MessageSchedule.
    internal static ReadOnlySpan<uint> RowSchedule =>
    [
        0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15,
        2, 3, 7, 4, 6, 10, 0, 13, 1, 12, 9, 15, 11, 5, 14, 8,
        3, 10, 13, 7, 4, 12, 2, 14, 6, 9, 11, 8, 5, 0, 15, 1,
        10, 12, 14, 13, 7, 9, 3, 15, 4, 11, 5, 1, 0, 2, 8, 6,
        12, 9, 15, 14, 13, 11, 10, 8, 7, 5, 0, 6, 2, 3, 1, 4,
        9, 11, 8, 15, 14, 5, 12, 1, 13, 0, 2, 4, 3, 10, 6, 7,
        11, 5, 1, 8, 15, 0, 9, 6, 14, 2, 3, 7, 10, 12, 4, 13,
    ];

    /// <summary>
    /// Whether the AVX-512 variant runs here: the whole block in one register, regrouped for each
    /// round by a single vpermd, and native rotations.
    /// </summary>
    public static bool IsAvx512Supported => Avx512F.IsSupported && Avx512F.VL.IsSupported;

    /// <summary>Compresses <paramref name="block"/> (64 bytes) into the chaining value <paramref name="cv"/>.</summary>
    public static void CompressInPlace(ref Words8 cv, ref readonly byte block, uint blockLength, ulong counter, uint flags, bool avx512)
    {
        ref var output = ref Unsafe.As<uint, byte>(ref cv[0]);
        if (avx512 && IsAvx512Supported)
        {
            Compress<Avx512Rows>(in cv, in block, blockLength, counter, flags, ref output, extended: false);
        }
        else
        {
            Compress<Vector128Rows>(in cv, in block, blockLength, counter, flags, ref output, extended: false);
        }
    }

    /// <summary>Compresses <paramref name="block"/> and writes all 64 output bytes (extended output).</summary>
    public static void CompressXof(in Words8 cv, ref readonly byte block, uint blockLength, ulong counter, uint flags, bool avx512, Span<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, Blake3Constants.BlockLength);
        if (avx512 && IsAvx512Supported)
        {
            Compress<Avx512Rows>(in cv, in block, blockLength, counter, flags, ref MemoryMarshal.GetReference(output), extended: true);
        }
        else
        {
            Compress<Vector128Rows>(in cv, in block, blockLength, counter, flags, ref MemoryMarshal.GetReference(output), extended: true);
        }
    }

    /// <summary>
    /// Writes the new chaining value (32 bytes) to <paramref name="output"/>, or with
    /// <paramref name="extended"/> all 64 output bytes. <paramref name="output"/> may be <paramref name="cv"/> itself.
    /// Not inlined into the dispatchers above, so a process compiles only the variant it runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<TRows>(
        in Words8 cv,
        ref readonly byte block,
        uint blockLength,
        ulong counter,
        uint flags,
        ref byte output,
        bool extended)
        where TRows : struct, IRows
    {
        var cvLow = Vector128.LoadUnsafe(in cv[0]);
        var cvHigh = Vector128.LoadUnsafe(in cv[4]);
        var row0 = cvLow;
        var row1 = cvHigh;
        var row2 = Vector128.Create(Blake3Constants.IV0, Blake3Constants.IV1, Blake3Constants.IV2, Blake3Constants.IV3);
        var row3 = Vector128.Create((uint)counter, (uint)(counter >> 32), blockLength, flags);
        ref var order = ref MemoryMarshal.GetReference(RowSchedule);
        if (TRows.PermutesBlock)
        {
            var message = Vector512.LoadUnsafe(in block).AsUInt32();
            for (var round = 0; round < 7; round++)
            {
                var words = Avx512F.PermuteVar16x32(message, Vector512.LoadUnsafe(ref order, (nuint)(round * 16)));
                var low = words.GetLower();
                var high = words.GetUpper();
                Round<TRows>(ref row0, ref row1, ref row2, ref row3, low.GetLower(), low.GetUpper(), high.GetLower(), high.GetUpper());
            }
        }
        else
        {
            ref var words = ref Unsafe.As<byte, uint>(ref Unsafe.AsRef(in block));
            for (var round = 0; round < 7; round++)
            {
                ref var o = ref Unsafe.Add(ref order, round * 16);
                Round<TRows>(
                    ref row0,
                    ref row1,
                    ref row2,
                    ref row3,
                    Gather(ref words, ref o),
                    Gather(ref words, ref Unsafe.Add(ref o, 4)),
                    Gather(ref words, ref Unsafe.Add(ref o, 8)),
                    Gather(ref words, ref Unsafe.Add(ref o, 12)));
            }
        }

        (row0 ^ row2).AsByte().StoreUnsafe(ref output);
        (row1 ^ row3).AsByte().StoreUnsafe(ref output, 16);
        if (extended)
        {
            (row2 ^ cvLow).AsByte().StoreUnsafe(ref output, 32);
            (row3 ^ cvHigh).AsByte().StoreUnsafe(ref output, 48);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Gather(ref uint words, ref uint order) => Vector128.Create(
        Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref words, order))),
        Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref words, Unsafe.Add(ref order, 1)))),
        Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref words, Unsafe.Add(ref order, 2)))),
        Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref words, Unsafe.Add(ref order, 3)))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round<TRows>(
        ref Vector128<uint> row0,
        ref Vector128<uint> row1,
        ref Vector128<uint> row2,
        ref Vector128<uint> row3,
        Vector128<uint> columnX,
        Vector128<uint> columnY,
        Vector128<uint> diagonalX,
        Vector128<uint> diagonalY)
        where TRows : struct, IRows
    {
        G<TRows>(ref row0, ref row1, ref row2, ref row3, columnX, columnY);

        // Diagonalize: lane i of each row now holds the i-th diagonal.
        row1 = Vector128.Shuffle(row1, Vector128.Create(1u, 2, 3, 0));
        row2 = Vector128.Shuffle(row2, Vector128.Create(2u, 3, 0, 1));
        row3 = Vector128.Shuffle(row3, Vector128.Create(3u, 0, 1, 2));
        G<TRows>(ref row0, ref row1, ref row2, ref row3, diagonalX, diagonalY);
        row1 = Vector128.Shuffle(row1, Vector128.Create(3u, 0, 1, 2));
        row2 = Vector128.Shuffle(row2, Vector128.Create(2u, 3, 0, 1));
        row3 = Vector128.Shuffle(row3, Vector128.Create(1u, 2, 3, 0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G<TRows>(ref Vector128<uint> a, ref Vector128<uint> b, ref Vector128<uint> c, ref Vector128<uint> d, Vector128<uint> x, Vector128<uint> y)
        where TRows : struct, IRows
    {
        a = a + b + x;
        d = TRows.RotateRight16(d ^ a);
        c += d;
        b = TRows.RotateRight12(b ^ c);
        a = a + b + y;
        d = TRows.RotateRight8(d ^ a);
        c += d;
        b = TRows.RotateRight7(b ^ c);
    }

    /// <summary>The instructions a row-wise compression is built from.</summary>
    private interface IRows
    {
        static abstract bool PermutesBlock { get; }

        static abstract Vector128<uint> RotateRight16(Vector128<uint> x);

        static abstract Vector128<uint> RotateRight12(Vector128<uint> x);

        static abstract Vector128<uint> RotateRight8(Vector128<uint> x);

        static abstract Vector128<uint> RotateRight7(Vector128<uint> x);
    }

    /// <summary>AVX-512 (with VL): vpermd regroups the message, vprord rotates.</summary>
    private readonly struct Avx512Rows : IRows
    {
        public static bool PermutesBlock => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight16(Vector128<uint> x) => Avx512F.VL.RotateRight(x, 16);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight12(Vector128<uint> x) => Avx512F.VL.RotateRight(x, 12);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight8(Vector128<uint> x) => Avx512F.VL.RotateRight(x, 8);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight7(Vector128<uint> x) => Avx512F.VL.RotateRight(x, 7);
    }

    /// <summary>Any 128-bit SIMD: message words gathered per round, byte shuffles and shift-or rotate.</summary>
    private readonly struct Vector128Rows : IRows
    {
        public static bool PermutesBlock => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight16(Vector128<uint> x) =>
            Vector128.Shuffle(x.AsByte(), Vector128.Create((byte)2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13)).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight12(Vector128<uint> x) =>
            Vector128.ShiftRightLogical(x, 12) | Vector128.ShiftLeft(x, 20);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight8(Vector128<uint> x) =>
            Vector128.Shuffle(x.AsByte(), Vector128.Create((byte)1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12)).AsUInt32();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight7(Vector128<uint> x) =>
            Vector128.ShiftRightLogical(x, 7) | Vector128.ShiftLeft(x, 25);
    }
}
