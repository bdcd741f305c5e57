using System.IO.Hashing;
using System.Runtime.Intrinsics.X86;
using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

public sealed class Xxh32LanesTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_path_equals_xxhash32_on_random_chunk_lengths(int seed)
    {
        var random = new Random(seed);
        var data = Vectors.SplitMix64((ulong)seed, 400_000);
        var bounds = new List<int> { 0 };
        while (true)
        {
            // Mostly Data-Code-like lengths, with empty, sub-stripe and odd lengths mixed in.
            var length = random.Next(6) switch
            {
                0 => random.Next(0, 20),
                1 => random.Next(8000, 8193),
                _ => random.Next(257, 3000),
            };
            if (bounds[^1] + length > data.Length)
            {
                break;
            }

            bounds.Add(bounds[^1] + length);
        }

        AssertAllPathsMatch(data, [.. bounds]);
    }

    [Fact]
    public void Equal_lengths_finish_in_every_lane_at_once()
    {
        var data = Vectors.SplitMix64(10, 100_000);
        AssertAllPathsMatch(data, [.. Enumerable.Range(0, 90).Select(i => i * 1024)]);
    }

    [Fact]
    public void One_long_chunk_outlives_many_short_ones()
    {
        var data = Vectors.SplitMix64(11, 200_000);
        int[] bounds = [0, 150_000, .. Enumerable.Range(1, 40).Select(i => 150_000 + (i * 300)), 199_999];
        AssertAllPathsMatch(data, bounds);
    }

    [Fact]
    public void Few_chunks_are_hashed_one_by_one()
    {
        var data = Vectors.SplitMix64(12, 10_000);
        AssertAllPathsMatch(data, [0, 5, 1000, 1016, 1031, 9000, 10_000]);
    }

    private static void AssertAllPathsMatch(byte[] data, int[] bounds)
    {
        var expected = new uint[bounds.Length - 1];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = XxHash32.HashToUInt32(data.AsSpan(bounds[i]..bounds[i + 1]));
        }

        var features = new uint[expected.Length];
        Xxh32Lanes.HashChunks(data, bounds, features);
        Assert.Equal(expected, features);

        Array.Clear(features);
        Xxh32Lanes.HashChunksScalar(data, bounds, features);
        Assert.Equal(expected, features);

        if (Avx2.IsSupported)
        {
            Array.Clear(features);
            Xxh32Lanes.HashChunksVector256(data, bounds, features);
            Assert.Equal(expected, features);
        }
    }
}
