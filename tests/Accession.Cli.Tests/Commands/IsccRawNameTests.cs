using System.Security.Cryptography;
using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>Names that are not valid UTF-8 inside a folder are hashed, shown as <c>\xHH</c> and found again by <c>--check</c>.</summary>
[Trait("Category", "Process")]
public class IsccRawNameTests
{
    private static readonly string[] Names = ["b.txt", "caf\\xE9", "sub\\xFF/in.txt"];

    private static (RawNamedTree Tree, Dictionary<string, byte[]> Contents) Build()
    {
        var tree = new RawNamedTree();
        if (!tree.TryAddFolder(RawNamedTree.Bytes("d")) || !tree.TryAddFolder(RawNamedTree.Bytes("d/sub\\xFF")))
        {
            tree.Dispose();
            Assert.Skip("this file system refuses names that are not valid UTF-8");
        }

        var contents = new Dictionary<string, byte[]>();
        foreach (var name in Names)
        {
            var content = RandomNumberGenerator.GetBytes(700 + contents.Count);
            Assert.True(tree.TryAddFile(RawNamedTree.Bytes("d/" + name), content));
            contents[name] = content;
        }

        return (tree, contents);
    }

    private static string Code(byte[] content) => IsccSum.Hash(content).ToIscc(IsccSumWidth.Wide);

    private static string Raw(string name) => FileNameBytes.Decode(RawNamedTree.Bytes(name));

    [Fact]
    public async Task Files_with_such_names_in_a_folder_are_hashed_shown_escaped_and_checked_back()
    {
        var (tree, contents) = Build();
        using var _ = tree;
        var folder = Path.Join(tree.Path, "d");

        var made = await CliRunner.RunAsync("iscc", folder);
        var sums = Path.Join(tree.Path, "sums.txt");
        await File.WriteAllTextAsync(sums, made.Output, TestContext.Current.CancellationToken);
        var check = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(
            [
                $"{Code(contents["b.txt"])} *{folder}/b.txt",
                $"\\{Code(contents["caf\\xE9"])} *{folder}/caf\\xE9",
                $"\\{Code(contents["sub\\xFF/in.txt"])} *{folder}/sub\\xFF/in.txt",
            ],
            made.Lines);
        Assert.Empty(made.Error);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"{folder}/b.txt: OK", $"\\{folder}/caf\\xE9: OK", $"\\{folder}/sub\\xFF/in.txt: OK"], check.Lines);
    }

    [Fact]
    public async Task A_changed_file_with_such_a_name_fails_its_check()
    {
        var (tree, _) = Build();
        using var _ = tree;
        var folder = Path.Join(tree.Path, "d");
        var sums = Path.Join(tree.Path, "sums.txt");
        await File.WriteAllTextAsync(sums, (await CliRunner.RunAsync("iscc", "--tag", folder)).Output, TestContext.Current.CancellationToken);
        Assert.True(tree.TryAddFile(RawNamedTree.Bytes("d/caf\\xE9"), [1, 2, 3]));

        var check = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"\\{folder}/caf\\xE9: FAILED", check.Lines);
    }

    [Fact]
    public async Task Tree_mode_hashes_such_files_in_walk_order_and_checks_back()
    {
        var (tree, contents) = Build();
        using var _ = tree;
        var folder = Path.Join(tree.Path, "d");

        var made = await CliRunner.RunAsync("iscc", "--tree", folder);
        var sums = Path.Join(tree.Path, "tree.txt");
        await File.WriteAllTextAsync(sums, made.Output, TestContext.Current.CancellationToken);
        var check = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal([$"{Code([.. Names.SelectMany(name => contents[name])])} *{folder}/"], made.Lines);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public async Task Walk_lists_such_names_with_their_bytes()
    {
        var (tree, _) = Build();
        using var _ = tree;

        var walk = await CliRunner.RunAsync("iscc", "--walk", Path.Join(tree.Path, "d"));

        Assert.Equal(0, walk.ExitCode);
        Assert.Equal(Names.Select(Raw), walk.Lines);
    }

    [Fact]
    public async Task Zero_terminated_output_carries_the_raw_bytes_and_checks_back()
    {
        var (tree, contents) = Build();
        using var _ = tree;

        var (exitCode, output, error) = await CliProcess.RunShellAsync(
            $"cd '{tree.Path}' && {CliProcess.ShellCommand("iscc", "-z", "d")} > sums.z && {CliProcess.ShellCommand("iscc", "-c", "-z", "-q", "--strict", "sums.z")}");
        var written = await File.ReadAllBytesAsync(Path.Join(tree.Path, "sums.z"), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Empty(output);
        Assert.Empty(error);
        Assert.Equal(
            Names.SelectMany(name => RawNamedTree.Bytes($"{Code(contents[name])} *d/{name}").Append((byte)0)),
            written);
    }

    [Fact]
    public async Task A_folder_with_such_a_name_on_the_command_line_is_walked_hashed_as_a_tree_and_checked_back()
    {
        var (tree, contents) = Build();
        using var _ = tree;
        var folder = Path.Join(tree.Path, Raw("d/sub\\xFF"));
        var shown = Path.Join(tree.Path, "d/sub\\xFF");
        var inside = contents["sub\\xFF/in.txt"];

        var files = await CliRunner.RunAsync("iscc", folder);
        var trees = await CliRunner.RunAsync("iscc", "--tree", folder);
        var sums = Path.Join(tree.Path, "tree.txt");
        await File.WriteAllTextAsync(sums, trees.Output, TestContext.Current.CancellationToken);
        var check = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal(0, files.ExitCode);
        Assert.Equal([$"\\{Code(inside)} *{shown}/in.txt"], files.Lines);
        Assert.Equal(0, trees.ExitCode);
        Assert.Equal([$"\\{Code(inside)} *{shown}/"], trees.Lines);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal([$"\\{shown}/: OK"], check.Lines);
    }

    [Fact]
    public void Where_the_platform_cannot_list_such_names_the_error_says_so()
    {
        var damaged = $"d/caf\uFFFD";

        Assert.Equal(IoErrorText.NotUtf8InFolder, IoErrorText.Describe(damaged, new FileNotFoundException()));
        Assert.Equal(IoErrorText.NotUtf8InFolder, IoErrorText.Describe(damaged, new TreeWalkException(damaged, "gone", new FileNotFoundException())));
        Assert.Equal(IoErrorText.NotFound, IoErrorText.Describe("d/plain", new FileNotFoundException()));
    }
}
