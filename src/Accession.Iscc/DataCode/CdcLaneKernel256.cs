using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.DataCode;

/// <summary>
/// The lane recurrence of shared/specs/iscc-sum.md §1.3 on 8 lanes of 32 bits with AVX2
/// (see <see cref="CdcLanes"/>); gear values come from 8-way gathers.
/// </summary>
internal readonly unsafe struct CdcLaneKernel256 : ICdcLaneKernel
{
    private const int Lanes = 8;

    /// <summary>Bytes each lane row contributes per transposed group.</summary>
    private const int Group = 32;

    private static readonly uint[] GearTable = CdcConstants.Gear.ToArray();

    public static int LaneCount => Lanes;

    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static void Run(byte* start, int segment, uint seed, ushort* candidates, uint* checkpoints, uint* entry)
    {
        var rows = stackalloc byte*[Lanes];
        var columns = stackalloc Vector256<uint>[Lanes];
        var m511 = Vector256.Create(CdcConstants.MaskL);
        fixed (uint* gear = GearTable)
        {
            for (var j = 1; j < Lanes; j++)
            {
                rows[j] = start + (j * segment) - CdcLanes.WarmUp;
            }

            rows[0] = rows[1];
            var f = Vector256<uint>.Zero;
            for (var offset = 0; offset < CdcLanes.WarmUp; offset += Group)
            {
                Transpose(rows, offset, columns);
                for (var m = 0; m < Lanes; m++)
                {
                    var column = columns[m];
                    f = (f >> 1) + Gear(gear, column, 0);
                    f = (f >> 1) + Gear(gear, column, 8);
                    f = (f >> 1) + Gear(gear, column, 16);
                    f = (f >> 1) + Gear(gear, column, 24);
                }
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
                    var column = columns[m];
                    f = (f >> 1) + Gear(gear, column, 0);
                    k[0] = (ushort)Vector256.Equals(f & m511, Vector256<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + Gear(gear, column, 8);
                    k[1] = (ushort)Vector256.Equals(f & m511, Vector256<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + Gear(gear, column, 16);
                    k[2] = (ushort)Vector256.Equals(f & m511, Vector256<uint>.Zero).ExtractMostSignificantBits();
                    f = (f >> 1) + Gear(gear, column, 24);
                    k[3] = (ushort)Vector256.Equals(f & m511, Vector256<uint>.Zero).ExtractMostSignificantBits();
                    k += 4;
                    if ((m & 3) == 3)
                    {
                        f.Store(checkpoints + (((offset + (4 * m)) / CdcLanes.CheckpointSpacing) * Lanes));
                    }
                }
            }
        }
    }

    private static Vector256<uint> Gear(uint* gear, Vector256<uint> column, byte shift) =>
        Avx2.GatherVector256(gear, ((column >> shift) & Vector256.Create(255u)).AsInt32(), 4);

    /// <summary>Loads 32 bytes from each of the 8 rows; afterwards <c>columns[m]</c> holds bytes <c>4m..4m+3</c> of every row.</summary>
    private static void Transpose(byte** rows, int offset, Vector256<uint>* columns)
    {
        for (var a = 0; a < 2; a++)
        {
            var r0 = Vector256.Load((uint*)(rows[4 * a] + offset));
            var r1 = Vector256.Load((uint*)(rows[(4 * a) + 1] + offset));
            var r2 = Vector256.Load((uint*)(rows[(4 * a) + 2] + offset));
            var r3 = Vector256.Load((uint*)(rows[(4 * a) + 3] + offset));
            var t0 = Avx2.UnpackLow(r0, r1).AsUInt64();
            var t1 = Avx2.UnpackHigh(r0, r1).AsUInt64();
            var t2 = Avx2.UnpackLow(r2, r3).AsUInt64();
            var t3 = Avx2.UnpackHigh(r2, r3).AsUInt64();
            columns[4 * a] = Avx2.UnpackLow(t0, t2).AsUInt32();
            columns[(4 * a) + 1] = Avx2.UnpackHigh(t0, t2).AsUInt32();
            columns[(4 * a) + 2] = Avx2.UnpackLow(t1, t3).AsUInt32();
            columns[(4 * a) + 3] = Avx2.UnpackHigh(t1, t3).AsUInt32();
        }

        // columns[4a + c] holds, in 128-bit half h, word 4h + c of rows 4a..4a+3; swap halves.
        for (var c = 0; c < 4; c++)
        {
            var v0 = columns[c];
            var v1 = columns[4 + c];
            columns[c] = Avx2.Permute2x128(v0, v1, 0x20);
            columns[4 + c] = Avx2.Permute2x128(v0, v1, 0x31);
        }
    }
}
