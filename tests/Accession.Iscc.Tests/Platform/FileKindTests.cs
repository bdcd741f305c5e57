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

    [Fact]
    public void Look_tells_regular_files_folders_special_files_and_missing_paths_apart_following_links()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "statx is asked on Linux only");
        using var temp = new TempFolder();
        var file = temp.File("data.bin");
        File.WriteAllBytes(file, [1, 2, 3]);
        var folderLink = temp.File("folder-link");
        Directory.CreateSymbolicLink(folderLink, temp.Path);
        var fileLink = temp.File("file-link");
        File.CreateSymbolicLink(fileLink, file);

        Assert.Equal(PathKind.RegularFile, FileKind.Look(file, out var length));
        Assert.Equal(3, length);
        Assert.Equal(PathKind.RegularFile, FileKind.Look(fileLink, out var linkedLength));
        Assert.Equal(3, linkedLength);
        Assert.Equal(PathKind.Folder, FileKind.Look(temp.Path, out _));
        Assert.Equal(PathKind.Folder, FileKind.Look(folderLink, out _));
        Assert.Equal(PathKind.Special, FileKind.Look("/dev/null", out var deviceLength));
        Assert.Equal(0, deviceLength);
        Assert.Equal(PathKind.Missing, FileKind.Look(temp.File("missing"), out _));
        Assert.Equal(PathKind.Missing, FileKind.Look(Path.Combine(file, "below"), out _));
    }

    [Fact]
    public void Look_is_unknown_where_statx_cannot_be_asked()
    {
        using var temp = new TempFolder();
        using var forced = NativeFunction.ForcePortable();

        Assert.Equal(PathKind.Unknown, FileKind.Look(temp.Path, out var length));
        Assert.Equal(0, length);
    }
}
