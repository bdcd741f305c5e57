namespace Accession.Iscc.Tests.Sum;

public sealed class IsccSumPipelineTests
{
    private static readonly byte[] Data = Vectors.SplitMix64(99, 9_000_000);

    [Fact]
    public async Task Several_streams_hash_as_their_concatenation()
    {
        var hasher = new IsccSumHasher();
        var parts = new[] { (0, 100), (100, 3_000_000), (3_000_100, 0), (3_000_100, 5_999_900) };
        foreach (var (offset, length) in parts)
        {
            using var stream = new MemoryStream(Data, offset, length, writable: false);
            await hasher.AppendAsync(stream);
        }

        Assert.Equal(IsccSum.Hash(Data), hasher.GetCurrentResult());
        Assert.Equal(Data.Length, hasher.Length);
    }

    [Fact]
    public async Task Streams_and_spans_can_be_mixed()
    {
        var hasher = new IsccSumHasher();
        hasher.Append(Data.AsSpan(0, 12_345));
        using (var stream = new MemoryStream(Data, 12_345, 5_000_000, writable: false))
        {
            await hasher.AppendAsync(stream);
        }

        hasher.Append(Data.AsSpan(5_012_345));
        Assert.Equal(IsccSum.Hash(Data), hasher.GetCurrentResult());
    }

    [Fact]
    public async Task Progress_rises_to_the_stream_length()
    {
        var reports = new List<long>();
        using var stream = new MemoryStream(Data, writable: false);
        await IsccSum.HashAsync(stream, new ListProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(Data.Length, reports[^1]);
    }

    [Fact]
    public async Task A_read_error_propagates_and_leaves_the_hasher_needing_a_reset()
    {
        var hasher = new IsccSumHasher();
        using var stream = new TrickleStream(Data, seed: 1) { FailAfter = 6_000_000 };

        await Assert.ThrowsAsync<IOException>(() => hasher.AppendAsync(stream));
        Assert.Throws<InvalidOperationException>(() => hasher.GetCurrentResult());

        hasher.Reset();
        hasher.Append(Data.AsSpan(0, 10));
        Assert.Equal(IsccSum.Hash(Data.AsSpan(0, 10)), hasher.GetCurrentResult());
    }

    [Fact]
    public async Task Cancellation_during_the_read_stops_the_pipeline()
    {
        using var cancel = new CancellationTokenSource();
        using var stream = new TrickleStream(Data, seed: 2) { CancelSource = cancel, CancelAfter = 5_000_000 };
        var hasher = new IsccSumHasher();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hasher.AppendAsync(stream, cancellationToken: cancel.Token));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Throws<InvalidOperationException>(() => hasher.GetCurrentResult());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancellation_while_the_threads_read_a_file_stops_every_one(int workers)
    {
        using var folder = new Accession.TestKit.TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, Data);
        using var cancel = new CancellationTokenSource();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var hasher = new IsccSumHasher();
        var options = IsccSumPipeline.Options.Default with { SmallInputLimit = 0, Workers = workers };

        // The first joined segment cancels; the threads that wait or work must all stop.
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => hasher.AppendWithOptionsAsync(file, new CancelOnReport(cancel), options, cancel.Token));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Throws<InvalidOperationException>(() => hasher.GetCurrentResult());
    }

    [Fact]
    public async Task A_cancelled_token_stops_before_reading()
    {
        using var stream = new MemoryStream(Data, writable: false);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IsccSum.HashAsync(stream, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_missing_file_is_reported_as_such()
    {
        using var folder = new Accession.TestKit.TempFolder();
        await Assert.ThrowsAsync<FileNotFoundException>(() => IsccSum.HashFileAsync(Path.Combine(folder.Path, "absent.bin")));
    }

    [Fact]
    public void Result_equality_compares_digest_contents()
    {
        var a = IsccSum.Hash("abc"u8);
        var b = IsccSum.Hash("abc"u8);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, IsccSum.Hash("abd"u8));
    }

    /// <summary>Cancels the run at its first report.</summary>
    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<long>
    {
        public void Report(long value) => cancel.Cancel();
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class ListProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
