using Accession.Cli.Commands.Iscc;
using Accession.Cli.Terminal;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class IsccCancellationTests
{
    [Fact]
    public async Task A_cancelled_run_exits_130_and_leaves_no_output_file()
    {
        using var folder = new TempFolder();
        var input = folder.File("a.bin");
        await File.WriteAllBytesAsync(input, new byte[10_000]);
        var sums = folder.File("out/sums.txt");
        var settings = new IsccSettings { Files = [input], Output = sums };
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exitCode = await new IsccRunner(settings, new CommandConsole(() => Stream.Null, false), output, error).RunAsync(cancelled.Token);

        Assert.Equal(130, exitCode);
        Assert.Equal($"accession iscc: interrupted; {sums} was not written\n", error.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(sums)!));
    }
}
