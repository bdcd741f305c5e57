using System.IO.MemoryMappedFiles;
using Accession.TestKit;

namespace Accession.Iscc.Tests;

public sealed class MappedMemoryTests
{
    [Theory]
    [InlineData(0, 1 << 20)]
    [InlineData(123, (1 << 20) - 4000)]
    [InlineData(4096, 10)]
    public unsafe void A_released_range_still_reads_the_files_bytes(int start, int length)
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
}
