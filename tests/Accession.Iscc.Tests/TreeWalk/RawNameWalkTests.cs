using System.Security.Cryptography;
using Accession.Iscc.Codec;
using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.TreeWalk;

/// <summary>Names that are not valid UTF-8 inside a walked folder are listed, ordered and opened by their bytes.</summary>
public class RawNameWalkTests
{
    // In TREEWALK order, by the rule of docs/cli.md: bytes of the NFC form, valid stretches normalised.
    // "e\u0301\xFF" sorts as "\u00E9\xFF" (C3 A9 FF), after "f"; "caf\u00E9" (C3 A9) before "caf\xE9" (E9).
    private static readonly string[] Files = ["a.txt", "b\\xFF", "caf\u00E9", "caf\\xE9", "f", "e\u0301\\xFF", "dir\\xE9/in\\xFC.txt", "dir\\xE9/z"];

    private static string Decoded(string text) => FileNameBytes.Decode(RawNamedTree.Bytes(text));

    private static Dictionary<string, byte[]> Build(RawNamedTree tree)
    {
        Assert.SkipUnless(tree.TryAddFolder(RawNamedTree.Bytes("dir\\xE9")), "this file system refuses names that are not valid UTF-8");
        var contents = new Dictionary<string, byte[]>();
        foreach (var file in Files)
        {
            var content = RandomNumberGenerator.GetBytes(100 + contents.Count);
            Assert.True(tree.TryAddFile(RawNamedTree.Bytes(file), content));
            contents[Decoded(file)] = content;
        }

        return contents;
    }

    [Fact]
    public async Task Names_that_are_not_utf8_are_walked_in_byte_order_and_opened_by_their_bytes()
    {
        using var tree = new RawNamedTree();
        var contents = Build(tree);

        var walked = TreeWalker.WalkFolder(tree.Path).ToList();

        Assert.Equal(Files.Select(Decoded), walked.Select(entry => entry.RelativePath));
        foreach (var entry in walked)
        {
            var stream = await entry.OpenAsync(TestContext.Current.CancellationToken);
            await using (stream)
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
                Assert.Equal(contents[entry.RelativePath], copy.ToArray());
                Assert.Equal(copy.Length, entry.Length);
            }
        }
    }

    [Fact]
    public async Task A_tree_with_such_names_hashes_their_bytes_in_walk_order()
    {
        using var tree = new RawNamedTree();
        var contents = Build(tree);

        var result = await TreeSum.HashFolderAsync(tree.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(IsccSum.Hash(Files.SelectMany(file => contents[Decoded(file)]).ToArray()).ToIscc(IsccSumWidth.Wide), result.ToIscc(IsccSumWidth.Wide));
    }

    [Fact]
    public void Without_byte_for_byte_listing_the_name_is_damaged_and_cannot_be_opened()
    {
        using var tree = new RawNamedTree();
        Assert.SkipUnless(tree.TryAddFile(RawNamedTree.Bytes("caf\\xE9"), [1]), "this file system refuses names that are not valid UTF-8");

        using (NativeFunction.ForcePortable())
        {
            var walked = TreeWalker.WalkFolder(tree.Path).ToList();

            Assert.Equal(["caf\uFFFD"], walked.Select(entry => entry.RelativePath));
            Assert.ThrowsAny<FileNotFoundException>(() => walked[0].OpenAsync(TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());
        }
    }

    [Fact]
    public void Sorting_compares_raw_bytes_with_valid_stretches_in_nfc()
    {
        var names = Files.Where(file => !file.Contains('/')).Select(Decoded).ToArray();

        Assert.Equal(names, TreeEntryOrder.Sort(names.Reverse()));
        Assert.Equal("\u00E9\uDCFF", TreeEntryOrder.Nfc(Decoded("e\u0301\\xFF")));
    }

    [Fact]
    public void Names_round_trip_through_their_bytes()
    {
        var random = new Random(8);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 24)];
            random.NextBytes(bytes);

            var name = FileNameBytes.Decode(bytes);

            Assert.Equal(bytes, FileNameBytes.Encode(name));
            Assert.Equal(!System.Text.Unicode.Utf8.IsValid(bytes), FileNameBytes.HasRawBytes(name));
        }
    }
}
