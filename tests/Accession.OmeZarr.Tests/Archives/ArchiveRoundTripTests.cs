using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchiveRoundTripTests
{
    public static TheoryData<string, string> FormatsAndSamples()
    {
        var data = new TheoryData<string, string>();
        string[] samples =
        [
            "ome2024-ngff-challenge/tests/data/hcs.zarr",
            "ome2024-ngff-challenge/tests/data/bf2raw.zarr",
            "ome-zarr-examples/data",
        ];
        foreach (var suffix in new[] { ".zip", ".ozx", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz" })
        {
            // SharpCompress's bzip2 encoder is slow on the many zero-padded small files of the largest sample.
            foreach (var sample in samples.Where(s => !(suffix.Contains("bz2", StringComparison.Ordinal) && s == "ome-zarr-examples/data")))
            {
                data.Add(suffix, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndSamples))]
    public void Every_format_lists_and_reads_the_files_it_was_built_from(string suffix, string sample)
    {
        using var temp = new TempFolder();
        var folder = SampleArchives.Sample(sample);
        var path = SampleArchives.Build(folder, temp.File("sample.zarr" + suffix), prefix: "sample.zarr/");

        using var reader = ArchiveReader.Open(path);

        ArchiveAssert.SameAsFolder(reader, folder, prefix: "sample.zarr/");
        Assert.Empty(reader.DuplicatePaths);
    }

    [Theory]
    [InlineData(".zip", ArchiveFormat.Zip, true)]
    [InlineData(".tar", ArchiveFormat.Tar, true)]
    [InlineData(".tar.gz", ArchiveFormat.TarGzip, false)]
    [InlineData(".tar.bz2", ArchiveFormat.TarBzip2, false)]
    [InlineData(".tar.xz", ArchiveFormat.TarXz, false)]
    public void Readers_report_their_format_and_whether_entries_open_at_random(string suffix, ArchiveFormat format, bool randomAccess)
    {
        using var temp = new TempFolder();
        var folder = SharedData.Path("samples", "ome-zarr", "ome-zarr-py", "tests", "data", "v2");
        using var reader = ArchiveReader.Open(SampleArchives.Build(folder, temp.File("x" + suffix), prefix: string.Empty));

        Assert.Equal(format, reader.Format);
        Assert.Equal(randomAccess, reader.SupportsRandomAccess);
        Assert.Equal(Path.GetFullPath(temp.File("x" + suffix)), reader.Location);
    }

    [Theory]
    [InlineData(".zip")]
    [InlineData(".tar")]
    [InlineData(".tar.gz")]
    [InlineData(".tar.bz2")]
    [InlineData(".tar.xz")]
    public async Task ForEachEntry_streams_every_entry_once_in_archive_order(string suffix)
    {
        using var temp = new TempFolder();
        var folder = SharedData.Path("samples", "ome-zarr", "ome2024-ngff-challenge", "tests", "data", "hcs.zarr");
        using var reader = ArchiveReader.Open(SampleArchives.Build(folder, temp.File("x" + suffix), prefix: string.Empty));

        var seen = new List<(string, byte[])>();
        await reader.ForEachEntryAsync(async (entry, stream, token) =>
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, token);
            seen.Add((entry.Path, copy.ToArray()));
        });

        var expected = FolderFiles.List(folder);
        Assert.Equal(expected.Select(f => f.Relative), seen.Select(s => s.Item1));
        Assert.All(expected.Zip(seen), pair => Assert.Equal(File.ReadAllBytes(pair.First.Full), pair.Second.Item2));
    }

    [Fact]
    public void A_folder_opens_as_a_folder_reader()
    {
        var folder = SharedData.Path("samples", "ome-zarr", "ome-zarr-py", "tests", "data", "v2");

        using var reader = ArchiveReader.Open(folder);

        Assert.IsType<FolderArchiveReader>(reader);
        Assert.Equal(ArchiveFormat.Folder, reader.Format);
        ArchiveAssert.SameAsFolder(reader, folder);
    }

    [Fact]
    public void A_real_xz_file_with_lzma2_compressed_data_is_read()
    {
        using var temp = new TempFolder();
        var path = temp.File("generated.tar.xz");
        File.WriteAllBytes(path, Fixtures.GeneratedTarXz());

        using var reader = ArchiveReader.Open(path);

        var expected = Fixtures.Generated();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), reader.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var entry in reader.Entries)
        {
            Assert.Equal(expected[entry.Path], ArchiveAssert.ReadAll(reader, entry));
        }
    }
}
