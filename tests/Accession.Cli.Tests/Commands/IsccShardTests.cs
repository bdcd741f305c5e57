using Accession.Cli.Commands.Iscc;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary><c>--shard i/n</c> splits the files of a walk; <c>--merge</c> puts the outputs back together as one run's.</summary>
public class IsccShardTests
{
    // Ignore files, NFC order, a newline and a backslash to escape, files beside and below subfolders.
    private static readonly string[] Names =
    [
        ".gitignore", "B.txt", "a.txt", "Cafe\u0301.txt", "Caf\u00E9.txt", "two\nlines", "back\\slash", "z",
        "sub/a", "sub/.hidden", "sub/deeper/x.bin", "sub/deeper/y.bin", "sub2/only", "a/b/c/d/e.dat",
    ];

    private static TempFolder Generate()
    {
        var folder = new TempFolder();
        var random = new Random(11);
        foreach (var name in Names.Concat(Enumerable.Range(0, 40).Select(i => $"many/{i % 5}/file{i}.bin")))
        {
            var content = new byte[random.Next(0, 3000)];
            random.NextBytes(content);
            File.WriteAllBytes(folder.File(Path.Join("data", name)), content);
        }

        return folder;
    }

    /// <summary>Runs all <paramref name="count"/> shards with <c>-o</c>; returns their output files.</summary>
    private static async Task<List<string>> ShardAsync(TempFolder folder, int count, string[] options, params string[] arguments)
    {
        var shards = new List<string>();
        for (var i = 0; i < count; i++)
        {
            shards.Add(Path.Join(folder.Path, $"shard-{i}.txt"));
            Assert.Equal(0, (await CliRunner.RunAsync(["iscc", .. options, "--shard", $"{i}/{count}", "-o", shards[^1], .. arguments])).ExitCode);
        }

        return shards;
    }

    public static TheoryData<int, string[]> ShardCounts() => new()
    {
        { 1, [] },
        { 3, [] },
        { 7, [] },
        { 3, ["--units", "--tag"] },
        { 7, ["-z", "--narrow"] },
    };

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public async Task Merged_shards_equal_one_run_byte_for_byte(int count, string[] options)
    {
        using var folder = Generate();
        var data = Path.Join(folder.Path, "data");
        var single = Path.Join(folder.Path, "single.txt");
        Assert.Equal(0, (await CliRunner.RunAsync(["iscc", .. options, "-o", single, data])).ExitCode);
        var shards = await ShardAsync(folder, count, options, data);

        var merged = Path.Join(folder.Path, "merged.txt");
        var zero = options.Contains("-z") ? new[] { "-z" } : [];
        var merge = await CliRunner.RunAsync(["iscc", "--merge", .. zero, "-o", merged, .. shards.AsEnumerable().Reverse()]);

        Assert.Equal(0, merge.ExitCode);
        Assert.Empty(merge.Error);
        Assert.Equal(await File.ReadAllBytesAsync(single, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(merged, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Shards_are_disjoint_and_together_hash_every_file(int count)
    {
        using var folder = Generate();
        var data = Path.Join(folder.Path, "data");
        var all = (await CliRunner.RunAsync("iscc", "-z", data)).Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

        var shards = new List<string[]>();
        for (var i = 0; i < count; i++)
        {
            shards.Add((await CliRunner.RunAsync("iscc", "-z", "--shard", $"{i}/{count}", data)).Output.Split('\0', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.Equal(all.Length, shards.Sum(shard => shard.Length));
        Assert.Equal(all.Order(StringComparer.Ordinal), shards.SelectMany(shard => shard).Order(StringComparer.Ordinal));
        Assert.True(shards.Count(shard => shard.Length > 0) > 1, "the files spread over more than one shard");
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("0/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    [InlineData(" 1/3")]
    [InlineData("1/99999999999")]
    public async Task A_bad_shard_spec_is_a_usage_error(string spec)
    {
        using var folder = Generate();

        var run = await CliRunner.RunAsync("iscc", "--shard", spec, Path.Join(folder.Path, "data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Single(run.ErrorLines);
        Assert.Contains("--shard", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tree")]
    [InlineData("--similar")]
    [InlineData("--walk")]
    [InlineData("--merge")]
    public async Task Modes_that_cannot_be_split_are_refused(string mode)
    {
        using var folder = Generate();

        var run = await CliRunner.RunAsync("iscc", "--shard", "0/2", mode, Path.Join(folder.Path, "data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal([$"accession iscc: {IsccConflicts.Find(new IsccSettings { Shard = new ShardSpec(0, 2), Files = ["x"], Tree = mode == "--tree", Similar = mode == "--similar", Walk = mode == "--walk", Merge = mode == "--merge" })}"], run.ErrorLines);
    }

    [Fact]
    public async Task Arguments_out_of_walk_order_standard_input_and_a_tree_merge_are_refused()
    {
        using var folder = Generate();
        var data = Path.Join(folder.Path, "data");

        var unordered = await CliRunner.RunAsync("iscc", "--shard", "0/2", Path.Join(data, "sub2"), Path.Join(data, "sub"));
        var nested = await CliRunner.RunAsync("iscc", "--shard", "0/2", data, Path.Join(data, "sub"));
        var stdin = await CliRunner.RunAsync("iscc", "--shard", "0/2");
        var tree = await CliRunner.RunAsync("iscc", "--merge", "--tree", data);

        Assert.All([unordered, nested, stdin, tree], run => Assert.Equal(2, run.ExitCode));
        Assert.Contains("walk order", unordered.Error, StringComparison.Ordinal);
        Assert.Contains("walk order", nested.Error, StringComparison.Ordinal);
        Assert.Contains("standard input", stdin.Error, StringComparison.Ordinal);
        Assert.Equal(["accession iscc: --merge cannot be used with --tree"], tree.ErrorLines);
    }

    [Fact]
    public async Task Arguments_in_walk_order_merge_like_one_run()
    {
        using var folder = Generate();
        var data = Path.Join(folder.Path, "data");
        string[] arguments = [Path.Join(data, "a.txt"), Path.Join(data, "sub"), Path.Join(data, "sub2")];
        var single = await CliRunner.RunAsync(["iscc", .. arguments]);
        var shards = await ShardAsync(folder, 3, [], arguments);

        var merge = await CliRunner.RunAsync(["iscc", "--merge", .. shards]);

        Assert.Equal(0, merge.ExitCode);
        Assert.Equal(single.Output, merge.Output);
    }

    [Fact]
    public async Task A_missing_or_repeated_shard_is_refused_before_anything_is_written()
    {
        using var folder = Generate();
        var data = Path.Join(folder.Path, "data");
        var shards = await ShardAsync(folder, 3, [], data);

        var missing = await CliRunner.RunAsync("iscc", "--merge", shards[0], shards[1]);
        var repeated = await CliRunner.RunAsync("iscc", "--merge", shards[0], shards[1], shards[1]);
        var zeroMismatch = await CliRunner.RunAsync("iscc", "--merge", "-z", shards[0], shards[1], shards[2]);

        Assert.All([missing, repeated, zeroMismatch], run =>
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Empty(run.Output);
            Assert.Single(run.ErrorLines);
        });
        Assert.Contains("all shards", missing.Error, StringComparison.Ordinal);
        Assert.Contains("all shards", repeated.Error, StringComparison.Ordinal);
        Assert.Contains("merge without -z", zeroMismatch.Error, StringComparison.Ordinal);
    }
}
