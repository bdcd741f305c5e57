using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.Iscc.TreeWalk;
using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.Cli.Tests.Commands;

/// <summary>One tree held as a folder, as a zip and in memory hashes to one tree-mode code.</summary>
public sealed class IsccTreeSourcesTests
{
    [Fact]
    public async Task A_tree_as_folder_zip_and_memory_has_the_code_of_iscc_tree_and_of_its_bytes_in_walk_order()
    {
        var tree = new Dictionary<string, byte[]>
        {
            [".isccignore"] = "*.tmp\ncache/\n"u8.ToArray(),
            ["z.bin"] = RandomNumberGenerator.GetBytes(2_500_000), // through the two-core ring
            ["Caf\u00e9.txt"] = "composed"u8.ToArray(),
            ["a.tmp"] = RandomNumberGenerator.GetBytes(100),
            ["notes.iscc.json"] = "{}"u8.ToArray(),
            ["images/0/0.bin"] = RandomNumberGenerator.GetBytes(70_000),
            ["images/.isccignore"] = "!keep.tmp\n"u8.ToArray(),
            ["images/keep.tmp"] = RandomNumberGenerator.GetBytes(10),
            ["images/zarr.json"] = "{\"zarr_format\":3}"u8.ToArray(),
            ["cache/x.bin"] = RandomNumberGenerator.GetBytes(10),
        };
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "tree");
        foreach (var (path, bytes) in tree)
        {
            await File.WriteAllBytesAsync(folder.File("tree/" + path), bytes);
        }

        var zipPath = ZipBuilder.FromFolder(root).Write(folder.File("tree.zip"));
        using var zip = ArchiveReader.Open(zipPath);

        // TREEWALK-ISCC: ignore files first, then files by NFC bytes, then folders depth-first.
        string[] walkOrder = [".isccignore", "Caf\u00e9.txt", "z.bin", "images/.isccignore", "images/keep.tmp", "images/zarr.json", "images/0/0.bin"];
        var concatenated = walkOrder.SelectMany(path => tree[path]).ToArray();
        var expected = IsccSum.Hash(concatenated).ToIscc(IsccSumWidth.Wide);

        var cli = await CliRunner.RunAsync("iscc", "--tree", root);
        var fromFolder = await TreeSum.HashFolderAsync(root);
        var fromZip = await TreeSum.HashAsync(zip.ToTreeEntries());
        var fromMemory = await TreeSum.HashAsync(tree.Select(pair => TreeEntry.FromMemory(pair.Key, pair.Value)));

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal([$"{expected} *{root}/"], cli.Lines);
        Assert.Equal(expected, fromFolder.ToIscc(IsccSumWidth.Wide));
        Assert.Equal(expected, fromZip.ToIscc(IsccSumWidth.Wide));
        Assert.Equal(expected, fromMemory.ToIscc(IsccSumWidth.Wide));
        Assert.Equal(walkOrder, (await TreeWalker.OrderAsync(zip.ToTreeEntries())).Select(entry => entry.RelativePath));
    }
}
