using System.Security.Cryptography;
using Accession.Cli.Commands.Iscc;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

/// <summary>
/// <c>--check</c> hashes the listed files side by side; its verdicts, messages and exit codes must be
/// those of checking the lines one after another.
/// </summary>
public class IsccCheckOrderTests
{
    // More lines than the hashing window, so threads finish out of order and the window wraps.
    private const int FileCount = (2 * OrderedHashing<HashInput, int>.Window) + 37;

    [Fact]
    public async Task Verdicts_of_many_lines_come_in_line_order_with_each_message_in_its_place()
    {
        using var folder = new TempFolder();
        var files = new List<string>();
        for (var i = 0; i < FileCount; i++)
        {
            files.Add(folder.File($"files/f{i:D4}.bin"));
            await File.WriteAllBytesAsync(files[^1], RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 9000)));
        }

        var tree = Path.GetDirectoryName(folder.File("tree/a.txt"))!;
        await File.WriteAllTextAsync(folder.File("tree/a.txt"), "a");
        await File.WriteAllTextAsync(folder.File("gone/b.txt"), "b");
        var gone = Path.GetDirectoryName(folder.File("gone/b.txt"))!;
        var fileLines = (await CliRunner.RunAsync(["iscc", .. files])).Lines;
        var treeLine = (await CliRunner.RunAsync("iscc", "--tree", tree)).Lines.Single();
        var goneLine = (await CliRunner.RunAsync("iscc", "--tree", gone)).Lines.Single();
        string[] lines = [.. fileLines[..100], treeLine, .. fileLines[100..300], goneLine, "not a checksum line", .. fileLines[300..]];
        var sums = folder.File("sums.txt");
        await File.WriteAllLinesAsync(sums, lines);
        string[] paths = [.. files[..100], tree + "/", .. files[100..300], gone + "/", .. files[300..]];

        var allGood = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(0, allGood.ExitCode);
        Assert.Equal(paths.Select(path => $"{path}: OK"), allGood.Lines);
        Assert.Equal(["accession iscc: WARNING: 1 line is improperly formatted"], allGood.ErrorLines);

        // Every 11th file is gone (and one folder), every other 7th changed.
        Directory.Delete(gone, recursive: true);
        var missing = new HashSet<string>(StringComparer.Ordinal) { gone + "/" };
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (i % 11 == 0)
            {
                File.Delete(files[i]);
                missing.Add(files[i]);
            }
            else if (i % 7 == 0)
            {
                await File.AppendAllTextAsync(files[i], "!");
                changed.Add(files[i]);
            }
        }

        var mixed = await CliRunner.RunAsync("iscc", "-c", sums);
        var strict = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);
        var quiet = await CliRunner.RunAsync("iscc", "-c", "--quiet", sums);

        string Verdict(string path) => missing.Contains(path) ? "FAILED open or read" : changed.Contains(path) ? "FAILED" : "OK";
        Assert.Equal(1, mixed.ExitCode);
        Assert.Equal(paths.Select(path => $"{path}: {Verdict(path)}"), mixed.Lines);
        Assert.Equal(
            [
                .. paths.Where(missing.Contains).Select(path => $"accession iscc: {path.TrimEnd('/')}: No such file or directory"),
                "accession iscc: WARNING: 1 line is improperly formatted",
                $"accession iscc: WARNING: {missing.Count} listed files could not be read",
                $"accession iscc: WARNING: {changed.Count} computed checksums did NOT match",
            ],
            mixed.ErrorLines);
        Assert.Equal(2, strict.ExitCode);
        Assert.Equal(mixed.Output, strict.Output);
        Assert.Equal(1, quiet.ExitCode);
        Assert.Equal(paths.Where(path => Verdict(path) != "OK").Select(path => $"{path}: {Verdict(path)}"), quiet.Lines);
    }

    [Fact]
    public async Task A_named_folder_in_a_checksum_file_is_reported_as_a_folder()
    {
        using var folder = new TempFolder();
        var file = folder.File("data/a.bin");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(3000));
        var line = (await CliRunner.RunAsync("iscc", file)).Lines.Single();
        File.Delete(file);
        Directory.CreateDirectory(file);
        var sums = folder.File("sums.txt");
        await File.WriteAllLinesAsync(sums, [line]);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{file}: FAILED open or read"], result.Lines);
        Assert.Equal(
            [$"accession iscc: {file}: Is a directory", "accession iscc: WARNING: 1 listed file could not be read"],
            result.ErrorLines);
    }
}
