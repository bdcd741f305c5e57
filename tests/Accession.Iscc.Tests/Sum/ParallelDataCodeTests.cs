using Accession.Iscc.DataCode;
using Accession.Iscc.Tests.DataCode;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// The push-style hasher and the stream path chunk the Data-Code of their buffers speculatively on
/// both workers and join it to the exact chain (<see cref="SegmentPipeline"/>): whatever the split of
/// the input, the buffer size and the content, the result equals the one-shot sequential one, and
/// speculation does happen where a lookahead fits.
/// </summary>
public sealed class ParallelDataCodeTests
{
    private static readonly byte[] Adversarial = BuildAdversarial(3_100_000);

    public static TheoryData<int, int> Rings() => new()
    {
        { 2 * CdcConstants.MaxSize, 2 },      // segments of exactly MaxSize
        { (2 * CdcConstants.MaxSize) + 1, 3 },
        { 20_000, 8 },
        { 65_539, 2 },
        { 300_007, 5 },
        { 1 << 20, 8 },
    };

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task Pushed_splits_of_adversarial_content_match_the_one_shot_result(int bufferSize, int bufferCount)
    {
        var expected = IsccSum.Hash(Adversarial);
        foreach (var (split, pieces) in Splits.For(Adversarial.Length))
        {
            await using var hasher = new IsccSumPushHasher(bufferSize, bufferCount);
            await IsccSumPushHasherTests.PushAsync(hasher, Adversarial, pieces);

            Assert.True(expected == await hasher.GetCurrentResultAsync(), $"split {split}");
            Assert.True(hasher.Speculation.Segments > 0, $"split {split}: no segment was chunked speculatively");
        }
    }

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task Streams_read_in_random_pieces_match_the_one_shot_result(int bufferSize, int bufferCount)
    {
        var expected = IsccSum.Hash(Adversarial);
        foreach (var workers in new[] { 0, 1, 2 })
        {
            var hasher = new IsccSumHasher();
            using var stream = new TrickleStream(Adversarial, seed: bufferSize + workers);
            await hasher.AppendWithOptionsAsync(stream, null, new IsccSumPipeline.Options(bufferSize, bufferCount, 0, workers), CancellationToken.None);

            Assert.True(expected == hasher.GetCurrentResult(), $"{workers} workers");
            Assert.True(hasher.Speculation.Segments > 0, $"{workers} workers: no segment was chunked speculatively");
        }
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task Files_in_either_read_mode_match_the_one_shot_result(FileReadMode mode)
    {
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, Adversarial);
        var hasher = new IsccSumHasher();
        await hasher.AppendFileAsync(path, mode: mode);

        Assert.Equal(IsccSum.Hash(Adversarial), hasher.GetCurrentResult());
        Assert.True(hasher.Speculation.Joins > 0, "no segment joined the exact chain");
    }

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task Files_read_by_every_thread_match_the_one_shot_result(int bufferSize, int bufferCount)
    {
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, Adversarial);
        var expected = IsccSum.Hash(Adversarial.AsSpan(1000));
        foreach (var workers in new[] { 0, 1, 2 })
        {
            var hasher = new IsccSumHasher();
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            file.Position = 1000;
            await hasher.AppendWithOptionsAsync(file, null, new IsccSumPipeline.Options(bufferSize, bufferCount, 0, workers), CancellationToken.None);

            Assert.True(expected == hasher.GetCurrentResult(), $"{workers} workers");
            Assert.Equal(Adversarial.Length, file.Position);
            Assert.True(hasher.Speculation.Segments > 0, $"{workers} workers: no segment was chunked speculatively");
        }
    }

    [Fact]
    public async Task Random_content_lengths_and_rings_match_the_sequential_data_code()
    {
        var random = new Random(5);
        for (var round = 0; round < 12; round++)
        {
            var data = round % 3 == 0 ? BuildAdversarial(random.Next(0, 900_000)) : CdcTestData.Random(random.Next(0, 900_000), seed: round);
            var bufferSize = random.Next(2 * CdcConstants.MaxSize, 120_000);
            await using var hasher = new IsccSumPushHasher(bufferSize, random.Next(2, 6));
            var offset = 0;
            while (offset < data.Length)
            {
                var piece = Math.Min(data.Length - offset, random.Next(1, 3 * bufferSize));
                await hasher.AppendAsync(data.AsMemory(offset, piece));
                offset += piece;
            }

            Assert.True(IsccSum.Hash(data) == await hasher.GetCurrentResultAsync(), $"round {round}: {data.Length} bytes, buffers of {bufferSize}");
        }
    }

    [Fact]
    public async Task Results_asked_for_midway_do_not_disturb_the_chain()
    {
        await using var hasher = new IsccSumPushHasher(bufferSize: 50_000, bufferCount: 3);
        var random = new Random(9);
        var offset = 0;
        while (offset < Adversarial.Length)
        {
            var piece = Math.Min(Adversarial.Length - offset, random.Next(1, 400_000));
            await hasher.AppendAsync(Adversarial.AsMemory(offset, piece));
            offset += piece;
            Assert.True(IsccSum.Hash(Adversarial.AsSpan(0, offset)) == await hasher.GetCurrentResultAsync(), $"after {offset} bytes");
        }

        Assert.True(hasher.Speculation.Joins > 0, "no segment joined the exact chain");
    }

    [Fact]
    public async Task A_run_of_one_byte_falls_back_to_the_joiner_and_still_matches()
    {
        var data = new byte[2_000_000];
        data.AsSpan().Fill(0x42);
        await using var hasher = new IsccSumPushHasher(bufferSize: 40_000, bufferCount: 4);
        await hasher.AppendAsync(data);

        Assert.Equal(IsccSum.Hash(data), await hasher.GetCurrentResultAsync());
        var counters = hasher.Speculation;
        Assert.True(counters.Joins < counters.Segments, $"{counters.Joins} joins in {counters.Segments} segments");
        Assert.True(counters.SerialBytes > data.Length / 2, $"{counters.SerialBytes} bytes chunked by the joiner");
    }

    [Fact]
    public async Task Varied_content_joins_every_speculative_segment()
    {
        var data = CdcTestData.Random(6 << 20, seed: 4);
        await using var hasher = new IsccSumPushHasher();
        await hasher.AppendAsync(data);

        Assert.Equal(IsccSum.Hash(data), await hasher.GetCurrentResultAsync());
        var counters = hasher.Speculation;
        Assert.True(counters.Segments >= 5, $"{counters.Segments} segments");
        Assert.Equal(counters.Segments, counters.Joins);
    }

    [Fact]
    public async Task A_file_read_on_one_thread_reuses_one_buffer_of_the_ring()
    {
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, Adversarial);
        var hasher = new DataHasher();
        using (var pipeline = new SegmentPipeline(hasher, instance: null, bufferSize: 40_000, bufferCount: 8))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            pipeline.ReadFile(file.SafeFileHandle, 0, Adversarial.Length);
            pipeline.WorkOnFile();

            Assert.Equal(1, pipeline.BuffersTaken);
        }

        Assert.Equal(DataHasher.Hash(Adversarial), hasher.GetCurrentHash());
    }

    [Fact]
    public async Task A_producer_that_helps_takes_no_more_buffers_than_it_reads_ahead()
    {
        var hasher = new DataHasher();
        using var pipeline = new SegmentPipeline(hasher, instance: null, bufferSize: 40_000, bufferCount: 8) { ReadAhead = 2 };
        var offset = 0;
        while (offset < Adversarial.Length)
        {
            var buffer = await pipeline.NextBufferAsync(help: true, CancellationToken.None);
            var count = Math.Min(buffer.Length, Adversarial.Length - offset);
            Adversarial.AsMemory(offset, count).CopyTo(buffer);
            pipeline.Commit(count);
            offset += count;
        }

        pipeline.EndOfInput();
        await pipeline.WaitUntilDoneAsync(help: true, CancellationToken.None);

        Assert.Equal(DataHasher.Hash(Adversarial), hasher.GetCurrentHash());
        Assert.InRange(pipeline.BuffersTaken, 2, pipeline.ReadAhead + 1);
    }

    /// <summary>
    /// Random bytes with long runs of one byte (no cut points: cuts only at MaxSize), short runs about
    /// the minimum chunk size, and runs that straddle typical buffer edges.
    /// </summary>
    private static byte[] BuildAdversarial(int length)
    {
        var data = CdcTestData.Random(length, seed: length);
        var random = new Random(length);
        for (var at = random.Next(0, 50_000); at < length; at += random.Next(20_000, 250_000))
        {
            var run = random.Next(4) switch
            {
                0 => random.Next(1, CdcConstants.MinSize + 2),
                1 => random.Next(CdcConstants.MaxSize - 2, CdcConstants.MaxSize + 3),
                2 => random.Next(30_000, 120_000),
                _ => random.Next(200, 3 * CdcConstants.MaxSize),
            };
            data.AsSpan(at, Math.Min(run, length - at)).Fill((byte)random.Next(256));
        }

        return data;
    }
}
