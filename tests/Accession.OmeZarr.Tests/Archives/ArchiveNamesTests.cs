using Accession.OmeZarr.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchiveNamesTests
{
    [Theory]
    [InlineData("sample.zarr.tar.gz", "sample.zarr")]
    [InlineData("sample.zarr.tgz", "sample.zarr")]
    [InlineData("sample.tar.bz2", "sample")]
    [InlineData("sample.tbz2", "sample")]
    [InlineData("sample.tar.xz", "sample")]
    [InlineData("sample.txz", "sample")]
    [InlineData("sample.tar", "sample")]
    [InlineData("sample.zip", "sample")]
    [InlineData("image.ome.zarr.zip", "image.ome.zarr")]
    [InlineData("x.ozx", "x")]
    [InlineData("Data.Zarr.TAR.GZ", "Data.Zarr")]
    [InlineData("MY-DATA.ZIP", "MY-DATA")]
    [InlineData("in/put/sample.zarr.tar.gz", "sample.zarr")]
    [InlineData("notes.txt", "notes.txt")]
    [InlineData("sample.gz", "sample.gz")]
    [InlineData("sample.zarr", "sample.zarr")]
    public void StripArchiveSuffix_removes_the_first_matching_suffix_and_keeps_the_case_of_the_rest(string name, string expected) =>
        Assert.Equal(expected, ArchiveNames.StripArchiveSuffix(name));

    [Theory]
    [InlineData("a.zip", true)]
    [InlineData("a.ZIP", true)]
    [InlineData("a.ozx", true)]
    [InlineData("a.tar", true)]
    [InlineData("a.tar.gz", true)]
    [InlineData("a.TGZ", true)]
    [InlineData("a.tar.bz2", true)]
    [InlineData("a.tbz2", true)]
    [InlineData("a.tar.xz", true)]
    [InlineData("a.txz", true)]
    [InlineData("a.gz", false)]
    [InlineData("a.zst", false)]
    [InlineData("a.7z", false)]
    [InlineData("a.rar", false)]
    [InlineData("a.txt", false)]
    [InlineData("a.zarr", false)]
    public void IsSupported_accepts_the_processor_suffixes_and_ozx(string name, bool expected) =>
        Assert.Equal(expected, ArchiveNames.IsSupported(name));

    [Theory]
    [InlineData("a.tar.gz", ArchiveFormat.TarGzip)]
    [InlineData("a.tgz", ArchiveFormat.TarGzip)]
    [InlineData("a.tar.bz2", ArchiveFormat.TarBzip2)]
    [InlineData("a.tar.xz", ArchiveFormat.TarXz)]
    [InlineData("a.tar", ArchiveFormat.Tar)]
    [InlineData("a.ozx", ArchiveFormat.Zip)]
    public void FormatFromSuffix_names_the_promised_format(string name, ArchiveFormat expected) =>
        Assert.Equal(expected, ArchiveNames.FormatFromSuffix(name));

    [Theory]
    [InlineData("data.z01", true)]
    [InlineData("data.Z02", true)]
    [InlineData("data.zip.001", true)]
    [InlineData("data.tar.gz.002", true)]
    [InlineData("data.zip", false)]
    [InlineData("data.tar", false)]
    [InlineData("data.ozx", false)]
    public void Split_archive_parts_are_recognised_by_name(string name, bool expected) =>
        Assert.Equal(expected, ArchiveNames.IsSplitArchivePart(name));
}
