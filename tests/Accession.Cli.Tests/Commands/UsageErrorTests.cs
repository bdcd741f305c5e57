namespace Accession.Cli.Tests.Commands;

public sealed class UsageErrorTests
{
    [Fact]
    public async Task A_value_of_the_wrong_type_is_one_line_naming_the_option_and_exit_2()
    {
        var result = await CliRunner.RunAsync("iscc", "--similar", "--threshold", "5x", "a");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("accession iscc: ", line, StringComparison.Ordinal);
        Assert.Contains("--threshold", line, StringComparison.Ordinal);
        Assert.Contains("accession iscc --help", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unknown_option_is_named_on_one_line()
    {
        var result = await CliRunner.RunAsync("explain", "--bogus", "ISCC:KUAJT3PT7PO3RSCYK5JRHEQEAWCIY");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
