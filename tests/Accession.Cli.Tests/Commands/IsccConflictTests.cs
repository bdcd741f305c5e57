using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccConflictTests
{
    [Theory]
    [InlineData("-c -o out.txt x", "-o/--output cannot be used with -c/--check")]
    [InlineData("-c --similar x y", "--similar cannot be used with -c/--check")]
    [InlineData("-c -t x", "--tree cannot be used with -c/--check")]
    [InlineData("-t --similar x y", "--tree cannot be used with --similar")]
    [InlineData("--walk -c x", "--walk cannot be used with -c/--check")]
    [InlineData("--walk --similar x y", "--walk cannot be used with --similar")]
    [InlineData("--walk -t x", "--walk cannot be used with --tree")]
    [InlineData("--similar x", "--similar requires at least 2 files to compare")]
    [InlineData("-t x y", "--tree requires exactly one directory argument")]
    [InlineData("--tree", "--tree requires exactly one directory argument")]
    [InlineData("--walk x y", "--walk requires exactly one directory argument")]
    [InlineData("--similar --threshold -1 x y", "--threshold must be 0 or more")]
    public async Task Conflicting_options_are_refused_with_exit_2(string arguments, string message)
    {
        var result = await CliRunner.RunAsync(["iscc", .. arguments.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"accession iscc: {message}"], result.ErrorLines);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Unknown_options_are_usage_errors()
    {
        var result = await CliRunner.RunAsync("iscc", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Similar_accepts_one_folder()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");
        await File.WriteAllTextAsync(folder.File("b.txt"), "b");

        var result = await CliRunner.RunAsync("iscc", "--similar", folder.Path);

        Assert.Equal(0, result.ExitCode);
    }
}
