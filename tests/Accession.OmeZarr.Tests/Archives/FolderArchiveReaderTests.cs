using Accession.OmeZarr.Archives;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Archives;

public sealed class FolderArchiveReaderTests
{
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
