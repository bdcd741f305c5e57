using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class TarArchiveReaderTests
{
    public static TheoryData<string> AllSuffixes() => [".tar", ".tar.gz", ".tar.bz2", ".tar.xz"];

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void Symbolic_links_are_unsafe(string suffix)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().AddFile("a/zarr.json", "{}").AddSymlink("a/link", "/etc/passwd").Write(temp.File("x" + suffix));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/link'", () => ArchiveReader.Open(path));
        Assert.Contains("'/etc/passwd'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void Hard_links_are_unsafe(string suffix)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().AddFile("a/zarr.json", "{}").AddHardLink("a/copy", "a/zarr.json").Write(temp.File("x" + suffix));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/copy'", () => ArchiveReader.Open(path));
        Assert.Contains("hard link", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.json", ".tar")]
    [InlineData("a/../../evil.json", ".tar.gz")]
    [InlineData("/etc/cron.d/evil", ".tar")]
    [InlineData("/etc/cron.d/evil", ".tar.xz")]
    [InlineData("..\\evil.json", ".tar.bz2")]
    [InlineData("C:/evil", ".tar")]
    [InlineData("../outside/", ".tar")]
    public void Names_that_escape_the_archive_root_are_unsafe(string name, string suffix)
    {
        using var temp = new TempFolder();
        var builder = new TarBuilder().AddFile("a/zarr.json", "{}");
        if (name.EndsWith('/'))
        {
            builder.AddDirectory(name);
        }
        else
        {
            builder.AddFile(name, "x");
        }

        var path = builder.Write(temp.File("x" + suffix));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, $"'{name}'", () => ArchiveReader.Open(path));
    }

    [Theory]
    [InlineData('3')]
    [InlineData('4')]
    [InlineData('6')]
    public void Devices_and_pipes_are_unsafe(char type)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().Add(new TarBuilderEntry("a/dev", type, [])).Write(temp.File("x.tar"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/dev'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void A_tar_without_its_end_marker_is_truncated()
    {
        using var temp = new TempFolder();
        foreach (var suffix in new[] { ".tar", ".tar.gz", ".tar.bz2", ".tar.xz" })
        {
            var path = new TarBuilder { OmitEndMarker = true }.AddFile("a/zarr.json", "{}").Write(temp.File("x" + suffix));

            var error = ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "x" + suffix, () => ArchiveReader.Open(path));
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void A_truncated_tar_is_corrupt(string suffix)
    {
        using var temp = new TempFolder();
        var chunk = new byte[20_000];
        new Random(1).NextBytes(chunk);
        var builder = new TarBuilder().AddFile("a/zarr.json", "{}").AddFile("a/c/0", chunk);
        var whole = builder.ToArray(TarBuilder.CompressionFor(suffix)).Length;
        builder.TruncateBy = whole / 3;
        var path = builder.Write(temp.File("x" + suffix));

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "x" + suffix, () => ArchiveReader.Open(path));
    }

    [Fact]
    public void A_header_with_a_garbled_size_is_corrupt()
    {
        using var temp = new TempFolder();
        var tar = new TarBuilder().AddFile("a/zarr.json", "{}").AddFile("a/c/0", new byte[10]).ToArray();

        // The second header starts after the first header and its one data block; size is at offset 124.
        "zz"u8.CopyTo(tar.AsSpan(1024 + 124));
        var path = temp.File("x.tar");
        File.WriteAllBytes(path, tar);

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "x.tar", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void GNU_sparse_entries_are_unsupported()
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().Add(new TarBuilderEntry("a/sparse", 'S', [])).Write(temp.File("x.tar"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, "SparseFile", () => ArchiveReader.Open(path));
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void Duplicate_paths_resolve_to_the_last_copy_and_are_reported(string suffix)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().AddFile("a/x.bin", "first").AddFile("a/y.bin", "y").AddFile("a/x.bin", "middle").AddFile("a/x.bin", "second").Write(temp.File("x" + suffix));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal(["a/y.bin", "a/x.bin"], reader.Entries.Select(e => e.Path));
        Assert.Equal("second"u8.ToArray(), ArchiveAssert.ReadAll(reader, "a/x.bin"));
        Assert.Equal(["a/x.bin"], reader.DuplicatePaths);
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void Duplicate_metadata_files_are_refused(string suffix)
    {
        using var temp = new TempFolder();
        var path = new TarBuilder().AddFile("a/.zattrs", "{}").AddFile("a/.zattrs", "{\"b\":1}").Write(temp.File("x" + suffix));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/.zattrs'", () => ArchiveReader.Open(path));
    }

    [Theory]
    [InlineData(".tar.gz")]
    [InlineData(".tar.bz2")]
    [InlineData(".tar.xz")]
    public void Metadata_of_a_compressed_tar_is_kept_in_memory_and_other_entries_are_read_again(string suffix)
    {
        using var temp = new TempFolder();
        var chunk = ZipArchiveReaderTests.Pattern(30_000, 4);
        var path = new TarBuilder()
            .AddFile("a/zarr.json", "{\"zarr_format\":3}")
            .AddFile("a/c/0", chunk)
            .AddFile("OME/METADATA.ome.xml", "<OME/>")
            .AddFile("a/c/1", chunk.Reverse().ToArray())
            .Write(temp.File("x" + suffix));
        using var reader = ArchiveReader.Open(path);

        Assert.Equal(chunk.Reverse().ToArray(), ArchiveAssert.ReadAll(reader, "a/c/1"));
        Assert.Equal(chunk, ArchiveAssert.ReadAll(reader, "a/c/0"));

        // With the file gone, only what the listing kept can still be read.
        File.Delete(path);
        Assert.Equal("{\"zarr_format\":3}"u8.ToArray(), reader.ReadAllBytes(reader.Entries[0]));
        Assert.Equal("<OME/>"u8.ToArray(), reader.ReadAllBytes(reader.Entries[2]));
        ArchiveAssert.Throws(ArchiveErrorKind.NotFound, "x" + suffix, () => reader.OpenEntry(reader.Entries[1]));
    }

    [Theory]
    [InlineData(".tar")]
    [InlineData(".tar.gz")]
    public void Entries_are_read_at_once_from_several_threads(string suffix)
    {
        using var temp = new TempFolder();
        var builder = new TarBuilder();
        var contents = new Dictionary<string, byte[]>();
        for (var i = 0; i < 16; i++)
        {
            contents[$"a/c/{i}"] = ZipArchiveReaderTests.Pattern(5_000 + (i * 1_000), i);
            builder.AddFile($"a/c/{i}", contents[$"a/c/{i}"]);
        }

        using var reader = ArchiveReader.Open(builder.Write(temp.File("x" + suffix)));
        var results = new byte[reader.Entries.Count][];
        Parallel.For(0, reader.Entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = ArchiveAssert.ReadAll(reader, reader.Entries[i]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(contents[reader.Entries[i].Path], results[i]);
        }
    }

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public void Long_names_and_dot_slash_prefixes_come_out_normalised(string suffix)
    {
        using var temp = new TempFolder();
        var longName = "./image.zarr/" + new string('a', 120) + "/" + new string('b', 120) + "/" + new string('c', 90) + ".json";
        var path = new TarBuilder().AddDirectory("./").AddDirectory("./image.zarr/").AddFile(longName, "{}").AddFile("./image.zarr/.zattrs", "{}").Write(temp.File("x" + suffix));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal([longName[2..], "image.zarr/.zattrs"], reader.Entries.Select(e => e.Path));
        Assert.Equal("{}"u8.ToArray(), ArchiveAssert.ReadAll(reader, longName[2..]));
    }

    [Fact]
    public void A_header_promising_more_data_than_the_file_holds_is_truncated()
    {
        using var temp = new TempFolder();
        var tar = new TarBuilder { OmitEndMarker = true }.AddFile("a/c/0", new byte[10]).ToArray();

        // Claim 8 GiB of data: the size field is 11 octal digits at offset 124; fix the checksum after.
        "77777777777"u8.CopyTo(tar.AsSpan(124));
        "        "u8.CopyTo(tar.AsSpan(148));
        var sum = tar.AsSpan(0, 512).ToArray().Sum(b => b);
        System.Text.Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, 148);
        var path = temp.File("x.tar");
        File.WriteAllBytes(path, tar);

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "x.tar", () => ArchiveReader.Open(path));
    }
}
