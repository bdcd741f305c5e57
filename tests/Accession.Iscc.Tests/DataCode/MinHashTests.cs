using System.Runtime.Intrinsics.X86;
using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

public sealed class MinHashTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_path_agrees_with_the_reference_on_random_features(int seed)
    {
        var random = new Random(seed);
        var features = new uint[random.Next(1, 600)];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (uint)random.NextInt64(0, 1L << 32);
        }

        // Edge values: 0, all ones, and powers of two.
        features[0] = 0;
        if (features.Length > 2)
        {
            features[1] = uint.MaxValue;
            features[2] = 1u << random.Next(32);
        }

        var reference = Run(MinHash.UpdateReference, features);
        Assert.Equal(reference, Run(MinHash.UpdateScalar, features));
        Assert.Equal(reference, Run(MinHash.Update, features));
        if (Avx2.IsSupported)
        {
            Assert.Equal(reference, Run(MinHash.UpdateVector256, features));
        }

        if (Avx512F.IsSupported)
        {
            Assert.Equal(reference, Run(MinHash.UpdateVector512, features));
        }
    }

    [Fact]
    public void Running_minima_do_not_depend_on_batching()
    {
        var random = new Random(7);
        var features = Enumerable.Range(0, 1000).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
        var whole = Run(MinHash.Update, features);

        var minima = new ulong[MinHash.Permutations];
        MinHash.Initialize(minima);
        for (var i = 0; i < features.Length; i += 37)
        {
            MinHash.Update(minima, features.AsSpan(i, Math.Min(37, features.Length - i)));
        }

        Assert.Equal(whole, minima);
    }

    [Fact]
    public void Mersenne_reduction_is_exact_at_the_edges()
    {
        const ulong prime = MinHashConstants.MersennePrime;
        ulong[] values = [0, 1, prime - 1, prime, prime + 1, 2 * prime, (2 * prime) + 5, ulong.MaxValue, ulong.MaxValue - 1, 7UL << 61, (7UL << 61) - 1];
        var random = new Random(11);
        foreach (var x in values.Concat(Enumerable.Range(0, 10_000).Select(_ => (ulong)random.NextInt64() * 3)))
        {
            Assert.Equal(x % prime, MinHash.MersenneMod(x));
        }
    }

    [Fact]
    public void Hello_iscc_worked_example_gives_the_published_minima_and_digest()
    {
        // shared/specs/iscc-sum.md §1.8: "Hello, ISCC!" has the single feature 0x72AFCC36.
        var minima = Run(MinHash.UpdateReference, [0x72AFCC36]);
        Assert.Equal([0x8E0AD9ADUL, 0xF599373AUL, 0x5BD41B34UL, 0x1A602C05UL], minima.Take(4));

        var digest = new byte[MinHash.DigestLength];
        MinHash.Compress(minima, digest);
        Assert.Equal("99edf3fbddb8c8584071c8c1f67a95bdbab421c9226a3cd9ce1e017b1f343f1b", Convert.ToHexStringLower(digest));
    }

    private delegate void Updater(Span<ulong> minima, ReadOnlySpan<uint> features);

    private static ulong[] Run(Updater update, uint[] features)
    {
        var minima = new ulong[MinHash.Permutations];
        MinHash.Initialize(minima);
        update(minima, features);
        return minima;
    }
}
