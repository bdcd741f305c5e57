using Accession.Iscc.Platform;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// In invariant globalization mode (the native form) a non-ASCII name needs ICU, loaded by the program
/// itself; where it is missing, the command says what to install. The direct path is forced here on a
/// library name that does not exist, since a real child process would find this machine's ICU.
/// </summary>
public sealed class IsccMissingIcuTests
{
    [Fact]
    public async Task Without_icu_a_non_ascii_name_is_one_error_line_and_exit_2()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("Cafe\u0301.txt"), "x");
        await File.WriteAllTextAsync(folder.File("a.txt"), "a");
        using var ascii = new TempFolder();
        await File.WriteAllTextAsync(ascii.File("sub/a.txt"), "a");
        var missing = new IcuNormalizer(() => IcuLibrary.Find([("libicuuc.so.0", [""])]));

        using (UnicodeNfc.Force(missing))
        {
            foreach (var mode in new[] { "--walk", "--tree" })
            {
                var result = await CliRunner.RunAsync("iscc", mode, folder.Path);

                Assert.Equal(2, result.ExitCode);
                var line = Assert.Single(result.ErrorLines);
                Assert.StartsWith("accession iscc: ", line, StringComparison.Ordinal);
                Assert.Contains("libicuuc", line, StringComparison.Ordinal);
                Assert.Contains("install ICU", line, StringComparison.Ordinal);
            }

            // A tree of ASCII names needs no ICU at all.
            Assert.Equal(0, (await CliRunner.RunAsync("iscc", "--walk", ascii.Path)).ExitCode);
        }
    }
}
