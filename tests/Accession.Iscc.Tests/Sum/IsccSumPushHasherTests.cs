using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// The push-style hasher: equal to the one-shot ISCC-SUM for every split and ring size, copies the
/// caller's bytes, and stops its workers on cancellation, failure and disposal.
/// </summary>
public sealed class IsccSumPushHasherTests
{
    private static readonly byte[] Data = Vectors.SplitMix64(7, 3_000_000);

    public static TheoryData<string> ExtendedCases() => Vectors.ExtendedNames();

    [Theory]
    [MemberData(nameof(ExtendedCases))]
    public async Task Extended_vectors_match_through_a_small_ring(string name)
    {
        Vectors.AssertInputIsGenerated(name);
        var data = Vectors.ExtendedInput(name);
        var (_, pieces) = Splits.For(data.Length).First(s => s.Name == "mixed");
        await using var hasher = new IsccSumPushHasher(bufferSize: (64 << 10) + 3, bufferCount: 3);
        await PushAsync(hasher, data, pieces);

        var result = await hasher.GetCurrentResultAsync();
        Assert.Equal(Vectors.ExtendedOutput(name, "iscc_sum_wide").GetString(), result.ToIscc(IsccSumWidth.Wide));
        Assert.Equal(Vectors.ExtendedOutput(name, "iscc_sum").GetString(), result.ToIscc(IsccSumWidth.Narrow));
        Assert.Equal(Vectors.ExtendedOutput(name, "datahash").GetString(), result.Datahash);
        Assert.Equal(data.Length, result.Filesize);
    }

    [Theory]
    [InlineData(1, 1, 2_000)]
    [InlineData(17, 2, 30_000)]
    [InlineData(4096, 1, 1_000_000)]
    [InlineData(65_539, 3, 3_000_000)]
    [InlineData(1 << 20, 4, 3_000_000)]
    public async Task Every_split_and_ring_size_gives_the_one_shot_result(int bufferSize, int bufferCount, int length)
    {
        var data = Data.AsMemory(0, length);
        var expected = IsccSum.Hash(data.Span);
        foreach (var (split, pieces) in Splits.For(length))
        {
            await using var hasher = new IsccSumPushHasher(bufferSize, bufferCount);
            await PushAsync(hasher, data, pieces);
            Assert.True(expected == await hasher.GetCurrentResultAsync(), $"split {split}");
            Assert.Equal(length, hasher.Length);
        }
    }

    [Fact]
    public async Task The_callers_buffer_may_be_reused_as_soon_as_the_append_returns()
    {
        await using var hasher = new IsccSumPushHasher(bufferSize: 100_000, bufferCount: 2);
        var buffer = new byte[65_536];
        for (var offset = 0; offset < Data.Length; offset += buffer.Length)
        {
            var piece = Math.Min(buffer.Length, Data.Length - offset);
            Data.AsSpan(offset, piece).CopyTo(buffer);
            await hasher.AppendAsync(buffer.AsMemory(0, piece));
            buffer.AsSpan().Fill(0xA5);
        }

        Assert.Equal(IsccSum.Hash(Data), await hasher.GetCurrentResultAsync());
    }

    [Fact]
    public async Task The_default_ring_matches_and_a_reset_starts_a_new_input()
    {
        await using var hasher = new IsccSumPushHasher();
        Assert.Equal(IsccSum.Hash([]), await hasher.GetCurrentResultAsync());

        await hasher.AppendAsync(Data.AsMemory(0, 12));
        Assert.Equal(IsccSum.Hash(Data.AsSpan(0, 12)), await hasher.GetCurrentResultAsync());

        await hasher.AppendAsync(Data.AsMemory(12));
        Assert.Equal(IsccSum.Hash(Data), await hasher.GetResultAndResetAsync());
        Assert.Equal(0, hasher.Length);

        await hasher.AppendAsync(Data.AsMemory(0, 2_500_000));
        Assert.Equal(IsccSum.Hash(Data.AsSpan(0, 2_500_000)), await hasher.GetCurrentResultAsync());
    }

    [Fact]
    public async Task Cancellation_mid_stream_stops_the_workers_and_retires_the_hasher()
    {
        using var cancel = new CancellationTokenSource();
        await using var hasher = new IsccSumPushHasher(bufferSize: 64 << 10, bufferCount: 2);
        var appended = 0;
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            for (; appended < Data.Length; appended += 50_000)
            {
                if (appended == 1_000_000)
                {
                    await cancel.CancelAsync();
                }

                await hasher.AppendAsync(Data.AsMemory(appended, Math.Min(50_000, Data.Length - appended)), cancel.Token);
            }
        });

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(1_000_000, appended);
        Assert.False(hasher.IsHashingInBackground);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.AppendAsync(Data.AsMemory(0, 10)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.GetCurrentResultAsync());
    }

    [Fact]
    public async Task A_worker_failure_reaches_the_caller_and_stops_the_other_worker()
    {
        var hashed = 0;
        var hasher = new IsccSumPushHasher(bufferSize: 64 << 10, bufferCount: 2)
        {
            DataWorkerTap = source =>
            {
                if ((hashed += source.Length) > 500_000)
                {
                    throw new IOException("simulated failure in the Data-Code worker");
                }
            },
        };
        await using (hasher)
        {
            var error = await Assert.ThrowsAsync<IOException>(async () =>
            {
                for (var offset = 0; offset < Data.Length; offset += 10_000)
                {
                    await hasher.AppendAsync(Data.AsMemory(offset, Math.Min(10_000, Data.Length - offset)));
                }

                await hasher.GetCurrentResultAsync();
            });

            Assert.Equal("simulated failure in the Data-Code worker", error.Message);
            Assert.False(hasher.IsHashingInBackground);
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.GetCurrentResultAsync());
        }
    }

    [Fact]
    public async Task Disposing_while_an_append_waits_ends_it_and_every_worker()
    {
        // Content does not matter here, only that hashing it through one 64 KiB buffer takes a while.
        var large = new byte[16 << 20];
        var hasher = new IsccSumPushHasher(bufferSize: 64 << 10, bufferCount: 1);
        var append = hasher.AppendAsync(large).AsTask();

        await hasher.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => append);
        Assert.False(hasher.IsHashingInBackground);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await hasher.AppendAsync(Data.AsMemory(0, 10)));
    }

    [Fact]
    public async Task Overlapping_calls_are_refused()
    {
        var large = new byte[16 << 20];
        await using var hasher = new IsccSumPushHasher(bufferSize: 64 << 10, bufferCount: 1);
        var append = hasher.AppendAsync(large).AsTask();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.AppendAsync(Data.AsMemory(0, 10)));
        await append;
        Assert.Equal(IsccSum.Hash(large), await hasher.GetCurrentResultAsync());
    }

    /// <summary>Pushes <paramref name="data"/> in the given pieces.</summary>
    internal static async Task PushAsync(IsccSumPushHasher hasher, ReadOnlyMemory<byte> data, IReadOnlyList<int> pieces)
    {
        var offset = 0;
        foreach (var piece in pieces)
        {
            await hasher.AppendAsync(data.Slice(offset, piece));
            offset += piece;
        }

        Assert.Equal(data.Length, offset);
    }
}
