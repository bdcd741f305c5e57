using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
using Accession.Iscc.Platform;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

public sealed class MappedFileHashingTests
{
    [Theory]
    [InlineData(5_000_003, 1L << 20)]
    [InlineData(3L << 20, 1L << 20)]
    [InlineData(2_500_000, (1L << 20) + 3)]
    public async Task Mapped_windows_give_the_digests_of_the_whole_file(int length, long windowLength)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, bytes);
        var data = new DataHasher();
        var instance = new InstanceHasher();
        var reported = new List<long>();

        await using (var file = File.OpenRead(path))
        {
            await MappedFileHashing.AppendAsync(file, length, data.Append, instance.Append, new SynchronousProgress(reported), CancellationToken.None, windowLength);
        }

        var expected = IsccSum.Hash(bytes);
        Assert.Equal(expected.DataDigest.ToArray(), data.GetCurrentHash());
        Assert.Equal(expected.InstanceDigest.ToArray(), instance.GetCurrentHash());
        Assert.Equal(length, reported[^1]);
    }

    [Theory]
    [InlineData(5_000_003, 1L << 20)]
    [InlineData(3L << 20, 1L << 20)]
    [InlineData(2_500_000, (1L << 20) + 3)]
    [InlineData(9_000_001, 8L << 20)]
    public async Task Windows_shared_by_both_threads_give_the_digests_of_the_whole_file(int length, long windowLength)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        bytes.AsSpan(length / 3, 100_000).Fill(0x5A); // a stretch without content-defined cuts across a window edge
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, bytes);
        var data = new DataHasher();
        var instance = new InstanceHasher();

        await using (var file = File.OpenRead(path))
        {
            await MappedFileHashing.AppendAsync(file, length, new DataWindowConsumer(data), instance.Append, progress: null, CancellationToken.None, windowLength);
        }

        var expected = IsccSum.Hash(bytes);
        Assert.Equal(expected.DataDigest.ToArray(), data.GetCurrentHash());
        Assert.Equal(expected.InstanceDigest.ToArray(), instance.GetCurrentHash());
        Assert.True(data.Speculation.Segments > 1, $"{data.Speculation.Segments} segments");
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task Files_hashed_through_the_hasher_match_the_in_memory_result(FileReadMode mode)
    {
        var bytes = new byte[(int)MappedFileHashing.MinimumLength * 2 + 17];
        new Random(7).NextBytes(bytes);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, bytes);

        var fromFile = await IsccSum.HashFileAsync(path, mode: mode);

        Assert.Equal(IsccSum.Hash(bytes), fromFile);
    }

    [Fact]
    public async Task A_window_stays_mapped_until_the_data_code_is_done_with_it_even_when_the_instance_code_fails()
    {
        var bytes = new byte[3 << 20];
        new Random(3).NextBytes(bytes);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, bytes);
        using var dataMayRead = new ManualResetEventSlim();
        var dataRead = new List<byte[]>();

        await using var file = File.OpenRead(path);
        // The instance consumer fails at once, on the calling flow, while the data consumer still waits
        // to read the first window: the call must not end (and unmap) before the data consumer does.
        var hashing = MappedFileHashing.AppendAsync(
            file,
            bytes.Length,
            window =>
            {
                dataMayRead.Wait();
                dataRead.Add(window.ToArray());
            },
            _ => throw new IOException("injected instance failure"),
            progress: null,
            CancellationToken.None);

        Assert.False(hashing.IsCompleted);
        dataMayRead.Set();
        var error = await Assert.ThrowsAsync<IOException>(() => hashing);

        Assert.Equal("injected instance failure", error.Message);
        Assert.Equal(bytes, Assert.Single(dataRead));
    }

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
