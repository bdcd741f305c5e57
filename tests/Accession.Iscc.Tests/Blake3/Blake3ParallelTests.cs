using Accession.Iscc.Blake3;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Blake3;

/// <summary>Large inputs: every backend, several threads and whole files give one and the same hash.</summary>
public sealed class Blake3ParallelTests
{
    public static TheoryData<int> AwkwardLengths() =>
    [
        (256 << 10) + 1,
        1 << 20,
        (1 << 20) + 1,
        (2 << 20) + 1024,
        (3 << 20) - 7,
    ];

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void Several_threads_give_the_serial_hash(int length)
    {
        var input = Blake3TestData.RandomBytes(length, length);
        var serial = new Blake3Hasher();
        serial.Append(input);
        var expected = new byte[131];
        serial.GetCurrentHash(expected);

        foreach (var threads in new[] { 2, -1, 3 })
        {
            foreach (var parts in new[] { new[] { length }, new[] { 1000, length - 1000 }, new[] { (length / 2) + 3, length - (length / 2) - 3 } })
            {
                var parallel = new Blake3Hasher { MaxDegreeOfParallelism = threads };
                Blake3TestData.AppendInParts(parallel, input, parts);
                var actual = new byte[131];
                parallel.GetCurrentHash(actual);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void Every_backend_gives_the_portable_hash_on_large_input(int length)
    {
        var input = Blake3TestData.RandomBytes(length, length + 1);
        var reference = new Blake3Hasher { Backend = Blake3Backend.Portable };
        reference.Append(input);
        var expected = reference.GetCurrentHash();

        foreach (var backend in Blake3Dispatch.Supported)
        {
            var hasher = new Blake3Hasher { Backend = backend, MaxDegreeOfParallelism = 2 };
            Blake3TestData.AppendInParts(hasher, input, [5, 70_000, length - 70_005]);
            Assert.Equal(expected, hasher.GetCurrentHash());
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1025, 2)]
    [InlineData((3 << 20) + 5, 1)]
    [InlineData((3 << 20) + 5, 2)]
    [InlineData((3 << 20) + 5, -1)]
    public void Hashing_a_file_matches_hashing_its_bytes(int length, int threads)
    {
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        var input = Blake3TestData.RandomBytes(length, length + 2);
        File.WriteAllBytes(path, input);

        Assert.Equal(Blake3Hasher.Hash(input), Blake3Hasher.HashFile(path, threads));
    }

    [Fact]
    public void Hashing_a_missing_file_names_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("missing.bin");

        var error = Assert.Throws<FileNotFoundException>(() => Blake3Hasher.HashFile(path));
        Assert.Contains("missing.bin", error.Message, StringComparison.Ordinal);
    }
}
