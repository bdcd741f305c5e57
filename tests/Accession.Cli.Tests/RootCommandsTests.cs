namespace Accession.Cli.Tests;

/// <summary>
/// The root command builds only the subcommand a command line names (a start-up saving), and every
/// subcommand for any other line, so help, <c>--version</c> and suggestions see them all.
/// </summary>
[Trait("Category", "Process")]
public class RootCommandsTests
{
    private static string[] Names(IReadOnlyList<string> args) =>
        [.. RootCommands.Create(args).Subcommands.Select(command => command.Name)];

    [Fact]
    public void A_line_without_a_subcommand_name_builds_every_subcommand()
    {
        var all = Names([]);

        Assert.Equal(["iscc", "explain", "zarr", "pennsieve-import", "omero-iscc"], all);
        Assert.Equal(all, Names(["--help"]));
        Assert.Equal(all, Names(["--version"]));
        Assert.Equal(all, Names(["isc", "file.bin"]));
        Assert.Equal(all, Names(["file.bin", "iscc"]));
    }

    [Fact]
    public void A_line_naming_a_subcommand_builds_that_one_alone_under_its_own_name()
    {
        foreach (var name in Names([]))
        {
            Assert.Equal([name], Names([name, "--help"]));
        }
    }

    [Fact]
    public async Task The_program_help_lists_every_subcommand()
    {
        var (exitCode, output, _) = await CliProcess.RunShellAsync(CliProcess.ShellCommand("--help") + " < /dev/null");

        Assert.Equal(0, exitCode);
        foreach (var name in Names([]))
        {
            Assert.Contains($"  {name} ", output, StringComparison.Ordinal);
        }
    }
}
