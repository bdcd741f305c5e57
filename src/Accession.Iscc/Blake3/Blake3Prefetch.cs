using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.Blake3;

/// <summary>
/// Software prefetch for the word-sliced kernels (shared/specs/iscc-sum.md §5.8; the C AVX2 and
/// AVX-512 kernels do the same). They read up to sixteen inputs 1 KiB apart in lockstep, more streams
/// than the hardware prefetcher follows, so each block asks for the data two blocks ahead (one and
/// two blocks measured alike on a 1 GiB file; four and eight were slower).
/// </summary>
internal static class Blake3Prefetch
{
    private const int Distance = 2 * Blake3Constants.BlockLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Rows(ref byte block, nuint stride, int rows)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        // A prefetch never faults, so running past the end of the input is harmless.
        var ahead = (byte*)Unsafe.AsPointer(ref block) + Distance;
        for (var i = 0; i < rows; i++)
        {
            Sse.Prefetch0(ahead + ((nuint)i * stride));
        }
    }
}
