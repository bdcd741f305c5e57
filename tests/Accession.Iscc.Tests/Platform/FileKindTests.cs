using Accession.Iscc.Platform;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Platform;

public sealed class FileKindTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fifos_and_devices_are_special_files(bool portable)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no FIFOs among files");
        using var temp = new TempFolder();
        var fifo = temp.File("pipe");
        Assert.SkipUnless(Fifo.TryCreate(fifo), "mkfifo is not available");
        using var forced = portable ? NativeFunction.ForcePortable() : null;

        Assert.True(FileKind.IsSpecialFile(fifo));
        Assert.True(FileKind.IsSpecialFile("/dev/null"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Regular_files_folders_and_missing_paths_are_not(bool portable)
    {
        using var temp = new TempFolder();
        var file = temp.File("data.bin");
        File.WriteAllBytes(file, [1, 2, 3]);
        using var forced = portable ? NativeFunction.ForcePortable() : null;

        Assert.False(FileKind.IsSpecialFile(file));
        Assert.False(FileKind.IsSpecialFile(temp.Path));
        Assert.False(FileKind.IsSpecialFile(temp.File("missing")));
    }
}
