using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Iscc.Tests.TreeWalk;

public class TreeWalkerTests
{
    private static List<string> Walk(TempFolder folder) =>
        [.. TreeWalker.WalkFolder(folder.Path).Select(entry => entry.RelativePath)];

    private static void Touch(TempFolder folder, string relative, string content = "x") =>
        File.WriteAllText(folder.File(relative), content);

    [Fact]
    public void Names_sort_by_nfc_bytes_with_raw_bytes_breaking_ties()
    {
        using var folder = new TempFolder();
        Touch(folder, "caf\u00e9.txt");
        Touch(folder, "Caf\u00e9.txt");
        Touch(folder, "Cafe\u0301.txt");
        Touch(folder, "caffe.txt");

        Assert.Equal(["Cafe\u0301.txt", "Caf\u00e9.txt", "caffe.txt", "caf\u00e9.txt"], Walk(folder));
    }

    [Fact]
    public void Decomposed_names_sort_where_their_composed_form_would()
    {
        using var folder = new TempFolder();
        Touch(folder, "e\u0301z.txt"); // NFC "éz" sorts after "f"
        Touch(folder, "f.txt");
        Touch(folder, "ea.txt");

        Assert.Equal(["ea.txt", "f.txt", "e\u0301z.txt"], Walk(folder));
    }

    [Fact]
    public void Ignore_files_come_first_then_files_then_subfolders_depth_first()
    {
        using var folder = new TempFolder();
        Touch(folder, "zzz.txt");
        Touch(folder, "aaa.txt");
        Touch(folder, ".gitignore", "nothing");
        Touch(folder, "a/2.txt");
        Touch(folder, "a/b/1.txt");
        Touch(folder, "a/1.txt");
        Touch(folder, "b/1.txt");
        Touch(folder, "A.txt");

        Assert.Equal(
            [".gitignore", "A.txt", "aaa.txt", "zzz.txt", "a/1.txt", "a/2.txt", "a/b/1.txt", "b/1.txt"],
            Walk(folder));
    }

    [Fact]
    public void Isccignore_folder_pattern_and_metadata_files_are_excluded()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "temp/\n");
        Touch(folder, "data.txt");
        Touch(folder, "data.txt.iscc.json");
        Touch(folder, "temp/cache.dat");
        Touch(folder, "deep/temp/cache.dat");
        Touch(folder, "deep/temp.txt");

        Assert.Equal([".isccignore", "data.txt", "deep/temp.txt"], Walk(folder));
    }

    [Fact]
    public void Metadata_files_stay_out_even_when_an_ignore_file_reincludes_them()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "!*.iscc.json\n");
        Touch(folder, "a.iscc.json");
        Touch(folder, "b.txt");

        Assert.Equal([".isccignore", "b.txt"], Walk(folder));
    }

    [Fact]
    public void Child_ignore_files_cascade_and_can_negate_parent_patterns()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "# logs are noise\n*.log\n");
        Touch(folder, "top.log");
        Touch(folder, "top.txt");
        Touch(folder, "sub/.isccignore", "!keep.log\n");
        Touch(folder, "sub/keep.log");
        Touch(folder, "sub/other.log");
        Touch(folder, "sub/deeper/keep.log");
        Touch(folder, "other/keep.log");

        Assert.Equal(
            [".isccignore", "top.txt", "sub/.isccignore", "sub/keep.log", "sub/deeper/keep.log"],
            Walk(folder));
    }

    [Fact]
    public void A_negated_folder_pattern_keeps_a_folder_that_a_wildcard_drops()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "*\n!keep/\n");
        Touch(folder, "a.txt");
        Touch(folder, "keep/b.txt");
        Touch(folder, "drop/c.txt");

        Assert.Equal(["keep/b.txt"], Walk(folder));
    }

    [Fact]
    public void Anchored_patterns_match_only_at_the_root()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "/notes.txt\ndocs/*.md\n");
        Touch(folder, "notes.txt");
        Touch(folder, "docs/a.md");
        Touch(folder, "docs/a.txt");
        Touch(folder, "sub/notes.txt");
        Touch(folder, "sub/docs/a.md");

        Assert.Equal([".isccignore", "docs/a.txt", "sub/notes.txt", "sub/docs/a.md"], Walk(folder));
    }

    [Fact]
    public void Symbolic_links_are_neither_followed_nor_yielded()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        Touch(outside, "secret.txt");
        Touch(folder, "real.txt");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "link.txt"), Path.Combine(folder.Path, "real.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path);

        Assert.Equal(["real.txt"], Walk(folder));
    }

    [Fact]
    public void Fifos_are_neither_opened_nor_yielded()
    {
        using var folder = new TempFolder();
        Touch(folder, "a.txt");
        Directory.CreateDirectory(folder.File("sub"));
        Assert.SkipUnless(Fifo.TryCreate(folder.File("sub/pipe")), "mkfifo is not available");
        Touch(folder, "sub/b.txt");

        Assert.Equal(["a.txt", "sub/b.txt"], Walk(folder));
    }

    [Fact]
    public void Entries_carry_full_paths_and_sizes()
    {
        using var folder = new TempFolder();
        Touch(folder, "sub/f.bin", "12345");

        var entry = Assert.Single(TreeWalker.WalkFolder(folder.Path));
        Assert.Equal(Path.Combine(folder.Path, "sub", "f.bin"), entry.FullPath);
        Assert.Equal(5, entry.Length);
    }

    [Fact]
    public void A_bad_pattern_is_reported_and_the_other_patterns_still_apply()
    {
        using var folder = new TempFolder();
        Touch(folder, ".isccignore", "!\n*.tmp\n");
        Touch(folder, "a.tmp");
        Touch(folder, "b.txt");
        var errors = new List<TreeWalkException>();

        var paths = TreeWalker.WalkFolder(folder.Path, errors.Add).Select(entry => entry.RelativePath).ToList();

        Assert.Equal([".isccignore", "b.txt"], paths);
        var error = Assert.Single(errors);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".isccignore", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_root_is_reported()
    {
        using var folder = new TempFolder();
        var errors = new List<TreeWalkException>();

        Assert.Empty(TreeWalker.WalkFolder(Path.Combine(folder.Path, "absent"), errors.Add));
        Assert.Single(errors);
    }
}
