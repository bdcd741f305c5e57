using Accession.OmeZarr.Archives;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Archives;

public sealed class FileKindTests
{
    [Fact]
    public void Fifos_and_devices_are_special_files()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file kinds are asked of the system on Linux only");
        using var temp = new TempFolder();
        var fifo = temp.File("pipe");
        Assert.SkipUnless(Fifo.TryCreate(fifo), "mkfifo is not available");

        Assert.True(FileKind.IsSpecialFile(fifo));
        Assert.True(FileKind.IsSpecialFile("/dev/null"));
    }

    [Fact]
    public void Regular_files_folders_and_missing_paths_are_not()
    {
        using var temp = new TempFolder();
        var file = temp.File("data.bin");
        File.WriteAllBytes(file, [1, 2, 3]);

        Assert.False(FileKind.IsSpecialFile(file));
        Assert.False(FileKind.IsSpecialFile(temp.Path));
        Assert.False(FileKind.IsSpecialFile(temp.File("missing")));
    }

    [Fact]
    public void A_folder_read_as_an_archive_leaves_fifos_out()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("zarr.json"), "{}");
        Assert.SkipUnless(Fifo.TryCreate(temp.File("pipe")), "mkfifo is not available");

        using var reader = new FolderArchiveReader(temp.Path);

        Assert.Equal(["zarr.json"], reader.Entries.Select(entry => entry.Path));
    }
}
