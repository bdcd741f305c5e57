using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

/// <summary>
/// A file hashed with the size its folder listing gave is not asked for its size again; whatever
/// happened to it since it was listed, the result is that of hashing it without the listed size.
/// </summary>
public sealed class ListedFileTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<IsccSumResult> HashListedAsync(string path, long listedLength) =>
        IsccSum.HashFileAsync(path, listedLength, progress: null, FileReadMode.Read, Cancel);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(5000, false)]
    [InlineData(5000, true)]
    [InlineData(IsccSumHasher.SmallFileLimit - 1, false)]
    [InlineData(IsccSumHasher.SmallFileLimit + 1, false)]
    public async Task A_walked_file_hashes_as_its_bytes_with_the_size_the_walk_gave(int size, bool portable)
    {
        using var folder = new TempFolder();
        var content = Vectors.SplitMix64((ulong)size + 3, size);
        await File.WriteAllBytesAsync(folder.File("sub/data.bin"), content);

        using (portable ? NativeFunction.ForcePortable() : null)
        {
            var entry = Assert.Single(TreeWalker.WalkFolder(folder.Path));
            Assert.Equal(size, entry.Length);
            Assert.Equal(IsccSum.Hash(content), await HashListedAsync(entry.FullPath!, entry.Length));
        }
    }

    [Theory]
    [InlineData(5000, 4999)] // shrank
    [InlineData(5000, 5001)] // grew
    [InlineData(5000, 0)] // emptied
    [InlineData(0, 10)] // filled
    [InlineData(5000, IsccSumHasher.SmallFileLimit + 10)] // grew beyond the small-file limit
    public async Task A_file_that_changed_size_since_it_was_listed_hashes_as_it_is_now(int listed, int now)
    {
        using var folder = new TempFolder();
        var path = folder.File("data.bin");
        var content = Vectors.SplitMix64(11, now);
        await File.WriteAllBytesAsync(path, content);

        Assert.Equal(IsccSum.Hash(content), await HashListedAsync(path, listed));
    }

    [Fact]
    public async Task A_listed_file_that_became_a_folder_or_vanished_is_refused_as_without_the_listed_size()
    {
        using var folder = new TempFolder();
        var nowFolder = folder.File("was-a-file");
        Directory.CreateDirectory(nowFolder);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => HashListedAsync(nowFolder, 100));
        await Assert.ThrowsAsync<FileNotFoundException>(() => HashListedAsync(folder.File("gone.bin"), 100));
    }

    [Fact]
    public async Task A_hasher_goes_on_after_a_listed_file_turned_out_changed()
    {
        using var folder = new TempFolder();
        var first = Vectors.SplitMix64(1, 3000);
        var second = Vectors.SplitMix64(2, 4000);
        await File.WriteAllBytesAsync(folder.File("a.bin"), first);
        await File.WriteAllBytesAsync(folder.File("b.bin"), second);
        var hasher = new IsccSumHasher();

        await hasher.AppendFileAsync(folder.File("a.bin"), 2999, progress: null, FileReadMode.Read, Cancel);
        await hasher.AppendFileAsync(folder.File("b.bin"), 4000, progress: null, FileReadMode.Read, Cancel);

        Assert.Equal(IsccSum.Hash([.. first, .. second]), hasher.GetCurrentResult());
    }
}
