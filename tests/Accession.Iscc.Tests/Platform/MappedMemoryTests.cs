using System.IO.MemoryMappedFiles;
using Accession.Iscc.Blake3;
using Accession.Iscc.Platform;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Platform;

public sealed class MappedMemoryTests
{
    [Theory]
    [InlineData(0, 1 << 20)]
    [InlineData(123, (1 << 20) - 4000)]
    [InlineData(4096, 10)]
    public unsafe void A_released_range_still_reads_the_files_bytes(int start, int length)
    {
        ReleasedRangeReadsTheSame(start, length);
    }

    [Fact]
    public void Without_madvise_releasing_does_nothing_harmful()
    {
        using (NativeFunction.ForcePortable())
        {
            ReleasedRangeReadsTheSame(123, 1 << 20);
        }
    }

    private static unsafe void ReleasedRangeReadsTheSame(int start, int length)
    {
        using var folder = new TempFolder();
        var path = folder.File("mapped.bin");
        var content = new byte[(1 << 20) + 4096];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(path, content);

        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, content.Length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            var mapped = new ReadOnlySpan<byte>(pointer + view.PointerOffset, content.Length);
            Assert.True(mapped.SequenceEqual(content));

            MappedMemory.Release(mapped.Slice(start, length));

            Assert.True(mapped.SequenceEqual(content));
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    [Fact]
    public void A_file_open_for_writing_is_told_apart()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "writers are detected on Linux only");
        using var folder = new TempFolder();
        var path = folder.File("growing.bin");
        File.WriteAllBytes(path, new byte[4096]);
        using var reader = File.OpenHandle(path);

        Assert.False(MappedMemory.IsOpenForWriting(reader));
        using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            Assert.True(MappedMemory.IsOpenForWriting(reader));
        }

        Assert.False(MappedMemory.IsOpenForWriting(reader));
    }

    [Fact]
    public void Without_leases_no_writer_can_be_seen()
    {
        using var folder = new TempFolder();
        var path = folder.File("growing.bin");
        File.WriteAllBytes(path, new byte[4096]);
        using var reader = File.OpenHandle(path);
        using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);

        using (NativeFunction.ForcePortable())
        {
            Assert.False(MappedMemory.IsOpenForWriting(reader));
        }
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task Without_the_C_library_files_hash_the_same(FileReadMode mode)
    {
        using var folder = new TempFolder();
        var path = folder.File("portable.bin");
        var content = new byte[(5 << 20) + 3];
        new Random(5).NextBytes(content);
        await File.WriteAllBytesAsync(path, content);

        using (NativeFunction.ForcePortable())
        {
            Assert.Equal(IsccSum.Hash(content), await IsccSum.HashFileAsync(path, mode: mode));
            Assert.Equal(Blake3Hasher.Hash(content), Blake3Hasher.HashFile(path, 2, mode));
        }
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task Files_being_written_hash_the_same_as_their_bytes(FileReadMode mode)
    {
        using var folder = new TempFolder();
        var path = folder.File("growing.bin");
        var content = new byte[(3 << 20) + 5];
        new Random(11).NextBytes(content);
        File.WriteAllBytes(path, content);

        using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);

        Assert.Equal(Blake3Hasher.Hash(content), Blake3Hasher.HashFile(path, 2, mode));
        Assert.Equal(IsccSum.Hash(content), await IsccSum.HashFileAsync(path, mode: mode));
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task A_file_cut_short_while_it_is_hashed_ends_the_hash_instead_of_the_process(FileReadMode mode)
    {
        Assert.SkipWhen(mode == FileReadMode.MemoryMapped && !OperatingSystem.IsLinux(), "writers are detected on Linux only");
        using var folder = new TempFolder();
        var path = folder.File("shrinking.bin");
        const int length = 160 << 20; // more than two mapped windows
        await using (var file = File.Create(path))
        {
            file.SetLength(length);
        }

        await using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        var progress = new Progress(() => writer.SetLength(1 << 20));

        var error = await Assert.ThrowsAsync<IOException>(() => IsccSum.HashFileAsync(path, progress, mode));

        Assert.True(progress.Reported);
        Assert.Contains("changed while it was hashed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FileReadMode.Read)]
    [InlineData(FileReadMode.MemoryMapped)]
    public async Task A_file_that_grows_while_it_is_hashed_has_no_identifier(FileReadMode mode)
    {
        using var folder = new TempFolder();
        var path = folder.File("growing.bin");
        await File.WriteAllBytesAsync(path, new byte[12 << 20]); // several read buffers
        await using var writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var progress = new Progress(() =>
        {
            writer.Write(new byte[1 << 20]);
            writer.Flush();
        });

        await Assert.ThrowsAsync<IOException>(() => IsccSum.HashFileAsync(path, progress, mode));
        Assert.True(progress.Reported);
    }

    [Fact]
    public async Task A_file_that_grows_after_it_was_mapped_has_no_identifier()
    {
        using var folder = new TempFolder();
        var path = folder.File("appended.bin");
        await using (var file = File.Create(path))
        {
            file.SetLength(96 << 20); // more than one mapped window, and nobody writing when hashing starts
        }

        var progress = new Progress(() => File.AppendAllText(path, "late"));

        await Assert.ThrowsAsync<IOException>(() => IsccSum.HashFileAsync(path, progress, FileReadMode.MemoryMapped));
        Assert.True(progress.Reported);
    }

    /// <summary>Runs an action, synchronously, at the first progress report.</summary>
    private sealed class Progress(Action onFirstReport) : IProgress<long>
    {
        public bool Reported { get; private set; }

        public void Report(long value)
        {
            if (!Reported)
            {
                Reported = true;
                onFirstReport();
            }
        }
    }
}
