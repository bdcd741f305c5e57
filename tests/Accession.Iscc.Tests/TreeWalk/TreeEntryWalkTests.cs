using System.Text;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.TreeWalk;

public sealed class TreeEntryWalkTests
{
    // A tree exercising every rule: NFC order, ignore files first, cascading and negated patterns,
    // ignored folders, metadata files, names at several depths.
    private static readonly Dictionary<string, string> Tree = new()
    {
        [".isccignore"] = "# noise\n*.log\nbuild/\n",
        [".gitignore"] = "anything",
        ["zzz.txt"] = "last at the top",
        ["Cafe\u0301.txt"] = "decomposed",
        ["caf\u00e9.txt"] = "composed",
        ["top.log"] = "ignored",
        ["data.txt.iscc.json"] = "{}",
        ["a/2.txt"] = "two",
        ["a/1.txt"] = "one",
        ["a/b/1.txt"] = "deep",
        ["build/out.bin"] = "ignored folder",
        ["sub/.isccignore"] = "!keep.log\n",
        ["sub/keep.log"] = "kept again",
        ["sub/other.log"] = "still ignored",
        ["sub/deeper/keep.log"] = "kept below too",
    };

    private static IEnumerable<TreeEntry> InMemory(IReadOnlyDictionary<string, string> tree) =>
        tree.Select(pair => TreeEntry.FromMemory(pair.Key, Encoding.UTF8.GetBytes(pair.Value)));

    private static TempFolder OnDisk(IReadOnlyDictionary<string, string> tree)
    {
        var folder = new TempFolder();
        foreach (var (path, text) in tree)
        {
            File.WriteAllText(folder.File(path), text);
        }

        return folder;
    }

    [Fact]
    public async Task Entries_are_ordered_and_filtered_exactly_as_the_same_folder_on_disk()
    {
        using var folder = OnDisk(Tree);

        var fromDisk = TreeWalker.WalkFolder(folder.Path).Select(entry => entry.RelativePath).ToList();
        var fromEntries = (await TreeWalker.OrderAsync(InMemory(Tree).Reverse())).Select(entry => entry.RelativePath).ToList();

        Assert.Equal(
            [
                ".gitignore", ".isccignore", "Cafe\u0301.txt", "caf\u00e9.txt", "zzz.txt",
                "a/1.txt", "a/2.txt", "a/b/1.txt",
                "sub/.isccignore", "sub/keep.log", "sub/deeper/keep.log",
            ],
            fromDisk);
        Assert.Equal(fromDisk, fromEntries);
    }

    [Fact]
    public async Task The_tree_sum_of_entries_is_the_sum_of_their_bytes_in_walk_order()
    {
        var walked = await TreeWalker.OrderAsync(InMemory(Tree));
        var concatenated = Encoding.UTF8.GetBytes(string.Concat(walked.Select(entry => Tree[entry.RelativePath])));
        var reported = new List<long>();

        var sum = await TreeSum.HashAsync(InMemory(Tree), new SynchronousProgress(reported));

        Assert.Equal(IsccSum.Hash(concatenated), sum);
        Assert.Equal(concatenated.Length, reported[^1]);
        using var folder = OnDisk(Tree);
        Assert.Equal(sum, await TreeSum.HashFolderAsync(folder.Path));
    }

    [Fact]
    public async Task Only_ignore_files_are_opened_to_order_a_tree()
    {
        var opened = new List<string>();
        var entries = Tree.Select(pair => new TreeEntry(pair.Key, pair.Value.Length, _ =>
        {
            lock (opened)
            {
                opened.Add(pair.Key);
            }

            return ValueTask.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(pair.Value)));
        }));

        await TreeWalker.OrderAsync(entries);

        Assert.Equal([".isccignore", "sub/.isccignore"], opened.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_entry_that_cannot_be_read_is_named_by_its_relative_path()
    {
        var entries = new[]
        {
            TreeEntry.FromMemory("a.txt", "fine"u8.ToArray()),
            new TreeEntry("b/broken.bin", -1, _ => ValueTask.FromResult<Stream>(new FailingStream())),
        };

        var error = await Assert.ThrowsAsync<TreeWalkException>(() => TreeSum.HashAsync(entries));

        Assert.Equal("b/broken.bin", error.Path);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task An_unreadable_ignore_file_is_reported_and_the_walk_goes_on()
    {
        var entries = new[]
        {
            new TreeEntry(".isccignore", -1, _ => ValueTask.FromResult<Stream>(new FailingStream())),
            TreeEntry.FromMemory("a.log", "x"u8.ToArray()),
        };
        var errors = new List<TreeWalkException>();

        var walked = await TreeWalker.OrderAsync(entries, errors.Add);

        Assert.Equal([".isccignore", "a.log"], walked.Select(entry => entry.RelativePath));
        Assert.Equal(".isccignore", Assert.Single(errors).Path);
    }

    [Fact]
    public async Task An_oversized_ignore_file_is_refused()
    {
        var entries = new[] { TreeEntry.FromMemory(".isccignore", new byte[TreeWalker.MaxIgnoreFileLength + 1]) };

        var error = await Assert.ThrowsAsync<TreeWalkException>(() => TreeWalker.OrderAsync(entries));

        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a", "a/b")]
    [InlineData("a/b", "a")]
    public async Task A_path_listed_twice_or_as_file_and_folder_is_refused(string first, string second)
    {
        var entries = new[] { TreeEntry.FromMemory(first, new byte[] { 1 }), TreeEntry.FromMemory(second, new byte[] { 2 }) };

        await Assert.ThrowsAsync<ArgumentException>(() => TreeWalker.OrderAsync(entries));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("dir/")]
    [InlineData("a//b")]
    [InlineData("a/../b")]
    [InlineData("./a")]
    public void Entry_paths_must_be_relative_and_plain(string path)
    {
        Assert.Throws<ArgumentException>(() => TreeEntry.FromMemory(path, new byte[] { 1 }));
    }

    [Fact]
    public async Task Cancellation_stops_a_tree_sum()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TreeSum.HashAsync(InMemory(Tree), cancellationToken: cancelled.Token));
    }

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("device error");

        public override int Read(Span<byte> buffer) => throw new IOException("device error");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("device error"));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(new IOException("device error"));
    }
}
