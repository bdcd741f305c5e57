using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>Every chunker path against <see cref="CdcReference"/> (shared/specs/iscc-sum.md §1.3).</summary>
public sealed class CdcChunkerTests
{
    private static readonly int[] BoundaryLengths =
        [0, 1, 255, 256, 257, 258, 639, 640, 641, 1023, 1024, 1025, 8191, 8192, 8193, 16383, 16384, 16385, 20000];

    public static TheoryData<string> SinglePaths() => new(CdcPaths.SingleNames());

    public static TheoryData<string> BatchPaths() => new(CdcPaths.BatchNames());

    private static IEnumerable<int> ManyLengths()
    {
        var rng = new Random(1234);
        return Enumerable.Range(0, 700)
            .Concat(BoundaryLengths)
            .Concat(Enumerable.Range(0, 150).Select(_ => rng.Next(700, 20001)));
    }

    [Theory]
    [MemberData(nameof(SinglePaths))]
    public void Single_path_matches_the_reference_on_random_buffers_of_many_lengths(string name)
    {
        var path = CdcPaths.Single(name);
        foreach (var length in ManyLengths())
        {
            var data = CdcTestData.Random(length, length);
            Assert.Equal(CdcReference.FindCutPoint(data), path(data));
            Assert.Equal(CdcPaths.ReferenceChunks(data), CdcPaths.SingleChunks(path, data));
        }
    }

    [Theory]
    [MemberData(nameof(BatchPaths))]
    public void Batch_path_matches_the_reference_on_random_buffers_of_many_lengths(string name)
    {
        var path = CdcPaths.Batch(name);
        foreach (var length in ManyLengths())
        {
            var data = CdcTestData.Random(length, length);
            Assert.Equal(CdcPaths.ReferenceChunks(data), CdcPaths.BatchChunks(path, data));
        }
    }

    [Theory]
    [MemberData(nameof(BatchPaths))]
    public void Batch_path_writes_nothing_for_an_empty_buffer_or_no_room(string name)
    {
        var path = CdcPaths.Batch(name);
        Assert.Equal(0, path([], new int[4]));
        Assert.Equal(0, path(CdcTestData.Random(5000, 1), []));
    }

