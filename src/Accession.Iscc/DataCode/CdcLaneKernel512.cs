using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.DataCode;

/// <summary>
/// The lane recurrence of shared/specs/iscc-sum.md §1.3 on 16 lanes of 32 bits with AVX-512
/// (see <see cref="CdcLanes"/>). The gear table is looked up as four byte planes with VBMI
/// two-table byte permutes (128 entries each, the top bit selects the half), which is much faster
/// than gathers on current cores.
/// </summary>
internal readonly unsafe struct CdcLaneKernel512 : ICdcLaneKernel
{
    private const int Lanes = 16;

    /// <summary>Bytes each lane row contributes per transposed group.</summary>
    private const int Group = 64;

    /// <summary>Four byte planes of the gear table (plane k holds byte k of every entry), then the in-lane shuffle.</summary>
    private static readonly byte[] Tables = BuildTables();

    public static int LaneCount => Lanes;

    public static bool IsSupported =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported && Avx512Vbmi.IsSupported;

    public static void Run(byte* start, int segment, uint seed, ushort* candidates, uint* checkpoints, uint* entry)
    {
        var rows = stackalloc byte*[Lanes];
        var columns = stackalloc Vector512<uint>[Lanes];
        var m511 = Vector512.Create(CdcConstants.MaskL);
        fixed (byte* tables = Tables)
        {
            var p0 = Vector512.Load(tables);
            var p1 = Vector512.Load(tables + 64);
            var p2 = Vector512.Load(tables + 128);
            var p3 = Vector512.Load(tables + 192);
            var p4 = Vector512.Load(tables + 256);
            var p5 = Vector512.Load(tables + 320);
            var p6 = Vector512.Load(tables + 384);
            var p7 = Vector512.Load(tables + 448);
            var p8 = Vector512.Load(tables + 512);
            var p9 = Vector512.Load(tables + 576);
            var p10 = Vector512.Load(tables + 640);
            var p11 = Vector512.Load(tables + 704);
            var p12 = Vector512.Load(tables + 768);
            var p13 = Vector512.Load(tables + 832);
            var p14 = Vector512.Load(tables + 896);
            var p15 = Vector512.Load(tables + 960);
            var regroup = Vector512.Load(tables + 1024);
            // Warm-up: lanes 1.. roll over the bytes just before their segment; lane 0 reads lane 1's.
            for (var j = 1; j < Lanes; j++)
            {
                rows[j] = start + (j * segment) - CdcLanes.WarmUp;
            }

            rows[0] = rows[1];
            var f = Vector512<uint>.Zero;
            Transpose(rows, 0, columns);
            for (var m = 0; m < Lanes; m++)
            {
                Gear4(columns[m], regroup, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, out var g0, out var g1, out var g2, out var g3);
                f = (f >> 1) + g0;
                f = (f >> 1) + g1;
                f = (f >> 1) + g2;
                f = (f >> 1) + g3;
            }

            f = f.WithElement(0, seed);
            f.Store(entry);
            for (var j = 0; j < Lanes; j++)
            {
                rows[j] = start + (j * segment);
            }

            for (var offset = 0; offset < segment; offset += Group)
            {
                Transpose(rows, offset, columns);
                var k = candidates + offset;
                for (var m = 0; m < Lanes; m++)
                {
                    Gear4(columns[m], regroup, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, out var g0, out var g1, out var g2, out var g3);
                    f = (f >> 1) + g0;
                    k[0] = (ushort)Vector512.Equals(f & m511, Vector512<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + g1;
                    k[1] = (ushort)Vector512.Equals(f & m511, Vector512<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + g2;
                    k[2] = (ushort)Vector512.Equals(f & m511, Vector512<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + g3;
                    k[3] = (ushort)Vector512.Equals(f & m511, Vector512<uint>.Zero).ExtractMostSignificantBits();
                    k += 4;
                    if ((m & 3) == 3)
                    {
                        f.Store(checkpoints + ((((offset + (4 * m)) / CdcLanes.CheckpointSpacing)) * Lanes));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Loads 64 bytes from each of the 16 rows and transposes them as 32-bit words: afterwards
    /// <c>columns[m]</c> holds bytes <c>4m..4m+3</c> of every row, row <c>j</c> in element <c>j</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(byte** rows, int offset, Vector512<uint>* columns)
    {
        for (var a = 0; a < 4; a++)
        {
            var r0 = Vector512.Load((uint*)(rows[4 * a] + offset));
            var r1 = Vector512.Load((uint*)(rows[(4 * a) + 1] + offset));
            var r2 = Vector512.Load((uint*)(rows[(4 * a) + 2] + offset));
            var r3 = Vector512.Load((uint*)(rows[(4 * a) + 3] + offset));
            var t0 = Avx512F.UnpackLow(r0, r1).AsUInt64();
            var t1 = Avx512F.UnpackHigh(r0, r1).AsUInt64();
            var t2 = Avx512F.UnpackLow(r2, r3).AsUInt64();
            var t3 = Avx512F.UnpackHigh(r2, r3).AsUInt64();
            columns[4 * a] = Avx512F.UnpackLow(t0, t2).AsUInt32();
            columns[(4 * a) + 1] = Avx512F.UnpackHigh(t0, t2).AsUInt32();
            columns[(4 * a) + 2] = Avx512F.UnpackLow(t1, t3).AsUInt32();
            columns[(4 * a) + 3] = Avx512F.UnpackHigh(t1, t3).AsUInt32();
        }

        // columns[4a + c] holds, in 128-bit block q, word 4q + c of rows 4a..4a+3; swap blocks.
        for (var c = 0; c < 4; c++)
        {
            var v0 = columns[c];
            var v1 = columns[4 + c];
            var v2 = columns[8 + c];
            var v3 = columns[12 + c];
            var x0 = Avx512F.Shuffle4x128(v0, v1, 0x88);
            var x1 = Avx512F.Shuffle4x128(v0, v1, 0xDD);
            var x2 = Avx512F.Shuffle4x128(v2, v3, 0x88);
            var x3 = Avx512F.Shuffle4x128(v2, v3, 0xDD);
            columns[c] = Avx512F.Shuffle4x128(x0, x2, 0x88);
            columns[8 + c] = Avx512F.Shuffle4x128(x0, x2, 0xDD);
            columns[4 + c] = Avx512F.Shuffle4x128(x1, x3, 0x88);
            columns[12 + c] = Avx512F.Shuffle4x128(x1, x3, 0xDD);
        }
    }

    /// <summary>
    /// Gear values of the four bytes in every element of <paramref name="column"/>: <c>g0</c> for
    /// byte 0 of each lane, … <c>g3</c> for byte 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gear4(Vector512<uint> column, Vector512<byte> regroup, Vector512<byte> p0, Vector512<byte> p1, Vector512<byte> p2, Vector512<byte> p3, Vector512<byte> p4, Vector512<byte> p5, Vector512<byte> p6, Vector512<byte> p7, Vector512<byte> p8, Vector512<byte> p9, Vector512<byte> p10, Vector512<byte> p11, Vector512<byte> p12, Vector512<byte> p13, Vector512<byte> p14, Vector512<byte> p15, out Vector512<uint> g0, out Vector512<uint> g1, out Vector512<uint> g2, out Vector512<uint> g3)
    {
        // Regroup each 128-bit block from (lane, step) to (step, lane) byte order, so that byte
        // interleaving below yields one 32-bit gear value per lane and step.
        var index = Avx512BW.Shuffle(column.AsByte(), regroup);
        var upper = Vector512.LessThan(index.AsSByte(), Vector512<sbyte>.Zero).AsByte();
        var b0 = Plane(index, upper, p0, p1, p2, p3);
        var b1 = Plane(index, upper, p4, p5, p6, p7);
        var b2 = Plane(index, upper, p8, p9, p10, p11);
        var b3 = Plane(index, upper, p12, p13, p14, p15);
        var low01 = Avx512BW.UnpackLow(b0, b1).AsUInt16();
        var high01 = Avx512BW.UnpackHigh(b0, b1).AsUInt16();
        var low23 = Avx512BW.UnpackLow(b2, b3).AsUInt16();
        var high23 = Avx512BW.UnpackHigh(b2, b3).AsUInt16();
        g0 = Avx512BW.UnpackLow(low01, low23).AsUInt32();
        g1 = Avx512BW.UnpackHigh(low01, low23).AsUInt32();
        g2 = Avx512BW.UnpackLow(high01, high23).AsUInt32();
        g3 = Avx512BW.UnpackHigh(high01, high23).AsUInt32();
    }

    /// <summary>One byte of the gear value of every index byte: entries 0..127 from (a, b), 128..255 from (c, d).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Plane(Vector512<byte> index, Vector512<byte> upper, Vector512<byte> a, Vector512<byte> b, Vector512<byte> c, Vector512<byte> d) =>
        Vector512.ConditionalSelect(upper, Avx512Vbmi.PermuteVar64x8x2(c, index, d), Avx512Vbmi.PermuteVar64x8x2(a, index, b));

    private static byte[] BuildTables()
    {
        var tables = new byte[1024 + 64];
        var gear = CdcConstants.Gear;
        for (var k = 0; k < 4; k++)
        {
            for (var b = 0; b < 256; b++)
            {
                tables[(k * 256) + b] = (byte)(gear[b] >> (8 * k));
            }
        }

        // Within each 128-bit block: output byte 4·step + lane ← input byte 4·lane + step.
        for (var q = 0; q < 4; q++)
        {
            for (var step = 0; step < 4; step++)
            {
                for (var lane = 0; lane < 4; lane++)
                {
                    tables[1024 + (16 * q) + (4 * step) + lane] = (byte)((4 * lane) + step);
                }
            }
        }

        return tables;
    }
}
