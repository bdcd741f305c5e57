using System.Security.Cryptography;
using System.Text;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccCheckTests
{
    private static async Task<(TempFolder Folder, string[] Files)> FilesAsync(int count)
    {
        var folder = new TempFolder();
        var files = new string[count];
        for (var i = 0; i < count; i++)
        {
            files[i] = folder.File($"file{i}.bin");
            await File.WriteAllBytesAsync(files[i], RandomNumberGenerator.GetBytes(2000 + (i * 1000)));
        }

        return (folder, files);
    }

    private static async Task<string> SumsAsync(TempFolder folder, params string[] args)
    {
        var sums = folder.File("sums.txt");
        var made = await CliRunner.RunAsync(["iscc", "-o", sums, .. args]);
        Assert.Equal(0, made.ExitCode);
        return sums;
    }

    [Fact]
    public async Task Generated_checksums_verify_ok()
    {
        var (folder, files) = await FilesAsync(3);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(files.Select(f => $"{f}: OK"), result.Lines);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Tagged_narrow_and_tree_lines_verify_too()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var tree = folder.File("tree/a.txt");
        await File.WriteAllTextAsync(tree, "tree content");
        var tagged = await CliRunner.RunAsync("iscc", "--tag", "--narrow", files[0]);
        var treeLine = await CliRunner.RunAsync("iscc", "--tree", "--tag", Path.GetDirectoryName(tree)!);
        var plain = await CliRunner.RunAsync("iscc", files[1]);
        var sums = folder.File("mixed.txt");
        await File.WriteAllTextAsync(sums, tagged.Output + treeLine.Output + plain.Output);

        var result = await CliRunner.RunAsync("iscc", "--check", sums);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{files[0]}: OK", $"{Path.GetDirectoryName(tree)}/: OK", $"{files[1]}: OK"], result.Lines);
    }

    [Fact]
    public async Task A_tampered_file_fails_with_exit_1_and_a_warning()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);
        var bytes = await File.ReadAllBytesAsync(files[1]);
        bytes[100] ^= 0x01;
        await File.WriteAllBytesAsync(files[1], bytes);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{files[0]}: OK", $"{files[1]}: FAILED"], result.Lines);
        Assert.Equal(["accession iscc: WARNING: 1 computed checksum did NOT match"], result.ErrorLines);
    }

    [Fact]
    public async Task A_missing_listed_file_is_named_and_counted_as_unreadable()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);
        File.Delete(files[0]);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{files[0]}: FAILED open or read", $"{files[1]}: OK"], result.Lines);
        Assert.Equal(
            [$"accession iscc: {files[0]}: No such file or directory", "accession iscc: WARNING: 1 listed file could not be read"],
            result.ErrorLines);
    }

    [Fact]
    public async Task Malformed_lines_are_counted_and_named_with_warn()
    {
        var (folder, files) = await FilesAsync(1);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);
        await File.AppendAllTextAsync(sums, "not a checksum line\n");

        var plain = await CliRunner.RunAsync("iscc", "-c", sums);
        var warned = await CliRunner.RunAsync("iscc", "-c", "-w", sums);
        var strict = await CliRunner.RunAsync("iscc", "-c", "--strict", sums);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(["accession iscc: WARNING: 1 line is improperly formatted"], plain.ErrorLines);
        Assert.Equal(
            [$"accession iscc: {sums}: 2: improperly formatted ISCC checksum line", "accession iscc: WARNING: 1 line is improperly formatted"],
            warned.ErrorLines);
        Assert.Equal(2, strict.ExitCode);
        Assert.Equal([$"{files[0]}: OK"], strict.Lines);
    }

    [Fact]
    public async Task Quiet_hides_ok_lines_and_status_prints_nothing()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);
        await File.WriteAllTextAsync(files[0], "changed");

        var quiet = await CliRunner.RunAsync("iscc", "-c", "-q", sums);
        var status = await CliRunner.RunAsync("iscc", "-c", "--status", sums);

        Assert.Equal(1, quiet.ExitCode);
        Assert.Equal([$"{files[0]}: FAILED"], quiet.Lines);
        Assert.Equal(1, status.ExitCode);
        Assert.Empty(status.Output);
        Assert.Empty(status.Error);
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);
        var text = (await File.ReadAllTextAsync(sums)).Replace("\n", "\r\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(sums, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, (await File.ReadAllBytesAsync(sums))[0]);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(files.Select(f => $"{f}: OK"), result.Lines);
    }

    [Fact]
    public async Task Nul_terminated_checksums_verify_with_zero()
    {
        var (folder, files) = await FilesAsync(2);
        using var _ = folder;
        var sums = await SumsAsync(folder, ["-z", .. files]);

        var result = await CliRunner.RunAsync("iscc", "-c", "-z", sums);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(files.Select(f => $"{f}: OK"), result.Lines);
    }

    [Fact]
    public async Task Checksums_can_come_from_standard_input()
    {
        var (folder, files) = await FilesAsync(1);
        using var _ = folder;
        var sums = await SumsAsync(folder, files);

        var result = await CliRunner.RunWithInputAsync(await File.ReadAllBytesAsync(sums), "iscc", "-c");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{files[0]}: OK"], result.Lines);
    }

    [Fact]
    public async Task A_missing_or_empty_checksum_file_cannot_be_checked()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "absent.txt");
        var empty = folder.File("empty.txt");
        await File.WriteAllTextAsync(empty, "\n");

        var noFile = await CliRunner.RunAsync("iscc", "-c", missing);
        var noLines = await CliRunner.RunAsync("iscc", "-c", empty);

        Assert.Equal(2, noFile.ExitCode);
        Assert.Equal([$"accession iscc: {missing}: No such file or directory"], noFile.ErrorLines);
        Assert.Equal(2, noLines.ExitCode);
        Assert.Equal([$"accession iscc: {empty}: no properly formatted ISCC checksum lines found"], noLines.ErrorLines);
    }

    [Fact]
    public async Task A_tree_checksum_file_kept_inside_its_folder_verifies()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.txt"), "one");
        var sums = await SumsAsync(folder, "--tree", folder.Path);

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{folder.Path}/: OK"], result.Lines);
    }

    [Fact]
    public async Task A_changed_tree_fails()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("tree/a.txt"), "one");
        await File.WriteAllTextAsync(folder.File("tree/b/c.txt"), "two");
        var tree = Path.Combine(folder.Path, "tree");
        var sums = await SumsAsync(folder, "--tree", tree);
        await File.WriteAllTextAsync(folder.File("tree/b/new.txt"), "three");

        var result = await CliRunner.RunAsync("iscc", "-c", sums);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{tree}/: FAILED"], result.Lines);
    }
}
