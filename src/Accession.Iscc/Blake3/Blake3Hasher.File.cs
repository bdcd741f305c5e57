using System.IO.MemoryMappedFiles;
using Accession.Iscc.Platform;

namespace Accession.Iscc.Blake3;

public sealed partial class Blake3Hasher
{
    /// <summary>Input handed to one append when a file is mapped: a power of two, so no subtree is split.</summary>
    private const int MappedSliceLength = 1 << 30;

    /// <summary>Read size when a file is not mapped.</summary>
    private const int ReadLength = 8 << 20;

    /// <summary>
    /// The 32-byte BLAKE3 hash of the file at <paramref name="path"/>, read in large blocks. With
    /// <see cref="FileReadMode.MemoryMapped"/> the file is mapped into memory instead (as <c>b3sum</c>
    /// does), so nothing is copied, unless some process has it open for writing or it lies on a network
    /// file system; read that mode's warning about files cut short first.
    /// <paramref name="maxDegreeOfParallelism"/> works as <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read, or its length changed while it was read.</exception>
    public static byte[] HashFile(string path, int maxDegreeOfParallelism = 1, FileReadMode mode = FileReadMode.Read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var hasher = new Blake3Hasher { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (mode == FileReadMode.MemoryMapped && length > 0 && MappedMemory.MaySafelyMap(handle))
        {
            hasher.AppendMapped(handle, length);
            if (RandomAccess.GetLength(handle) != length)
            {
                throw new IOException(MappedMemory.FileChangedMessage);
            }
        }
        else
        {
            // Not to be mapped, empty, a special file whose length is unknown, or a file still being written: read it to the end.
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            hasher.AppendStream(stream);
            if (length > 0 && hasher.Length != length)
            {
                throw new IOException(MappedMemory.FileChangedMessage);
            }
        }

        return hasher.GetCurrentHash();
    }

    private unsafe void AppendMapped(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        using var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        var mapping = view.SafeMemoryMappedViewHandle;
        byte* start = null;
        mapping.AcquirePointer(ref start);
        _state.ReleasesInput = true;
        try
        {
            var bytes = start + view.PointerOffset;
            for (long offset = 0; offset < length; offset += MappedSliceLength)
            {
                Append(new ReadOnlySpan<byte>(bytes + offset, (int)Math.Min(MappedSliceLength, length - offset)));
            }
        }
        finally
        {
            _state.ReleasesInput = false;
            mapping.ReleasePointer();
        }
    }

    private void AppendStream(Stream stream)
    {
        var buffer = new byte[ReadLength];
        int read;
        while ((read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }
}
