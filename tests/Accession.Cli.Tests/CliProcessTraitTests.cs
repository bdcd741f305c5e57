using Accession.TestKit;

namespace Accession.Cli.Tests;

/// <summary>A test class without the process trait cannot start the program, so CI's native run cannot miss it.</summary>
public class CliProcessTraitTests
{
    [Fact]
    public void A_test_without_the_process_trait_is_refused_before_the_program_starts()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => CliProcess.Start(["--version"]));
        Assert.Contains(AccessionProgram.ProcessCategory, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(A_test_without_the_process_trait_is_refused_before_the_program_starts), refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_without_the_process_trait_gets_no_shell_command_either() =>
        Assert.Throws<InvalidOperationException>(() => CliProcess.ShellCommand("--version"));
}
