using Accession.OmeZarr.Archives;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchiveExtractorTests
{
    public static TheoryData<string> AllSuffixes() => [".zip", ".tar", ".tar.gz", ".tar.bz2", ".tar.xz"];

    [Theory]
    [MemberData(nameof(AllSuffixes))]
    public async Task Extraction_reproduces_the_source_folder(string suffix)
    {
        using var temp = new TempFolder();
        var folder = SharedData.Path("samples", "ome-zarr", "ome2024-ngff-challenge", "tests", "data", "bf2raw.zarr");
        var archive = SampleArchives.Build(folder, temp.File("x" + suffix), prefix: "bf2raw.zarr/");
        var target = Path.Combine(temp.Path, "out");

        using var extracted = await ArchiveExtractor.ExtractAsync(archive, target);

        ArchiveAssert.SameAsFolder(extracted, folder, prefix: "bf2raw.zarr/");
        Assert.Equal(Path.GetFullPath(target), extracted.Location);
        Assert.Empty(Directory.EnumerateFiles(target, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_open_reader_extracts_into_an_existing_empty_folder()
    {
        using var temp = new TempFolder();
        var archive = new ZipBuilder().AddStored("a/zarr.json", "{}").AddDeflated("a/c/0", new byte[5_000]).Write(temp.File("x.zip"));
        var target = Directory.CreateDirectory(Path.Combine(temp.Path, "out")).FullName + Path.DirectorySeparatorChar;
        using var reader = ArchiveReader.Open(archive);

        using var extracted = await ArchiveExtractor.ExtractAsync(reader, target);

        Assert.Equal(["a/c/0", "a/zarr.json"], extracted.Entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData(".tar.gz")]
    [InlineData(".tar.bz2")]
    [InlineData(".tar.xz")]
    [InlineData(".tar")]
    public async Task A_link_late_in_a_tar_leaves_nothing_behind(string suffix)
    {
        using var temp = new TempFolder();
        var builder = new TarBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.AddFile($"a/c/{i}", new byte[1_000]);
        }

        var archive = builder.AddSymlink("a/link", "../../etc").AddFile("a/after", "x").Write(temp.File("x" + suffix));
        var target = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, target));

        Assert.Equal(ArchiveErrorKind.Unsafe, error.Kind);
        Assert.Contains("'a/link'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Equal([archive], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_crc_failure_in_the_last_entry_leaves_an_existing_target_empty()
    {
        using var temp = new TempFolder();
        var archive = new ZipBuilder()
            .AddStored("a/zarr.json", "{}")
            .AddDeflated("a/c/0", new byte[5_000])
            .Add(new ZipBuilderEntry("a/c/1", new byte[5_000]) { CorruptCrc = true })
            .Write(temp.File("x.zip"));
        var target = Directory.CreateDirectory(Path.Combine(temp.Path, "out")).FullName;

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, target));

        Assert.Equal(ArchiveErrorKind.Corrupt, error.Kind);
        Assert.Contains("'a/c/1'", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task A_truncated_tar_gz_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        var builder = new TarBuilder();
        for (var i = 0; i < 8; i++)
        {
            builder.AddFile($"a/c/{i}", ZipArchiveReaderTests.Pattern(20_000, i));
        }

        builder.TruncateBy = builder.ToArray(TarCompression.Gzip).Length / 4;
        var archive = builder.Write(temp.File("x.tar.gz"));
        var target = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, target));

        Assert.Equal(ArchiveErrorKind.Corrupt, error.Kind);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Cancellation_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        var archive = new ZipBuilder().AddStored("a/0", "x").AddStored("a/1", "y").AddStored("a/2", "z").Write(temp.File("x.zip"));
        var target = Path.Combine(temp.Path, "out");
        using var reader = ArchiveReader.Open(archive);
        using var cancel = new CancellationTokenSource();
        var written = 0;

        // Cancel once the first file is on disk.
        var extraction = ArchiveExtractor.ExtractAsync(new CancellingReader(reader, () => { if (++written == 2) { cancel.Cancel(); } }), target, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => extraction);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_kept()
    {
        using var temp = new TempFolder();
        var archive = new ZipBuilder().AddStored("a/zarr.json", "{}").Write(temp.File("x.zip"));
        var keep = temp.File("out/keep.txt");
        File.WriteAllText(keep, "mine");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, Path.GetDirectoryName(keep)!));

        Assert.Equal(ArchiveErrorKind.Unsafe, error.Kind);
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(keep));
    }

    [Fact]
    public async Task A_file_and_a_folder_of_one_name_clash_and_leave_nothing_behind()
    {
        using var temp = new TempFolder();
        var archive = new ZipBuilder().AddStored("a/x", "file").AddStored("a/x/y", "inside").Write(temp.File("x.zip"));
        var target = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, target));

        Assert.Equal(ArchiveErrorKind.Unsafe, error.Kind);
        Assert.Contains("'a/x/y'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Duplicates_in_a_compressed_tar_extract_as_the_last_copy()
    {
        using var temp = new TempFolder();
        var archive = new TarBuilder().AddFile("a/x", "first").AddFile("a/x", "second").Write(temp.File("x.tar.gz"));
        var target = Path.Combine(temp.Path, "out");

        using var extracted = await ArchiveExtractor.ExtractAsync(archive, target);

        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "a", "x")));
        Assert.Single(extracted.Entries);
    }

    [Fact]
    public async Task Unsafe_names_in_a_compressed_tar_are_refused_before_anything_is_written_outside()
    {
        using var temp = new TempFolder();
        var archive = new TarBuilder().AddFile("a/ok", "x").AddFile("../escaped", "evil").Write(temp.File("x.tar.gz"));
        var target = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<ArchiveException>(() => ArchiveExtractor.ExtractAsync(archive, target));

        Assert.Equal(ArchiveErrorKind.Unsafe, error.Kind);
        Assert.False(File.Exists(Path.Combine(temp.Path, "escaped")));
        Assert.False(Directory.Exists(target));
    }

    // Calls back after each entry is handed out, to cancel between entries.
    private sealed class CancellingReader(ArchiveReader inner, Action afterEach) : ArchiveReader
    {
        public override string Location => inner.Location;

        public override IReadOnlyList<ArchiveEntry> Entries => inner.Entries;

        public override Stream OpenEntry(ArchiveEntry entry)
        {
            afterEach();
            return inner.OpenEntry(entry);
        }
    }
}
