using Accession.OmeZarr.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchiveJunkTests
{
    [Theory]
    [InlineData("__MACOSX/image.zarr/._zarr.json")]
    [InlineData("__MACOSX/._image.zarr")]
    [InlineData("image.zarr/._zarr.json")]
    [InlineData("._image.zarr")]
    [InlineData("image.zarr/labels/.DS_Store")]
    [InlineData(".DS_Store")]
    [InlineData("image.zarr/Thumbs.db")]
    [InlineData("image.zarr/thumbs.DB")]
    [InlineData("image.zarr/desktop.ini")]
    [InlineData("image.zarr\\Desktop.ini")]
    [InlineData("a/__MACOSX/b")]
    public void Operating_system_clutter_is_junk(string path) => Assert.True(ArchiveJunk.IsJunk(path));

    [Theory]
    [InlineData("image.zarr/zarr.json")]
    [InlineData("image.zarr/.zattrs")]
    [InlineData("image.zarr/.zgroup")]
    [InlineData("image.zarr/0/c/0/0")]
    [InlineData("image.zarr/0/.zarray")]
    [InlineData("MACOSX/file")]
    [InlineData("image.zarr/_x")]
    [InlineData("image.zarr/a.DS_Store")]
    [InlineData("OME/METADATA.ome.xml")]
    public void Data_files_are_not_junk(string path) => Assert.False(ArchiveJunk.IsJunk(path));
}
