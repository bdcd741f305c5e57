using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
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
            await MappedFileHashing.AppendAsync(file, length, data, instance, new SynchronousProgress(reported), CancellationToken.None, windowLength);
        }

        var expected = IsccSum.Hash(bytes);
        Assert.Equal(expected.DataDigest.ToArray(), data.GetCurrentHash());
        Assert.Equal(expected.InstanceDigest.ToArray(), instance.GetCurrentHash());
        Assert.Equal(length, reported[^1]);
    }

    [Fact]
    public async Task Files_hashed_through_the_hasher_match_the_in_memory_result()
    {
        var bytes = new byte[(int)MappedFileHashing.MinimumLength * 2 + 17];
        new Random(7).NextBytes(bytes);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, bytes);

        var fromFile = await IsccSum.HashFileAsync(path);

        Assert.Equal(IsccSum.Hash(bytes), fromFile);
    }

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
