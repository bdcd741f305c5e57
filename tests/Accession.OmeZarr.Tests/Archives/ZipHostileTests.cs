using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ZipHostileTests
{
    [Theory]
    [InlineData("../evil.json")]
    [InlineData("image.zarr/../../evil.json")]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("C:\\Windows\\evil.dll")]
    [InlineData("..\\..\\evil.json")]
    [InlineData("image.zarr\\..\\..\\evil.json")]
    [InlineData("\\\\server\\share\\evil")]
    public void Names_that_escape_the_archive_root_are_unsafe(string name)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddStored("image.zarr/zarr.json", "{}").AddStored(name, "x").Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, $"'{name}'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void Symbolic_links_are_unsafe()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddStored("a/zarr.json", "{}").AddSymlink("a/link", "/etc/passwd").Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/link'", () => ArchiveReader.Open(path));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x1000u)] // FIFO
    [InlineData(0x2000u)] // character device
    [InlineData(0x6000u)] // block device
    [InlineData(0xC000u)] // socket
    public void Unix_special_files_are_unsafe(uint type)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/dev", []) { ExternalAttributes = (type | 0x1A4) << 16 })
            .Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/dev'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void A_link_mode_from_a_non_unix_host_is_not_read_as_a_link()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/file", "x"u8.ToArray()) { VersionMadeBy = 0x0014, ExternalAttributes = 0xA1FFu << 16 })
            .Write(temp.File("x.zip"));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal("a/file", Assert.Single(reader.Entries).Path);
    }

    [Fact]
    public void Encrypted_entries_are_unsupported()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .AddStored("a/zarr.json", "{}")
            .Add(new ZipBuilderEntry("a/secret.bin", "xxxx"u8.ToArray()) { Encrypted = true })
            .Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, "'a/secret.bin'", () => ArchiveReader.Open(path));
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, "deflate64")]
    [InlineData(12, "bzip2")]
    [InlineData(14, "LZMA")]
    [InlineData(93, "Zstandard")]
    [InlineData(1, "shrink")]
    [InlineData(77, "method 77")]
    public void Compression_methods_other_than_stored_and_deflate_are_unsupported_by_name(int method, string named)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/c/0", "data"u8.ToArray()) { Method = (ushort)method })
            .Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, "'a/c/0'", () => ArchiveReader.Open(path));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void A_crc_mismatch_is_reported_at_the_end_of_the_entry(int method)
    {
        using var temp = new TempFolder();
        var data = ZipArchiveReaderTests.Pattern(50_000, 7);
        var path = new ZipBuilder()
            .AddStored("a/ok", "fine")
            .Add(new ZipBuilderEntry("a/bad", data) { Method = (ushort)method, CorruptCrc = true })
            .Write(temp.File("x.zip"));
        using var reader = ArchiveReader.Open(path);
        using var stream = reader.OpenEntry(reader.Entries[1]);

        // Everything but the end reads; the last read fails.
        var buffer = new byte[data.Length - 1];
        stream.ReadExactly(buffer);
        var error = ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/bad'", () => stream.ReadExactly(new byte[1]));
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
        Assert.Equal("fine"u8.ToArray(), ArchiveAssert.ReadAll(reader, "a/ok"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(22)]
    [InlineData(200)]
    public void A_truncated_zip_is_corrupt(int cut)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder { TruncateBy = cut }.AddStored("a/x", new byte[500]).Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "x.zip", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void An_entry_whose_data_would_run_into_the_central_directory_is_corrupt()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/x", new byte[100]) { Method = 8, DeclaredCompressedLength = 5_000 })
            .Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/x'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void A_stored_entry_whose_sizes_disagree_is_corrupt()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/x", new byte[100]) { DeclaredLength = 50 })
            .Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/x'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void A_deflated_entry_shorter_than_declared_is_truncated()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/x", new byte[1_000]) { Method = 8, DeclaredLength = 2_000 })
            .Write(temp.File("x.zip"));
        using var reader = ArchiveReader.Open(path);

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/x'", () => ArchiveAssert.ReadAll(reader, "a/x"));
        Assert.Contains("ends after 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deflated_entry_longer_than_declared_is_corrupt()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/x", new byte[2_000]) { Method = 8, DeclaredLength = 1_000 })
            .Write(temp.File("x.zip"));
        using var reader = ArchiveReader.Open(path);

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/x'", () => ArchiveAssert.ReadAll(reader, "a/x"));
        Assert.Contains("more than the 1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_deflate_data_is_corrupt()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a/x", new byte[1_000]) { Method = 8, StoredData = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] })
            .Write(temp.File("x.zip"));
        using var reader = ArchiveReader.Open(path);

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/x'", () => ArchiveAssert.ReadAll(reader, "a/x"));
    }

    [Fact]
    public void Entries_sharing_stored_bytes_are_unsafe()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .AddDeflated("a/one", new byte[10_000])
            .Add(new ZipBuilderEntry("a/two", new byte[10_000]) { Method = 8, ShareDataWith = "a/one" })
            .Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, "'a/one'", () => ArchiveReader.Open(path));
        Assert.Contains("'a/two'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_last_part_of_a_split_zip_is_unsupported(bool zip64)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder { DiskNumber = 1, ForceZip64 = zip64 }.AddStored("a", "b").Write(temp.File("x.zip"));

        var error = ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, "x.zip", () => ArchiveReader.Open(path));
        Assert.Contains("split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_part_of_a_split_zip_is_unsupported()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder { Prefix = "PK\x07\x08"u8.ToArray() }.AddStored("a", "b").Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, "x.zip", () => ArchiveReader.Open(path));
    }

    [Theory]
    [InlineData("x.z01")]
    [InlineData("x.zip.001")]
    public void Split_parts_are_unsupported_by_name(string name)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddStored("a", "b").Write(temp.File(name));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsupported, name, () => ArchiveReader.Open(path));
    }

    [Fact]
    public void Zip64_sizes_beyond_the_file_are_corrupt_not_an_overflow()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder { ForceZip64 = true }
            .AddStored("a/ok", "fine")
            .AddDirectory("a/dir/")
            .Write(temp.File("x.zip"));
        var bytes = File.ReadAllBytes(path);

        // Patch the folder record's ZIP64 compressed size (second 8 bytes of its extra) to almost long.MaxValue.
        var record = bytes.AsSpan().IndexOf("a/dir/"u8);
        record = bytes.AsSpan(record + 1).IndexOf("a/dir/"u8) + record + 1;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(record + 6 + 4 + 8), long.MaxValue - 10);
        File.WriteAllBytes(path, bytes);

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "'a/dir/'", () => ArchiveReader.Open(path));
    }
}
