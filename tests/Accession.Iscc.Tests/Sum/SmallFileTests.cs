using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

/// <summary>Files that fit one read are read whole and hashed on the calling thread; the result must not change.</summary>
public sealed class SmallFileTests
{
    private const int Limit = IsccSumHasher.SmallFileLimit;

    public static TheoryData<int, FileReadMode, bool> Cases()
    {
        var cases = new TheoryData<int, FileReadMode, bool>();
        foreach (var size in new[] { 0, 1, 5000, Limit - 1, Limit, Limit + 1, 3 << 20 })
        {
            foreach (var mode in new[] { FileReadMode.Read, FileReadMode.MemoryMapped })
            {
                cases.Add(size, mode, false);
                cases.Add(size, mode, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_file_hashes_as_its_bytes_on_either_side_of_the_small_file_limit(int size, FileReadMode mode, bool portable)
    {
        using var folder = new TempFolder();
        var path = folder.File("data.bin");
        var content = Vectors.SplitMix64((ulong)size + 1, size);
        await File.WriteAllBytesAsync(path, content);

        using (portable ? NativeFunction.ForcePortable() : null)
        {
            Assert.Equal(IsccSum.Hash(content), await IsccSum.HashFileAsync(path, mode: mode));
        }
    }

    [Fact]
    public async Task Hashing_many_files_on_one_thread_in_turn_gives_each_its_own_sum()
    {
        using var folder = new TempFolder();
        var contents = Enumerable.Range(0, 20).Select(i => Vectors.SplitMix64((ulong)i, 100 * i)).ToArray();
        for (var i = 0; i < contents.Length; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"{i}.bin"), contents[i]);
        }

        for (var i = 0; i < contents.Length; i++)
        {
            Assert.Equal(IsccSum.Hash(contents[i]), await IsccSum.HashFileAsync(folder.File($"{i}.bin")));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_folder_or_a_missing_file_is_refused_as_FileStream_refuses_it(bool portable)
    {
        using var folder = new TempFolder();
        using (portable ? NativeFunction.ForcePortable() : null)
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => IsccSum.HashFileAsync(folder.Path));
            await Assert.ThrowsAsync<FileNotFoundException>(() => IsccSum.HashFileAsync(folder.File("missing.bin")));
            await Assert.ThrowsAsync<DirectoryNotFoundException>(() => IsccSum.HashFileAsync(Path.Combine(folder.Path, "missing", "file.bin")));
        }
    }

    [Fact]
    public async Task A_hasher_whose_small_file_was_refused_can_go_on()
    {
        using var folder = new TempFolder();
        var path = folder.File("data.bin");
        var content = Vectors.SplitMix64(7, 5000);
        await File.WriteAllBytesAsync(path, content);
        var hasher = new IsccSumHasher();

        await Assert.ThrowsAsync<FileNotFoundException>(() => hasher.AppendFileAsync(folder.File("missing.bin")));
        await hasher.AppendFileAsync(path);

        Assert.Equal(IsccSum.Hash(content), hasher.GetCurrentResult());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tree_of_mixed_sizes_hashes_as_the_concatenation_of_its_files(bool portable)
    {
        using var folder = new TempFolder();
        var sizes = new[] { 0, 1, Limit - 1, Limit, Limit + 1, 3 << 20, 0, 4096, 4097 };
        for (var i = 0; i < sizes.Length; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"{i % 3}/{i}.bin"), Vectors.SplitMix64((ulong)i, sizes[i]));
        }

        var walked = TreeWalker.WalkFolder(folder.Path).ToList();
        var concatenation = walked.SelectMany(entry => File.ReadAllBytes(entry.FullPath!)).ToArray();

        using (portable ? NativeFunction.ForcePortable() : null)
        {
            Assert.Equal(IsccSum.Hash(concatenation), await TreeSum.HashFolderAsync(folder.Path));
        }
    }

    [Fact]
    public async Task A_tree_entry_that_cannot_be_read_is_named_by_its_relative_path()
    {
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File("a.bin"), Vectors.SplitMix64(1, 5000));
        await File.WriteAllBytesAsync(folder.File("c.bin"), Vectors.SplitMix64(3, 5000));
        TreeEntry[] entries =
        [
            TreeEntry.FromFile(folder.File("a.bin"), "a.bin"),
            TreeEntry.FromFile(folder.File("b.bin"), "b.bin"),
            TreeEntry.FromFile(folder.File("c.bin"), "c.bin"),
        ];

        var error = await Assert.ThrowsAsync<TreeWalkException>(() => TreeSum.AppendAsync(new IsccSumHasher(), entries));

        Assert.Equal("b.bin", error.Path);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public async Task Files_and_in_memory_entries_mix_in_one_tree()
    {
        using var folder = new TempFolder();
        var onDisk = Vectors.SplitMix64(1, 70_000);
        var inMemory = Vectors.SplitMix64(2, 3_000);
        await File.WriteAllBytesAsync(folder.File("a.bin"), onDisk);
        TreeEntry[] entries = [TreeEntry.FromFile(folder.File("a.bin"), "a.bin"), TreeEntry.FromMemory("b.bin", inMemory)];
        var hasher = new IsccSumHasher();

        await TreeSum.AppendAsync(hasher, entries);

        Assert.Equal(IsccSum.Hash([.. onDisk, .. inMemory]), hasher.GetCurrentResult());
    }
}
