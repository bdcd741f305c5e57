namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// <see cref="IsccSumPushHasher.AppendFromAsync"/>: streams read straight into the ring, alone or between
/// span appends, give the one-shot result of the concatenated bytes; a failing read retires the hasher.
/// </summary>
public sealed class IsccSumPushHasherStreamTests
{
    private static readonly byte[] Data = RandomBytes(3_000_000, 7);

    public static TheoryData<int, int> Rings() => new()
    {
        { 4_096, 2 },
        { 65_539, 3 },
        { 300_007, 5 },
        { 1 << 20, 8 },
    };

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task Streams_between_span_appends_give_the_one_shot_result_of_all_the_bytes(int bufferSize, int bufferCount)
    {
        await using var hasher = new IsccSumPushHasher(bufferSize, bufferCount);
        using var first = new TrickleStream(Data[1_000..1_200_000], seed: bufferSize);
        using var second = new TrickleStream(Data[1_200_010..], seed: bufferSize + 1);

        await hasher.AppendAsync(Data.AsMemory(0, 1_000));
        var firstCount = await hasher.AppendFromAsync(first);
        await hasher.AppendAsync(Data.AsMemory(1_200_000, 10));
        var secondCount = await hasher.AppendFromAsync(second);

        Assert.Equal((1_199_000, Data.Length - 1_200_010), (firstCount, secondCount));
        Assert.Equal(Data.Length, hasher.Length);
        Assert.Equal(IsccSum.Hash(Data), await hasher.GetCurrentResultAsync());
    }

    [Fact]
    public async Task An_empty_stream_adds_nothing()
    {
        await using var hasher = new IsccSumPushHasher(4_096, 2);
        using var empty = new MemoryStream();

        Assert.Equal(0, await hasher.AppendFromAsync(empty));
        Assert.Equal(IsccSum.Hash([]), await hasher.GetCurrentResultAsync());
    }

    [Fact]
    public async Task A_failing_read_reaches_the_caller_and_retires_the_hasher()
    {
        await using var hasher = new IsccSumPushHasher(bufferSize: 64 << 10, bufferCount: 2);
        using var failing = new TrickleStream(Data, seed: 3) { FailAfter = 1_000_000 };

        await Assert.ThrowsAsync<IOException>(async () => await hasher.AppendFromAsync(failing));

        Assert.False(hasher.IsHashingInBackground);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.AppendFromAsync(new MemoryStream(Data)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.GetCurrentResultAsync());
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
