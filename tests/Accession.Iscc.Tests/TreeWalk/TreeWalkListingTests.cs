using System.Security.Cryptography;
using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.TreeWalk;

/// <summary>
/// The walk lists folders byte for byte where it can (types from the listing, sizes asked only when
/// wanted) and through .NET elsewhere; both must walk a tree alike.
/// </summary>
public class TreeWalkListingTests
{
    private static TempFolder MixedTree()
    {
        var folder = new TempFolder();
        foreach (var name in new[] { ".isccignore", "B.txt", "a.txt", "caf\u00e9.txt", "Cafe\u0301.txt", "sub/z.bin", "sub/deeper/y.bin", "sub/ignored.tmp", "x.iscc.json" })
        {
            File.WriteAllBytes(folder.File(name), name == ".isccignore" ? "*.tmp\n"u8.ToArray() : RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(0, 5000)));
        }

        File.CreateSymbolicLink(Path.Combine(folder.Path, "link.txt"), Path.Combine(folder.Path, "a.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), Path.Combine(folder.Path, "sub"));
        Fifo.TryCreate(folder.File("sub/pipe"));
        return folder;
    }

    private static List<(string Path, string? FullPath, long Length)> Describe(IEnumerable<TreeEntry> entries) =>
        [.. entries.Select(entry => (entry.RelativePath, entry.FullPath, entry.Length))];

    [Fact]
    public void The_portable_listing_and_the_byte_for_byte_listing_walk_alike()
    {
        using var folder = MixedTree();

        var walked = Describe(TreeWalker.WalkFolder(folder.Path));
        List<(string Path, string? FullPath, long Length)> portable;
        using (NativeFunction.ForcePortable())
        {
            portable = Describe(TreeWalker.WalkFolder(folder.Path));
        }

        Assert.Equal(portable, walked);
        Assert.Equal(
            [".isccignore", "B.txt", "Cafe\u0301.txt", "a.txt", "caf\u00e9.txt", "sub/z.bin", "sub/deeper/y.bin"],
            walked.Select(entry => entry.Path));
        Assert.All(walked, entry => Assert.Equal(new FileInfo(entry.FullPath!).Length, entry.Length));
    }

    [Fact]
    public void Without_lengths_the_walk_yields_the_same_files_and_leaves_sizes_unasked_where_the_listing_tells_the_type()
    {
        using var folder = MixedTree();

        var withLengths = Describe(TreeWalker.WalkFolder(folder.Path));
        var withoutLengths = Describe(TreeWalker.WalkFolder(folder.Path, withLengths: false, onError: null, TestContext.Current.CancellationToken));

        Assert.Equal(withLengths.Select(entry => (entry.Path, entry.FullPath)), withoutLengths.Select(entry => (entry.Path, entry.FullPath)));
        var expected = RawFolder.IsAvailable ? withLengths.Select(_ => -1L) : withLengths.Select(entry => entry.Length);
        Assert.Equal(expected, withoutLengths.Select(entry => entry.Length));
    }

    [Fact]
    public void Ascii_names_sort_exactly_as_the_byte_keys_order_them()
    {
        var ascii = Enumerable.Range(0, 2000)
            .Select(_ => new string([.. Enumerable.Range(0, RandomNumberGenerator.GetInt32(1, 6)).Select(_ => (char)RandomNumberGenerator.GetInt32(0x20, 0x7F))]))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string[] mixed = [.. ascii.Take(500), "\u00e9", "e\u0301", "\uD83D\uDE00", "\uFF21", "z\u00e9"];

        Assert.Equal(ascii.Order(TreeEntryOrder.Instance), TreeEntryOrder.Sort(ascii));
        Assert.Equal(mixed.Order(TreeEntryOrder.Instance), TreeEntryOrder.Sort(mixed));
    }
}
