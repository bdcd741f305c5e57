using System.Text;
using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ZipArchiveReaderTests
{
    [Fact]
    public void Many_entries_are_read_at_once_from_many_threads()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder();
        var contents = new Dictionary<string, byte[]>();
        for (var i = 0; i < 64; i++)
        {
            var bytes = Pattern(1_000 + (i * 3_001), seed: i);
            contents[$"data.zarr/0/c/0/{i}"] = bytes;
            builder.Add(new ZipBuilderEntry($"data.zarr/0/c/0/{i}", bytes) { Method = (ushort)(i % 2 == 0 ? 8 : 0) });
        }

        using var reader = ArchiveReader.Open(builder.Write(temp.File("many.zip")));

        // Every entry four times over, interleaved: each stream must keep its own position.
        var work = reader.Entries.SelectMany(e => Enumerable.Repeat(e, 4)).ToArray();
        var results = new byte[work.Length][];
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var stream = reader.OpenEntry(work[i]);
            using var copy = new MemoryStream();
            var buffer = new byte[997];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            results[i] = copy.ToArray();
        });

        for (var i = 0; i < work.Length; i++)
        {
            Assert.Equal(contents[work[i].Path], results[i]);
        }
    }

    [Fact]
    public void Streams_opened_together_read_independently()
    {
        using var temp = new TempFolder();
        var a = Pattern(50_000, 1);
        var b = Pattern(40_000, 2);
        using var reader = ArchiveReader.Open(new ZipBuilder().AddDeflated("a", a).AddStored("b", b).Write(temp.File("x.zip")));

        using var first = reader.OpenEntry(reader.Entries[0]);
        using var second = reader.OpenEntry(reader.Entries[1]);
        var fromFirst = new MemoryStream();
        var fromSecond = new MemoryStream();
        var buffer = new byte[1000];
        int readFirst, readSecond;
        do
        {
            readFirst = first.Read(buffer);
            fromFirst.Write(buffer, 0, readFirst);
            readSecond = second.Read(buffer);
            fromSecond.Write(buffer, 0, readSecond);
        }
        while (readFirst > 0 || readSecond > 0);

        Assert.Equal(a, fromFirst.ToArray());
        Assert.Equal(b, fromSecond.ToArray());
    }

    [Fact]
    public async Task Entries_read_asynchronously_match()
    {
        using var temp = new TempFolder();
        var data = Pattern(300_000, 9);
        using var reader = ArchiveReader.Open(new ZipBuilder().AddDeflated("d/x.bin", data).Write(temp.File("x.zip")));

        await using var stream = reader.OpenEntry(reader.Entries[0]);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public void Forced_zip64_records_are_read_and_reported()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder { ForceZip64 = true, Comment = "{\"ome\":{\"version\":\"0.5\"}}" }
            .AddStored("zarr.json", "{\"zarr_format\":3}")
            .AddDeflated("0/c/0", Pattern(10_000, 3));

        using var reader = (ZipArchiveReader)ArchiveReader.Open(builder.Write(temp.File("x.ozx")));

        Assert.True(reader.IsZip64);
        Assert.All(reader.ZipEntries, e => Assert.True(e.HasZip64Extra));
        Assert.Equal("{\"ome\":{\"version\":\"0.5\"}}", reader.Comment);
        Assert.Equal(Pattern(10_000, 3), ArchiveAssert.ReadAll(reader, "0/c/0"));
        Assert.Equal(17, reader.Entries[0].Length);
    }

    [Fact]
    public void An_ordinary_zip_is_not_zip64_and_has_an_empty_comment()
    {
        using var temp = new TempFolder();

        using var reader = new ZipArchiveReader(new ZipBuilder().AddStored("a", "b").Write(temp.File("x.zip")));

        Assert.False(reader.IsZip64);
        Assert.Equal(string.Empty, reader.Comment);
        Assert.Equal(0, reader.PrefixLength);
    }

    [Fact]
    public void ZipEntries_keep_central_directory_order_methods_folders_and_superseded_copies()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder()
            .AddStored("zarr.json", "{}")
            .AddDirectory("image/")
            .AddDeflated("image/zarr.json", "{\"a\":1}")
            .AddStored("image/c/0", "one")
            .AddStored("image/c/0", "two");

        using var reader = new ZipArchiveReader(builder.Write(temp.File("x.ozx")));

        Assert.Equal(["zarr.json", "image", "image/zarr.json", "image/c/0", "image/c/0"], reader.ZipEntries.Select(e => e.Path));
        Assert.Equal([true, false, false, true, true], reader.ZipEntries.Select(e => e.IsDirectory == false && e.IsStored));
        Assert.True(reader.ZipEntries[1].IsDirectory);
        Assert.Equal(ZipCompressionMethods.Deflate, reader.ZipEntries[2].CompressionMethod);
        Assert.Equal(["zarr.json", "image/zarr.json", "image/c/0"], reader.Entries.Select(e => e.Path));
        Assert.Equal(ZipCompressionMethods.Deflate, reader.GetInfo(reader.Entries[1]).CompressionMethod);
    }

    [Fact]
    public void Duplicate_paths_resolve_to_the_last_copy_and_are_reported()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder().AddStored("a/x.bin", "first").AddStored("a/y.bin", "y").AddStored("a/x.bin", "middle").AddStored("a/x.bin", "second");

        using var reader = ArchiveReader.Open(builder.Write(temp.File("x.zip")));

        Assert.Equal(["a/y.bin", "a/x.bin"], reader.Entries.Select(e => e.Path));
        Assert.Equal("second"u8.ToArray(), ArchiveAssert.ReadAll(reader, "a/x.bin"));
        Assert.Equal(["a/x.bin"], reader.DuplicatePaths);
    }

    [Theory]
    [InlineData("zarr.json")]
    [InlineData("image.zarr/.zattrs")]
    [InlineData("image.zarr/.zgroup")]
    [InlineData("image.zarr/0/.zarray")]
    [InlineData("image.zarr/.zmetadata")]
    public void Duplicate_metadata_files_are_refused(string name)
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddStored(name, "{}").AddStored(name, "{\"new\":1}").Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Unsafe, $"'{name}'", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void Duplicate_metadata_files_resolve_to_the_last_copy_when_allowed()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder().AddStored("zarr.json", "{}").AddStored("zarr.json", "{\"new\":1}").Write(temp.File("x.zip"));

        using var reader = ArchiveReader.Open(path, new ArchiveOptions { AllowDuplicateMetadata = true });

        Assert.Equal("{\"new\":1}"u8.ToArray(), ArchiveAssert.ReadAll(reader, "zarr.json"));
        Assert.Equal(["zarr.json"], reader.DuplicatePaths);
    }

    [Fact]
    public void Names_are_normalised_and_the_stored_name_is_kept()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder().AddStored("image.zarr\\0\\.zarray", "{}").AddStored("./image.zarr//.zattrs", "{}").AddStored("image.zarr/.zgroup", "{}");

        using var reader = new ZipArchiveReader(builder.Write(temp.File("x.zip")));

        Assert.Equal(["image.zarr/0/.zarray", "image.zarr/.zattrs", "image.zarr/.zgroup"], reader.Entries.Select(e => e.Path));
        Assert.Equal("image.zarr\\0\\.zarray", reader.ZipEntries[0].RawName);
        Assert.Equal([true, true, false], reader.ZipEntries.Select(e => e.NameWasNormalised));
    }

    [Fact]
    public void Names_are_decoded_as_utf8_when_flagged_or_valid_and_as_code_page_437_otherwise()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder()
            .AddStored("flagged-é.json", "1")
            .Add(new ZipBuilderEntry("ignored", "2"u8.ToArray()) { RawName = Encoding.UTF8.GetBytes("unflagged-é.json"), Utf8Flag = false })
            .Add(new ZipBuilderEntry("ignored", "3"u8.ToArray()) { RawName = [(byte)'c', (byte)'p', 0x80, 0x81, (byte)'.', (byte)'x'], Utf8Flag = false });

        using var reader = new ZipArchiveReader(builder.Write(temp.File("x.zip")));

        Assert.Equal(["flagged-é.json", "unflagged-é.json", "cpÇü.x"], reader.Entries.Select(e => e.Path));
        Assert.Equal([true, false, false], reader.ZipEntries.Select(e => e.HasUtf8Name));
    }

    [Fact]
    public void A_name_flagged_utf8_that_is_not_utf8_is_corrupt()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("x", "1"u8.ToArray()) { RawName = [(byte)'b', 0xFF, 0xFE], Utf8Flag = true })
            .Write(temp.File("x.zip"));

        ArchiveAssert.Throws(ArchiveErrorKind.Corrupt, "UTF-8", () => ArchiveReader.Open(path));
    }

    [Fact]
    public void Entries_with_data_descriptors_are_read_from_the_central_directory_sizes()
    {
        using var temp = new TempFolder();
        var data = Pattern(70_000, 5);
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("a.bin", data) { Method = 8, DataDescriptor = true })
            .Add(new ZipBuilderEntry("b.bin", data) { DataDescriptor = true })
            .Write(temp.File("x.zip"));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal(data, ArchiveAssert.ReadAll(reader, "a.bin"));
        Assert.Equal(data, ArchiveAssert.ReadAll(reader, "b.bin"));
    }

    [Fact]
    public void A_zip_behind_a_prefix_is_read_like_a_self_extractor()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder { Prefix = Encoding.ASCII.GetBytes(new string('#', 4_000)) }.AddDeflated("a.json", "{\"x\":1}").AddStored("b", "bee");

        using var reader = new ZipArchiveReader(builder.Write(temp.File("x.zip")));

        Assert.Equal(4_000, reader.PrefixLength);
        Assert.Equal("{\"x\":1}"u8.ToArray(), ArchiveAssert.ReadAll(reader, "a.json"));
        Assert.Equal("bee"u8.ToArray(), ArchiveAssert.ReadAll(reader, "b"));
    }

    [Fact]
    public void A_zip64_zip_behind_a_prefix_is_read()
    {
        using var temp = new TempFolder();
        var builder = new ZipBuilder { ForceZip64 = true, Prefix = new byte[777] }.AddStored("a", "ay");

        using var reader = new ZipArchiveReader(builder.Write(temp.File("x.zip")));

        Assert.True(reader.IsZip64);
        Assert.Equal("ay"u8.ToArray(), ArchiveAssert.ReadAll(reader, "a"));
    }

    [Fact]
    public void Orphan_local_headers_left_by_appending_writers_are_ignored()
    {
        using var temp = new TempFolder();
        var path = new ZipBuilder()
            .Add(new ZipBuilderEntry("zarr.json", "{\"old\":1}"u8.ToArray()) { OmitFromCentralDirectory = true })
            .AddStored("zarr.json", "{\"new\":1}")
            .Write(temp.File("x.zip"));

        using var reader = ArchiveReader.Open(path);

        Assert.Equal("{\"new\":1}"u8.ToArray(), ArchiveAssert.ReadAll(reader, Assert.Single(reader.Entries)));
    }

    [Fact]
    public void An_empty_zip_has_no_entries()
    {
        using var temp = new TempFolder();

        using var reader = ArchiveReader.Open(new ZipBuilder { Comment = "nothing" }.Write(temp.File("x.zip")));

        Assert.Empty(reader.Entries);
        Assert.Equal("nothing", ((ZipArchiveReader)reader).Comment);
    }

    [Fact]
    public void Empty_entries_read_as_empty()
    {
        using var temp = new TempFolder();
        using var reader = ArchiveReader.Open(new ZipBuilder().AddStored("e", []).AddDeflated("f", []).Write(temp.File("x.zip")));

        Assert.All(reader.Entries, e => Assert.Empty(ArchiveAssert.ReadAll(reader, e)));
    }

    [Fact]
    public void Opening_an_entry_of_another_archive_is_an_argument_error()
    {
        using var temp = new TempFolder();
        using var reader = ArchiveReader.Open(new ZipBuilder().AddStored("a", "b").Write(temp.File("x.zip")));

        Assert.Throws<ArgumentException>(() => reader.OpenEntry(new ArchiveEntry("other", 1)));
    }

    [Fact]
    public void A_disposed_reader_opens_nothing()
    {
        using var temp = new TempFolder();
        var reader = ArchiveReader.Open(new ZipBuilder().AddStored("a", "b").Write(temp.File("x.zip")));
        var entry = reader.Entries[0];
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.OpenEntry(entry));
    }

    [Fact]
    public void ReadAllBytes_refuses_entries_over_its_limit()
    {
        using var temp = new TempFolder();
        using var reader = ArchiveReader.Open(new ZipBuilder().AddStored("big.json", new byte[2_000]).Write(temp.File("x.zip")));

        ArchiveAssert.Throws(ArchiveErrorKind.LimitExceeded, "big.json", () => reader.ReadAllBytes(reader.Entries[0], maxLength: 1_000));
        Assert.Equal(2_000, reader.ReadAllBytes(reader.Entries[0], maxLength: 2_000).Length);
    }

    internal static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);

        // Half random, half repetitive, so deflate has something to do.
        for (var i = length / 2; i < length; i++)
        {
            bytes[i] = (byte)(i % 17);
        }

        return bytes;
    }
}
