using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// The native form runs in invariant globalization mode, where the runtime does not normalise; TREEWALK
/// order needs NFC, which it then takes from ICU directly. A child in invariant mode must walk and hash
/// folders exactly as this process (ICU mode) does. CI runs these against the native builds too.
/// </summary>
[Trait("Category", "Process")]
public sealed class IsccInvariantGlobalizationTests
{
    private static readonly Dictionary<string, string?> Invariant = new() { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };

    public static TheoryData<string[]> Trees => new()
    {
        // Decomposed and composed names side by side: without NFC, "Cafe\u0301" ('e') sorts before "Cafz".
        new[] { "Cafe\u0301.txt", "Caf\u00E9.txt", "Cafz.txt", "Cafa.txt", "e\u0301/1.txt", "\u00E9/2.txt", "z/\u212B", "z/\u00C5", "z/\u1100\u1161\u11A8" },
        new[] { "b.txt", "a.txt", "sub/c.txt", ".gitignore" },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public async Task Walk_and_tree_in_invariant_mode_equal_the_runtime_with_icu(string[] names)
    {
        using var folder = new TempFolder();
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(folder.File(name), name);
        }

        foreach (var mode in new[] { "--walk", "--tree" })
        {
            var expected = await CliRunner.RunAsync("iscc", mode, folder.Path);
            Assert.Equal(0, expected.ExitCode);

            var (exitCode, output, error) = await CliProcess.RunAsync(["iscc", mode, folder.Path], environment: Invariant);

            Assert.Equal((0, string.Empty), (exitCode, error));
            Assert.Equal(expected.Output, output);
        }
    }
}