    public static TheoryData<string, int> SinglePathsAndSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in CdcPaths.SingleNames())
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                data.Add(name, seed);
            }
        }

        return data;
    }

    public static TheoryData<string, int> BatchPathsAndSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in CdcPaths.BatchNames())
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                data.Add(name, seed);
            }
        }

        return data;
    }

    private static IEnumerable<byte[]> StructuredInputs(int seed)
    {
        yield return new byte[100_000 + seed];
        yield return CdcTestData.Pattern251(100_000 + seed);
        yield return CdcTestData.LowEntropy(300_000, seed, distinct: 1 + seed);
        yield return CdcTestData.LowEntropy(300_000, seed + 10, distinct: 8);
        yield return CdcTestData.Mixed(1_000_000, seed);
        yield return CdcTestData.Random(3_000_000 + seed, seed);
    }

    [Theory]
    [MemberData(nameof(SinglePathsAndSeeds))]
    public void Single_path_matches_the_reference_on_zeros_patterns_and_low_entropy_data(string name, int seed)
    {
        var path = CdcPaths.Single(name);
        foreach (var data in StructuredInputs(seed))
        {
            Assert.Equal(CdcPaths.ReferenceChunks(data), CdcPaths.SingleChunks(path, data));
        }
    }

    [Theory]
    [MemberData(nameof(BatchPathsAndSeeds))]
    public void Batch_path_matches_the_reference_on_zeros_patterns_and_low_entropy_data(string name, int seed)
    {
        var path = CdcPaths.Batch(name);
        foreach (var data in StructuredInputs(seed))
        {
            Assert.Equal(CdcPaths.ReferenceChunks(data), CdcPaths.BatchChunks(path, data));
        }
    }

    [Theory]
    [MemberData(nameof(BatchPaths))]
    public void Cut_points_do_not_depend_on_how_many_lengths_fit_per_call(string name)
    {
        var path = CdcPaths.Batch(name);
        var data = CdcTestData.Mixed(600_000, 7);
        var expected = CdcPaths.ReferenceChunks(data);
        foreach (var capacity in new[] { 1, 2, 7, 64, 1000 })
        {
            Assert.Equal(expected, CdcPaths.BatchChunks(path, data, capacity));
        }
    }

    [Fact]
    public void No_byte_makes_a_content_cut_at_257()
    {
        // The first hashed byte alone sets the rolling value to its gear value, and no gear value
        // passes the 2047 mask, so the shortest content cut is 258 bytes.
        var data = CdcTestData.Random(20000, 5);
        data.AsSpan(0, CdcConstants.MinSize).Clear();
        for (var b = 0; b < 256; b++)
        {
            data[CdcConstants.MinSize] = (byte)b;
            Assert.NotEqual(CdcConstants.MinSize + 1, CdcReference.FindCutPoint(data));
        }

        Assert.Throws<InvalidOperationException>(() => CdcTestData.WithContentCutAt(CdcConstants.MinSize + 1, 1));
    }

    public static TheoryData<int> CraftedCuts() => new() { 258, 259, 300, 638, 639, 640, 641, 642, 1000, 4096, 8191, 8192 };

    [Theory]
    [MemberData(nameof(CraftedCuts))]
    public void Every_path_finds_a_content_cut_at_a_crafted_position(int chunkLength)
    {
        var data = CdcTestData.WithContentCutAt(chunkLength, chunkLength);
        Assert.Equal(chunkLength, CdcReference.FindCutPoint(data));
        var expected = CdcPaths.ReferenceChunks(data);
        foreach (var name in CdcPaths.SingleNames())
        {
            var path = CdcPaths.Single(name);
            Assert.Equal(chunkLength, path(data));
            Assert.Equal(expected, CdcPaths.SingleChunks(path, data));
        }

        foreach (var name in CdcPaths.BatchNames())
        {
            Assert.Equal(expected, CdcPaths.BatchChunks(CdcPaths.Batch(name), data));
        }
    }

    [Fact]
    public void A_content_cut_just_past_the_center_uses_the_large_mask()
    {
        // At chunk offset 640 the large mask (511) applies: a value that fails 2047 still cuts.
        var data = CdcTestData.WithContentCutAt(CdcConstants.CenterSize + 1, 11);
        var pattern = RollingValueAt(data, CdcConstants.CenterSize);
        Assert.Equal(0u, pattern & CdcConstants.MaskL);
        Assert.Equal(CdcConstants.CenterSize + 1, CdcChunker.FindCutPoint(data));
    }

    [Theory]
    [MemberData(nameof(SinglePaths))]
    public void Single_path_matches_the_reference_at_every_offset_of_a_long_buffer(string name)
    {
        var path = CdcPaths.Single(name);
        var data = CdcTestData.Random(40_000, 99);
        for (var offset = 0; offset < data.Length; offset++)
        {
            var rest = data.AsSpan(offset);
            Assert.Equal(CdcReference.FindCutPoint(rest), path(rest));
        }
    }

    [Theory]
    [MemberData(nameof(BatchPaths))]
    public void Batch_path_matches_the_reference_at_every_offset_of_a_long_buffer(string name)
    {
        var path = CdcPaths.Batch(name);
        var data = CdcTestData.Random(24_000, 98);
        var lengths = new int[128];
        for (var offset = 0; offset < data.Length; offset++)
        {
            var rest = data.AsSpan(offset);
            var count = path(rest, lengths);
            Assert.Equal(CdcPaths.ReferenceChunks(rest), lengths[..count]);
        }
    }

    private static uint RollingValueAt(byte[] data, int index)
    {
        uint pattern = 0;
        for (var i = CdcConstants.MinSize; i <= index; i++)
        {
            pattern = (pattern >> 1) + CdcConstants.Gear[data[i]];
        }

        return pattern;
    }
}
