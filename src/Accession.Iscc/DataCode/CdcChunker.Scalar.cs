using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Accession.Iscc.DataCode;

internal static partial class CdcChunker
{
    /// <summary>
    /// The cut-point rule of shared/specs/iscc-sum.md §1.3 without bounds checks and unrolled four
    /// times. The chain <c>p = (p &gt;&gt; 1) + G[b]</c> stays serial; the gear loads run ahead of it.
    /// </summary>
    internal static int FindCutPointScalarUnrolled(ReadOnlySpan<byte> buffer)
    {
        var size = buffer.Length;
        if (size <= CdcConstants.MinSize)
        {
            return size;
        }

        ref var data = ref MemoryMarshal.GetReference(buffer);
        ref var gear = ref MemoryMarshal.GetReference(CdcConstants.Gear);
        uint pattern = 0;
        var i = CdcConstants.MinSize;
        var cut = Run(ref data, ref gear, ref pattern, ref i, Math.Min(CdcConstants.CenterSize, size), CdcConstants.MaskS);
        if (cut != 0)
        {
            return cut;
        }

        cut = Run(ref data, ref gear, ref pattern, ref i, Math.Min(CdcConstants.MaxSize, size), CdcConstants.MaskL);
        return cut != 0 ? cut : i;
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

    /// <summary>
    /// Rolls from <paramref name="i"/> up to <paramref name="end"/> and returns the chunk length at the
    /// first position whose value has no bit of <paramref name="mask"/> set, or 0 (then <paramref name="i"/>
    /// equals <paramref name="end"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Run(ref byte data, ref uint gear, ref uint pattern, ref int i, int end, uint mask)
    {
        var p = pattern;
        var k = i;
        for (; k + 4 <= end; k += 4)
        {
            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, k));
            if ((p & mask) == 0)
            {
                return k + 1;
            }

            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, k + 1));
            if ((p & mask) == 0)
            {
                return k + 2;
            }

            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, k + 2));
            if ((p & mask) == 0)
            {
                return k + 3;
            }

            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, k + 3));
            if ((p & mask) == 0)
            {
                return k + 4;
            }
        }

        for (; k < end; k++)
        {
            p = (p >> 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, k));
            if ((p & mask) == 0)
            {
                return k + 1;
            }
        }

        pattern = p;
        i = k;
        return 0;
    }
}
