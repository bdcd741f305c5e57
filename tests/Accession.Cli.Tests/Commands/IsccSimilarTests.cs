using System.Security.Cryptography;
using Accession.Cli.Commands.Iscc;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccSimilarTests
{
    [Fact]
    public async Task Similar_files_group_under_the_first_with_their_distances()
    {
        using var folder = new TempFolder();
        var original = RandomNumberGenerator.GetBytes(64_000);
        var edited = original.ToArray();
        edited[30_000] ^= 0xFF; // one chunk changes, most Data-Code bits stay
        var a = folder.File("a.bin");
        var b = folder.File("b.bin");
        var c = folder.File("c.bin");
        await File.WriteAllBytesAsync(a, original);
        await File.WriteAllBytesAsync(b, RandomNumberGenerator.GetBytes(64_000));
        await File.WriteAllBytesAsync(c, edited);
        var codeA = IsccSum.Hash(original).ToCode(IsccSumWidth.Wide);
        var codeB = (await IsccSum.HashFileAsync(b)).ToCode(IsccSumWidth.Wide);
        var codeC = IsccSum.Hash(edited).ToCode(IsccSumWidth.Wide);
        var distance = IsccSimilarity.DataHammingDistance(codeA, codeC);
        Assert.InRange(distance, 0, 12);
        Assert.True(IsccSimilarity.DataHammingDistance(codeA, codeB) > 12);

        var result = await CliRunner.RunAsync("iscc", "--similar", a, b, c);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"{codeA} *{a}", $"  ~{distance:00} {codeC} *{c}", string.Empty, $"{codeB} *{b}"],
            result.Lines);
    }

    [Fact]
    public async Task Similar_lines_can_be_tagged_and_threshold_zero_keeps_only_identical_data()
    {
        using var folder = new TempFolder();
        var bytes = RandomNumberGenerator.GetBytes(4000);
        var a = folder.File("a.bin");
        var b = folder.File("b.bin");
        await File.WriteAllBytesAsync(a, bytes);
        await File.WriteAllBytesAsync(b, bytes);
        var code = IsccSum.Hash(bytes).ToIscc(IsccSumWidth.Narrow);

        var result = await CliRunner.RunAsync("iscc", "--similar", "--threshold", "0", "--tag", "--narrow", a, b);

        Assert.Equal([$"ISCC-SUM ({a}) = {code}", $"  ~00 ISCC-SUM ({b}) = {code}"], result.Lines);
    }

    [Fact]
    public void Grouping_follows_input_order_and_lets_members_reappear()
    {
        // 0~1 and 1~2 are close, 0 and 2 are not; 3 is alone.
        int[,] d = { { 0, 5, 20, 30 }, { 5, 0, 3, 30 }, { 20, 3, 0, 30 }, { 30, 30, 30, 0 } };

        var groups = SimilarityGrouper.Find(4, (i, j) => d[i, j], threshold: 10);

        Assert.Equal([0, 2, 3], groups.Select(g => g.Reference));
        Assert.Equal([(1, 5)], groups[0].Members);
        Assert.Equal([(1, 3)], groups[1].Members);
        Assert.Empty(groups[2].Members);
    }

    [Fact]
    public void Members_are_sorted_by_distance_with_ties_in_input_order()
    {
        int[] fromFirst = [0, 7, 2, 7, 1];

        var group = SimilarityGrouper.Find(5, (i, j) => i == 0 ? fromFirst[j] : j == 0 ? fromFirst[i] : 0, threshold: 10)[0];

        Assert.Equal([(4, 1), (2, 2), (1, 7), (3, 7)], group.Members);
    }
}
