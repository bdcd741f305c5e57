using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Accession.Iscc.DataCode;

internal static partial class CdcChunker
{
    /// <summary>
    /// The cut-point rule of shared/specs/iscc-sum.md §1.3 rolled 32 bytes at a time in the closed
    /// form of §1.10, without bounds checks.
    /// </summary>
    /// <remarks>
    /// With the value p before a block, the value after its k-th byte is
    /// <c>(p + Σ_{j=1..k} g_j·2^j) &gt;&gt; k</c>. The sum is one add per byte, so the serial chain
    /// costs one cycle per byte instead of two (shift, then add), and the shifts for the mask tests
    /// run beside it. For k ≤ 32 the sum stays below 2^64 (every g &lt; 2^31 and p &lt; 2^32), so
    /// the block's last value, <c>sum &gt;&gt; 32</c>, is exact and starts the next block. Blocks
    /// start at chunk offset 256, so offsets 640 and 8192 fall on block boundaries and each block
    /// has one mask.
    /// </remarks>
    internal static int FindCutPointScalarUnrolled(ReadOnlySpan<byte> buffer)
    {
        var size = buffer.Length;
        if (size <= CdcConstants.MinSize)
        {
            return size;
        }

        ref var data = ref MemoryMarshal.GetReference(buffer);
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        ulong pattern = 0;
        var i = CdcConstants.MinSize;
        var end = Math.Min(CdcConstants.MaxSize, size);
        while (i + Block <= end)
        {
            var cut = i < CdcConstants.CenterSize
                ? RollBlock<SmallRegionMask>(ref Unsafe.Add(ref data, i), ref gear, ref pattern)
                : RollBlock<LargeRegionMask>(ref Unsafe.Add(ref data, i), ref gear, ref pattern);
            if (cut != 0)
            {
                return i + cut;
            }

            i += Block;
        }

        // Fewer than 32 bytes before the end of the buffer: one byte at a time.
        var p = (uint)pattern;
        for (; i < end; i++)
        {
            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i));
            if ((p & (i < CdcConstants.CenterSize ? CdcConstants.MaskS : CdcConstants.MaskL)) == 0)
            {
                return i + 1;
            }
        }

        return end;
    }

    /// <summary>Repeated <see cref="FindCutPointScalarUnrolled"/>: the batch contract without SIMD.</summary>
    internal static int FindCutPointsScalar(ReadOnlySpan<byte> buffer, Span<int> lengths)
    {
        var count = 0;
        var start = 0;
        while (start < buffer.Length && count < lengths.Length)
        {
            var length = FindCutPointScalarUnrolled(buffer[start..]);
            lengths[count++] = length;
            start += length;
        }

        return count;
    }

    private const int Block = 32;

    /// <summary>
    /// Rolls the 32 bytes at <paramref name="bytes"/> from value <paramref name="pattern"/>; returns
    /// k (1..32) for the first byte whose value has no bit of the mask set, or 0 after setting
    /// <paramref name="pattern"/> to the value after the block. Written out so that every shift and
    /// mask is a constant.
    /// </summary>
    private static int RollBlock<TMask>(ref byte bytes, ref uint gear, ref ulong pattern)
        where TMask : struct, ICutMask
    {
        var sum = pattern;
        if (Step<TMask>(ref sum, ref bytes, ref gear, 1))
        {
            return 1;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 2))
        {
            return 2;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 3))
        {
            return 3;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 4))
        {
            return 4;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 5))
        {
            return 5;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 6))
        {
            return 6;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 7))
        {
            return 7;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 8))
        {
            return 8;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 9))
        {
            return 9;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 10))
        {
            return 10;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 11))
        {
            return 11;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 12))
        {
            return 12;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 13))
        {
            return 13;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 14))
        {
            return 14;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 15))
        {
            return 15;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 16))
        {
            return 16;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 17))
        {
            return 17;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 18))
        {
            return 18;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 19))
        {
            return 19;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 20))
        {
            return 20;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 21))
        {
            return 21;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 22))
        {
            return 22;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 23))
        {
            return 23;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 24))
        {
            return 24;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 25))
        {
            return 25;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 26))
        {
            return 26;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 27))
        {
            return 27;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 28))
        {
            return 28;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 29))
        {
            return 29;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 30))
        {
            return 30;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 31))
        {
            return 31;
        }

        if (Step<TMask>(ref sum, ref bytes, ref gear, 32))
        {
            return 32;
        }

        pattern = sum >> Block;
        return 0;
    }

    /// <summary>Adds byte k's term g·2^k; true when the value after it, sum &gt;&gt; k, has no mask bit set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Step<TMask>(ref ulong sum, ref byte bytes, ref uint gear, int k)
        where TMask : struct, ICutMask
    {
        sum += (ulong)Unsafe.Add(ref gear, Unsafe.Add(ref bytes, k - 1)) << k;
        return (sum & ((ulong)TMask.Mask << k)) == 0;
    }

    /// <summary>The mask of a chunk region as a type, so that the block code is compiled per mask.</summary>
    private interface ICutMask
    {
        static abstract uint Mask { get; }
    }

    private readonly struct SmallRegionMask : ICutMask
    {
        public static uint Mask => CdcConstants.MaskS;
    }

    private readonly struct LargeRegionMask : ICutMask
    {
        public static uint Mask => CdcConstants.MaskL;
    }
}
