using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Accession.Iscc.DataCode;

/// <summary>
/// The 64-permutation MinHash of the Data-Code, kept as running per-permutation minima
/// (shared/specs/iscc-sum.md §1.6; iscc-core minhash.py @ e3cbeab). For each permutation k and
/// feature f: <c>((MPA[k]·f + MPB[k]) mod 2^64) mod (2^61−1)</c>, masked to 32 bits, then the
/// minimum. Min is order-free and idempotent, so minima updated as features arrive equal the
/// reference over the whole feature list.
/// </summary>
internal static class MinHash
{
    public const int Permutations = 64;

    /// <summary>Bytes of the compressed digest: 4 bits of each of the 64 minima.</summary>
    public const int DigestLength = 32;

    private const ulong Prime = MinHashConstants.MersennePrime;

    /// <summary>Sets every minimum to the largest masked value, so the first feature always wins.</summary>
    public static void Initialize(Span<ulong> minima) => minima[..Permutations].Fill(MinHashConstants.MaxHash);

    /// <summary>Folds features into the running minima with the fastest exact path this machine has.</summary>
    public static void Update(Span<ulong> minima, ReadOnlySpan<uint> features)
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            UpdateVector512(minima, features);
        }
        else if (Avx2.IsSupported)
        {
            UpdateVector256(minima, features);
        }
        else
        {
            UpdateScalar(minima, features);
        }
    }

    /// <summary>The readable reference: the formula exactly as specified, with a real modulo.</summary>
    public static void UpdateReference(Span<ulong> minima, ReadOnlySpan<uint> features)
    {
        var a = MinHashConstants.A;
        var b = MinHashConstants.B;
        foreach (var f in features)
        {
            for (var k = 0; k < Permutations; k++)
            {
                var h = (unchecked((a[k] * f) + b[k]) % Prime) & 0xFFFF_FFFFUL;
                minima[k] = Math.Min(minima[k], h);
            }
        }
    }

    /// <summary>Scalar path with the Mersenne reduction instead of a division.</summary>
    public static void UpdateScalar(Span<ulong> minima, ReadOnlySpan<uint> features)
    {
        var a = MinHashConstants.A;
        var b = MinHashConstants.B;
        for (var k = 0; k < Permutations; k++)
        {
            var ak = a[k];
            var bk = b[k];
            var min = minima[k];
            foreach (var f in features)
            {
                min = Math.Min(min, MersenneMod(unchecked((ak * f) + bk)) & 0xFFFF_FFFFUL);
            }

            minima[k] = min;
        }
    }

    /// <summary>
    /// Eight permutations per AVX2 step. AVX2 has no 64-bit low multiply, so
    /// <c>a·f mod 2^64 = lo(a)·f + (hi(a)·f &lt;&lt; 32)</c> with two 32×32→64 multiplies (f &lt; 2^32).
    /// </summary>
    public static void UpdateVector256(Span<ulong> minima, ReadOnlySpan<uint> features)
    {
        var a = MinHashConstants.A;
        var b = MinHashConstants.B;
        var prime = Vector256.Create(Prime);
        var low32 = Vector256.Create(0xFFFF_FFFFUL);
        for (var k = 0; k < Permutations; k += Vector256<ulong>.Count)
        {
            var ak = Vector256.Create(a.Slice(k, Vector256<ulong>.Count));
            var akLow = ak.AsUInt32();
            var akHigh = Vector256.ShiftRightLogical(ak, 32).AsUInt32();
            var bk = Vector256.Create(b.Slice(k, Vector256<ulong>.Count));
            var min = Vector256.Create(minima.Slice(k, Vector256<ulong>.Count));
            foreach (var f in features)
            {
                var fv = Vector256.Create((ulong)f).AsUInt32();
                var x = Avx2.Multiply(akLow, fv) + Vector256.ShiftLeft(Avx2.Multiply(akHigh, fv), 32) + bk;
                min = Vector256.Min(min, MersenneMod(x, prime) & low32);
            }

            min.CopyTo(minima.Slice(k, Vector256<ulong>.Count));
        }
    }

    // Optimized at first call, as the chunker's per-chunk methods (see CdcLanes).
    /// <summary>Eight 64-bit lanes per AVX-512 step, same arithmetic as <see cref="UpdateVector256"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateVector512(Span<ulong> minima, ReadOnlySpan<uint> features)
    {
        var a = MinHashConstants.A;
        var b = MinHashConstants.B;
        var prime = Vector512.Create(Prime);
        var low32 = Vector512.Create(0xFFFF_FFFFUL);
        for (var k = 0; k < Permutations; k += Vector512<ulong>.Count)
        {
            var ak = Vector512.Create(a.Slice(k, Vector512<ulong>.Count));
            var akLow = ak.AsUInt32();
            var akHigh = Vector512.ShiftRightLogical(ak, 32).AsUInt32();
            var bk = Vector512.Create(b.Slice(k, Vector512<ulong>.Count));
            var min = Vector512.Create(minima.Slice(k, Vector512<ulong>.Count));
            foreach (var f in features)
            {
                var fv = Vector512.Create((ulong)f).AsUInt32();
                var x = Avx512F.Multiply(akLow, fv) + Vector512.ShiftLeft(Avx512F.Multiply(akHigh, fv), 32) + bk;
                min = Vector512.Min(min, MersenneMod(x, prime) & low32);
            }

            min.CopyTo(minima.Slice(k, Vector512<ulong>.Count));
        }
    }

    /// <summary>
    /// Compresses the minima to the 256-bit digest (iscc-core <c>alg_minhash_compress</c>, lsb = 4):
    /// digest bit p, counted from the most significant bit of byte 0, is bit <c>p / 64</c> of minimum <c>p % 64</c>.
    /// </summary>
    public static void Compress(ReadOnlySpan<ulong> minima, Span<byte> digest)
    {
        digest[..DigestLength].Clear();
        for (var bit = 0; bit < 4; bit++)
        {
            for (var k = 0; k < Permutations; k++)
            {
                if (((minima[k] >> bit) & 1) != 0)
                {
                    var p = (bit * Permutations) + k;
                    digest[p >> 3] |= (byte)(0x80 >> (p & 7));
                }
            }
        }
    }

    /// <summary><c>x mod (2^61−1)</c> for any 64-bit x: fold the top 3 bits, subtract once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MersenneMod(ulong x)
    {
        var r = (x & Prime) + (x >> 61);
        return r >= Prime ? r - Prime : r;
    }

    // r < 2·Prime, so min(r, r − Prime) is the reduced value: when r < Prime the subtraction wraps high.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MersenneMod(Vector256<ulong> x, Vector256<ulong> prime)
    {
        var r = (x & prime) + Vector256.ShiftRightLogical(x, 61);
        return Vector256.Min(r, r - prime);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> MersenneMod(Vector512<ulong> x, Vector512<ulong> prime)
    {
        var r = (x & prime) + Vector512.ShiftRightLogical(x, 61);
        return Vector512.Min(r, r - prime);
    }
}
