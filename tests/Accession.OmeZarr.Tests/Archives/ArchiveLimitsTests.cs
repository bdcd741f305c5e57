using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchiveLimitsTests
{
    public static TheoryData<string> AllSuffixes() => [".zip", ".tar", ".tar.gz", ".tar.bz2", ".tar.xz"];

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void More_entries_than_allowed_exceed_the_limit(string suffix)
    {
        using var temp = new TempFolder();
        var path = Build(temp.File("x" + suffix), Enumerable.Range(0, 11).Select(i => ($"a/{i}", new byte[] { 1 })));

        ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "10", () => ArchiveReader.Open(path, new ArchiveOptions { MaxEntries = 10 }));
        using var reader = ArchiveReader.Open(path, new ArchiveOptions { MaxEntries = 11 });
        Assert.Equal(11, reader.Entries.Count);
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void More_bytes_than_allowed_exceed_the_limit(string suffix)
    {
        using var temp = new TempFolder();
        var path = Build(temp.File("x" + suffix), Enumerable.Range(0, 4).Select(i => ($"a/{i}", new byte[1_000])));

        ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "3999", () => ArchiveReader.Open(path, new ArchiveOptions { MaxTotalUncompressedBytes = 3_999 }));
        using var reader = ArchiveReader.Open(path, new ArchiveOptions { MaxTotalUncompressedBytes = 4_000 });
        Assert.Equal(4, reader.Entries.Count);
    }

    [Fact]
    public void A_deflated_entry_expanding_beyond_the_ratio_is_refused_from_its_header()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddDeflated("a/zeros", new byte[4 << 20]).Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "'a/zeros'", () => ArchiveReader.Open(path));
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
        using var reader = ArchiveReader.Open(path, new ArchiveOptions { MaxCompressionRatio = 5_000 });
        Assert.Equal(4 << 20, ArchiveAssert.ReadAll(reader, "a/zeros").Length);
    }

    [Fact]
    public void Entries_up_to_the_ratio_threshold_may_compress_well()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddDeflated("a/zeros", new byte[1 << 20]).Write(temp.File("x.zip"));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal(1 << 20, ArchiveAssert.ReadAll(reader, "a/zeros").Length);
    }

    [Fact]
    public void A_deflated_entry_whose_header_hides_its_ratio_is_stopped_while_streaming()
    {
        using var temp = new TempFolder();
        var content = new byte[16 << 20];
        var deflated = Deflate(content);

        // The header claims 4 MiB of compressed data (ratio 4); the deflate stream inside is tiny and padded.
        var padded = new byte[4 << 20];
        deflated.CopyTo(padded, 0);
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/bomb", content) { Method = 8, StoredData = padded })
            .Write(temp.File("x.zip"));
        using var reader = ArchiveReader.Open(path);

        var error = ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "'a/bomb'", () => ArchiveAssert.ReadAll(reader, "a/bomb"));
        Assert.Contains("while it is read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".tar.gz")]
    [InlineData(".tar.bz2")]
    public void A_compressed_tar_expanding_beyond_the_ratio_is_stopped_while_streaming(string suffix)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().AddFile("a/zarr.json", "{}").AddFile("a/zeros", new byte[2 << 20]).Write(temp.File("x" + suffix));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "x" + suffix, () => ArchiveReader.Open(path));
        Assert.Contains("200 times", error.Message, StringComparison.Ordinal);
        using var reader = ArchiveReader.Open(path, new ArchiveOptions { MaxCompressionRatio = 1_000_000 });
        Assert.Equal(2 << 20, reader.Entries[1].Length);
    }

    [Fact]
    public void Compressed_tar_output_beyond_the_total_is_stopped_while_streaming()
    {
        using var temp = new TempFolder();

        // Headers promise nothing; two megabytes of zeros hide after the end-of-archive marker.
        var tar = new TarBuilder().AddFile("a/x", "x").ToArray();
        var path = temp.File("x.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(tar);
            gzip.Write(new byte[2 << 20]);
        }

        var options = new ArchiveOptions { MaxTotalUncompressedBytes = 1_000, MaxCompressionRatio = 1_000_000 };
        ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "x.tar.gz", () => ArchiveReader.Open(path, options));
    }

    private static string Build(string path, IEnumerable<(string Name, byte[] Content)> files)
    {
        if (path.EndsWith(".zip", StringComparison.Ordinal))
        {
            var zip = new ZipBuilder();
            foreach (var (name, content) in files)
            {
                zip.AddDeflated(name, content);
            }

            return zip.Write(path);
        }

        var tar = new TarBuilder();
        foreach (var (name, content) in files)
        {
            tar.AddFile(name, content);
        }

        return tar.Write(path);
    }

    private static byte[] Deflate(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return buffer.ToArray();
    }
}
