using System.Security.Cryptography;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccOutputTests
{
    public static TheoryData<string> VectorNames() => IsccSumVectors.Names();

    [Theory]
    [MemberData(nameof(VectorNames))]
    public async Task Lines_match_the_iscc_sum_vectors(string name)
    {
        var (input, wide, units, iscc, expectedUnits) = IsccSumVectors.Case(name);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, input);
        List<string> args = ["iscc", path];
        if (!wide)
        {
            args.Add("--narrow");
        }

        if (units)
        {
            args.Add("--units");
        }

        var result = await CliRunner.RunAsync([.. args]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{iscc} *{path}", .. expectedUnits.Select(unit => "  " + unit)], result.Lines);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Default_output_is_the_wide_code_from_the_engine_with_a_binary_marker()
    {
        using var folder = new TempFolder();
        var path = folder.File("data.bin");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(300_000));
        var expected = await IsccSum.HashFileAsync(path);

        var result = await CliRunner.RunAsync("iscc", path);

        Assert.Equal([$"{expected.ToIscc(IsccSumWidth.Wide)} *{path}"], result.Lines);
        Assert.StartsWith("ISCC:K4A", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_gives_the_bsd_form_and_narrow_the_iso_form()
    {
        using var folder = new TempFolder();
        var path = folder.File("data.bin");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(5000));
        var expected = await IsccSum.HashFileAsync(path);

        var result = await CliRunner.RunAsync("iscc", "--tag", "--narrow", path);

        Assert.Equal([$"ISCC-SUM ({path}) = {expected.ToIscc(IsccSumWidth.Narrow)}"], result.Lines);
        Assert.StartsWith("ISCC-SUM (", result.Output, StringComparison.Ordinal);
        Assert.Contains("= ISCC:KUA", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_is_read_when_no_file_or_a_dash_is_given()
    {
        var input = RandomNumberGenerator.GetBytes(70_000);
        var expected = IsccSum.Hash(input).ToIscc(IsccSumWidth.Wide);

        var none = await CliRunner.RunWithInputAsync(input, "iscc");
        var dash = await CliRunner.RunWithInputAsync(input, "iscc", "-");

        Assert.Equal([$"{expected} *-"], none.Lines);
        Assert.Equal([$"{expected} *-"], dash.Lines);
    }

    [Fact]
    public async Task Zero_ends_every_line_with_nul()
    {
        using var folder = new TempFolder();
        var a = folder.File("a.txt");
        var b = folder.File("b.txt");
        await File.WriteAllTextAsync(a, "alpha");
        await File.WriteAllTextAsync(b, "beta");

        var result = await CliRunner.RunAsync("iscc", "-z", "--units", a, b);

        var records = result.Output.Split('\0');
        Assert.Equal(7, records.Length);
        Assert.Equal(string.Empty, records[^1]);
        Assert.DoesNotContain('\n', result.Output);
        Assert.EndsWith($" *{a}", records[0], StringComparison.Ordinal);
        Assert.StartsWith("  ISCC:GAD", records[1], StringComparison.Ordinal);
        Assert.StartsWith("  ISCC:IAD", records[2], StringComparison.Ordinal);
        Assert.EndsWith($" *{b}", records[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_expand_in_treewalk_order_below_the_folder_as_given()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("z.txt"), "z");
        await File.WriteAllTextAsync(folder.File("sub/a.txt"), "a");
        await File.WriteAllTextAsync(folder.File(".isccignore"), "*.tmp\n");
        await File.WriteAllTextAsync(folder.File("junk.tmp"), "junk");
        await File.WriteAllTextAsync(folder.File("meta.iscc.json"), "{}");

        var result = await CliRunner.RunAsync("iscc", folder.Path + "/");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"{folder.Path}/.isccignore", $"{folder.Path}/z.txt", $"{folder.Path}/sub/a.txt"],
            result.Lines.Select(line => line[(line.IndexOf(" *", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public async Task A_missing_file_is_named_on_stderr_and_the_others_are_still_hashed()
    {
        using var folder = new TempFolder();
        var present = folder.File("present.txt");
        await File.WriteAllTextAsync(present, "here");
        var missing = Path.Combine(folder.Path, "missing.txt");

        var result = await CliRunner.RunAsync("iscc", missing, present);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"accession iscc: {missing}: No such file or directory"], result.ErrorLines);
        Assert.Single(result.Lines);
        Assert.EndsWith($" *{present}", result.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbolic_links_given_by_name_are_hashed_but_not_found_by_the_walk()
    {
        using var folder = new TempFolder();
        var target = folder.File("real.txt");
        await File.WriteAllTextAsync(target, "content");
        var link = Path.Combine(folder.Path, "link.txt");
        File.CreateSymbolicLink(link, target);

        var byName = await CliRunner.RunAsync("iscc", link);
        var walked = await CliRunner.RunAsync("iscc", folder.Path);

        Assert.Single(byName.Lines);
        Assert.EndsWith(" *" + link, byName.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("/real.txt", Assert.Single(walked.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_mmap_is_accepted_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("large.bin");
        var bytes = RandomNumberGenerator.GetBytes(3_000_000); // large enough that b3sum would map it
        await File.WriteAllBytesAsync(path, bytes);
        var expected = $"{IsccSum.Hash(bytes).ToIscc(IsccSumWidth.Wide)} *{path}";

        var plain = await CliRunner.RunAsync("iscc", path);
        var read = await CliRunner.RunAsync("iscc", "--no-mmap", path);
        var help = await CliRunner.RunAsync("iscc", "--help");

        Assert.Equal([expected], plain.Lines);
        Assert.Equal([expected], read.Lines);
        Assert.Contains("--no-mmap", help.Output, StringComparison.Ordinal);
    }
}
