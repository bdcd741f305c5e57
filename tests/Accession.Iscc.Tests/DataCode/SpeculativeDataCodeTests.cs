using System.Text.Json;
using Accession.Iscc.Codec;
using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>
/// The Data-Code over segments chunked speculatively on several threads and joined to the exact
/// chain (<see cref="SpeculativeSegment"/>, <see cref="DataHasher.AppendSegment"/>) equals the sequential one: on the shared vectors, on
/// random data, and with segment starts placed where joining is hard.
/// </summary>
public sealed class SpeculativeDataCodeTests
{
    private static readonly int[] SmallSegments = [1, 100, 256, 257, 640, 1000, 4097, 8192, 20_000];

    public static TheoryData<string> IsccCoreCases() => Vectors.CaseNames(Vectors.IsccCore, "gen_data_code_v0");

    public static TheoryData<string> IsccSumCases() => Vectors.CaseNames(Vectors.IsccSum, "gen_data_code");

    public static TheoryData<string> ExtendedCases() => Vectors.ExtendedNames();

    [Theory]
    [Trait("Category", "Conformance")]
    [MemberData(nameof(IsccCoreCases))]
    public void Iscc_core_vectors_match_through_many_segments(string name) =>
        AssertVector(Vectors.IsccCore.GetProperty("gen_data_code_v0").GetProperty(name));

    [Theory]
    [Trait("Category", "Conformance")]
    [MemberData(nameof(IsccSumCases))]
    public void Iscc_sum_vectors_match_through_many_segments(string name) =>
        AssertVector(Vectors.IsccSum.GetProperty("gen_data_code").GetProperty(name));

    [Theory]
    [Trait("Category", "Conformance")]
    [MemberData(nameof(ExtendedCases))]
    public void Extended_vectors_match_through_many_segments(string name)
    {
        Vectors.AssertInputIsGenerated(name);
        var data = Vectors.ExtendedInput(name);
        var expected = Vectors.ExtendedOutput(name, "data_code_256").GetString();
        foreach (var segment in new[] { 777, 8192, 65_536 })
        {
            var hasher = new DataHasher();
            hasher.AppendParallel(data, threads: 3, segment);
            Assert.Equal(expected, IsccCode.DataCode(hasher.GetCurrentHash(), 256).ToString());
        }
    }

    [Fact]
    public void Random_data_random_segments_and_pieces_match_the_sequential_hash()
    {
        var random = new Random(7);
        for (var round = 0; round < 40; round++)
        {
            var data = CdcTestData.Random(random.Next(0, 400_000), seed: round);
            var expected = DataHasher.Hash(data);
            var hasher = new DataHasher();
            var offset = 0;
            while (offset < data.Length)
            {
                var piece = Math.Min(data.Length - offset, random.Next(1, 200_000));
                if (random.Next(3) == 0)
                {
                    hasher.Append(data.AsSpan(offset, piece));
                }
                else
                {
                    hasher.AppendParallel(data.AsMemory(offset, piece), random.Next(1, 5), random.Next(1, 70_000));
                }

                offset += piece;
            }

            Assert.True(expected.AsSpan().SequenceEqual(hasher.GetCurrentHash()), $"round {round}, {data.Length} bytes");
        }
    }

    [Fact]
    public void Segment_starts_at_adversarial_offsets_match_the_sequential_hash()
    {
        // Random content around long runs of one byte, where cuts fall only at the maximum size.
        var data = CdcTestData.Random(300_000, seed: 11);
        data.AsSpan(40_000, 60_000).Clear();
        data.AsSpan(150_000, 30_000).Fill(0xA5);
        data.AsSpan(250_000, 9_000).Fill(0xFF);
        var expected = DataHasher.Hash(data);
        var starts = ExactChunkStarts(data);

        var offsets = new SortedSet<int> { 100, 255, 256, 257, data.Length - 1, data.Length - 100 };
        foreach (var start in starts.Where(s => s > 0).Take(20))
        {
            offsets.Add(start);                 // at a cut point
            offsets.Add(start + 100);           // inside the minimum-size region
            offsets.Add(start + CdcConstants.MinSize);
            offsets.Add(start - 1);
        }

        // Max-size cuts inside the runs, and offsets inside the runs.
        foreach (var start in starts.Where(s => s is > 40_000 and < 100_000 or > 150_000 and < 180_000))
        {
            offsets.Add(start);
            offsets.Add(start + 1);
            offsets.Add(start + 4_000);
        }

        foreach (var offset in offsets.Where(o => o > 0 && o < data.Length))
        {
            var hasher = new DataHasher();
            hasher.AppendParallel(data, threads: 2, segmentLength: offset);
            Assert.True(expected.AsSpan().SequenceEqual(hasher.GetCurrentHash()), $"segments of {offset} bytes");
        }
    }

    [Fact]
    public void A_run_of_one_byte_is_chunked_by_the_joiner_and_still_matches()
    {
        var data = new byte[3_000_000];
        data.AsSpan().Fill(0x42);
        var hasher = new DataHasher();
        hasher.AppendParallel(data, threads: 2, segmentLength: 100_001);

        Assert.Equal(DataHasher.Hash(data), hasher.GetCurrentHash());
        var counters = hasher.Speculation;
        Assert.True(counters.Joins < counters.Segments, $"{counters.Joins} joins in {counters.Segments} segments");
        Assert.True(counters.SerialBytes > data.Length / 2, $"{counters.SerialBytes} bytes chunked by the joiner");
    }

    [Fact]
    public void Varied_content_joins_every_segment_early()
    {
        var data = CdcTestData.Random(8 << 20, seed: 3);
        var hasher = new DataHasher();
        hasher.AppendParallel(data, threads: 2, segmentLength: 1 << 20);

        Assert.Equal(DataHasher.Hash(data), hasher.GetCurrentHash());
        // The last segment has no lookahead behind it and is appended sequentially.
        var counters = hasher.Speculation;
        Assert.Equal(7, counters.Segments);
        Assert.Equal(7, counters.Joins);

        // The exact chain enters a segment less than MaxSize past its start and meets the speculative one soon after.
        Assert.InRange(counters.DiscardedBytes, 0, 7 * 4 * CdcConstants.MaxSize);
        Assert.InRange(counters.SerialBytes, 0, 7 * 4 * CdcConstants.MaxSize);
    }

    private static void AssertVector(JsonElement testCase)
    {
        var inputs = testCase.GetProperty("inputs");
        var data = Vectors.StreamInput(inputs[0]);
        var bits = inputs[1].GetInt32();
        var expected = testCase.GetProperty("outputs").GetProperty("iscc").GetString();
        foreach (var segment in SmallSegments)
        {
            var hasher = new DataHasher();
            hasher.AppendParallel(data, threads: 2, segment);
            Assert.Equal(expected, IsccCode.DataCode(hasher.GetCurrentHash(), bits).ToString());
        }
    }

    private static List<int> ExactChunkStarts(byte[] data)
    {
        var starts = new List<int>();
        for (var start = 0; start < data.Length; start += CdcReference.FindCutPoint(data.AsSpan(start)))
        {
            starts.Add(start);
        }

        return starts;
    }
}
