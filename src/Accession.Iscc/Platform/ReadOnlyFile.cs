using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc.Platform;

/// <summary>
/// A file opened for reading with no more system calls than opening, sizing, reading and closing
/// need. A <see cref="FileStream"/> costs three to five more per file on Linux (an advisory
/// <c>flock</c> taken and given back, a second <c>fstat</c>, <c>getcwd</c> for a relative path,
/// a read that only finds the end), which is most of the time spent on a file of a few KiB. On
/// Linux it calls open(2), statx(2) and read(2) of the C library; elsewhere, or where statx is
/// missing, it uses <see cref="File.OpenHandle"/> and <see cref="RandomAccess"/>. Not thread-safe.
/// </summary>
internal sealed unsafe partial class ReadOnlyFile : IDisposable
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (O_CLOEXEC is 02000000 on x86-64 and the generic ABI of arm64)
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: statx of the descriptor itself
    private const uint TypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE
    private const int Interrupted = 4; // EINTR
    private const int Sequential = 2; // POSIX_FADV_SEQUENTIAL

    private static readonly NativeFunction PosixFunctions = new(OperatingSystem.IsLinux());
    private static readonly NativeFunction AdviceFunction = new(OperatingSystem.IsLinux());

    private readonly bool _native;
    private long _position;

    private ReadOnlyFile(SafeFileHandle handle, long length, bool isRegularFile, bool native)
    {
        Handle = handle;
        Length = length;
        IsRegularFile = isRegularFile;
        _native = native;
    }

    /// <summary>The open file; disposing this object closes it.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>The size when the file was opened.</summary>
    public long Length { get; }

    /// <summary>True for a regular file, whose size is known and whose short read means its end.</summary>
    public bool IsRegularFile { get; }

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder on the path does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or it is a folder.</exception>
    /// <exception cref="IOException">Another reason, with the errno in <see cref="Exception.HResult"/>.</exception>
    public static ReadOnlyFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (PosixFunctions.IsAvailable)
        {
            try
            {
                return OpenNative(path);
            }
            catch (Exception e) when (PosixFunctions.IsMissing(e))
            {
                // Fall through to the portable open.
            }
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            // Only files that can be sought have a length; the others (pipes, devices) are read to their end.
            return new ReadOnlyFile(handle, RandomAccess.GetLength(handle), isRegularFile: true, native: false);
        }
        catch (NotSupportedException)
        {
            return new ReadOnlyFile(handle, 0, isRegularFile: false, native: false);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a file that a folder listing found to be a regular file of <paramref name="listedLength"/>
    /// bytes with open(2) alone, without asking its type and size again; null where that cannot be done
    /// (then use <see cref="Open"/>). The file may have changed since it was listed: a caller that reads
    /// other than <see cref="Length"/> bytes must open it afresh with <see cref="Open"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Another reason, with the errno in <see cref="Exception.HResult"/>.</exception>
    public static ReadOnlyFile? OpenListed(string path, long listedLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!PosixFunctions.IsAvailable)
        {
            return null;
        }

        int descriptor;
        try
        {
            descriptor = OpenPath(path, ReadOnlyCloseOnExec);
        }
        catch (Exception e) when (PosixFunctions.IsMissing(e))
        {
            return null;
        }

        return descriptor < 0
            ? throw ErrorOf(Marshal.GetLastPInvokeError(), path)
            : new ReadOnlyFile(new SafeFileHandle(descriptor, ownsHandle: true), listedLength, isRegularFile: true, native: true);
    }

    /// <summary>Reads from where the last read ended; 0 at the end of the file.</summary>
    /// <exception cref="IOException">The read failed, with the errno in <see cref="Exception.HResult"/>.</exception>
    public int Read(Span<byte> destination)
    {
        int read;
        if (_native)
        {
            fixed (byte* start = destination)
            {
                do
                {
                    read = (int)ReadNative(Handle, start, (nuint)destination.Length);
                }
                while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);
            }

            if (read < 0)
            {
                throw ErrorOf(Marshal.GetLastPInvokeError(), path: null);
            }
        }
        else
        {
            read = RandomAccess.Read(Handle, destination, _position);
        }

        _position += read;
        return read;
    }

    /// <summary>
    /// Reads the whole of a regular file of <see cref="Length"/> bytes into <paramref name="destination"/>,
    /// which must hold at least one byte more; usually one read(2) call, as a short read of a regular file
    /// means its end.
    /// </summary>
    /// <returns>The number of bytes read: more than <see cref="Length"/> when the file grew since it was opened.</returns>
    public int ReadWhole(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var asked = destination.Length - total;
            var read = Read(destination[total..]);
            total += read;
            if (read == 0 || (read < asked && total == Length))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Tells Linux the file will be read from start to end, so it reads ahead further (as <see cref="FileOptions.SequentialScan"/> does).</summary>
    public void AdviseSequential()
    {
        if (!_native || !AdviceFunction.IsAvailable)
        {
            return;
        }

        try
        {
            _ = FileAdvise(Handle, 0, 0, Sequential);
        }
        catch (Exception e) when (AdviceFunction.IsMissing(e))
        {
            // Advice only.
        }
    }

    /// <summary>A stream over the open file from where reading stands; it owns the file from then on.</summary>
    public FileStream ToStream() => new(Handle, FileAccess.Read, bufferSize: 0);

    public void Dispose() => Handle.Dispose();

    private static ReadOnlyFile OpenNative(string path)
    {
        var descriptor = OpenPath(path, ReadOnlyCloseOnExec);
        if (descriptor < 0)
        {
            throw ErrorOf(Marshal.GetLastPInvokeError(), path);
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            var buffer = stackalloc byte[FileKind.StatLength];
            if (Statx(descriptor, string.Empty, EmptyPath, TypeAndSize, buffer) != 0)
            {
                throw ErrorOf(Marshal.GetLastPInvokeError(), path);
            }

            var type = *(ushort*)(buffer + FileKind.StatxModeOffset) & FileKind.TypeMask;
            if (type == FileKind.Folder)
            {
                // As FileStream does, so callers see the same exception either way.
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
            }

            var isRegular = type == FileKind.RegularFile;
            return new ReadOnlyFile(handle, isRegular ? *(long*)(buffer + FileKind.StatxSizeOffset) : 0, isRegular, native: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The exception .NET throws for <paramref name="errno"/>, with the errno kept in HResult.</summary>
    private static Exception ErrorOf(int errno, string? path) => errno switch
    {
        2 when path is not null && IsInMissingFolder(path) => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."), // ENOENT
        2 => new FileNotFoundException($"Could not find file '{path}'.", path), // ENOENT
        20 => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."), // ENOTDIR
        1 or 13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."), // EPERM, EACCES
        _ => new IOException(path is null ? Marshal.GetPInvokeErrorMessage(errno) : $"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno),
    };

    private static bool IsInMissingFolder(string path) => Path.GetDirectoryName(path) is { Length: > 0 } folder && !Directory.Exists(folder);

    [LibraryImport(CLibrary.Name, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenPath(string path, int flags);

    [LibraryImport(CLibrary.Name, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int descriptor, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(CLibrary.Name, EntryPoint = "posix_fadvise")]
    private static partial int FileAdvise(SafeFileHandle descriptor, long offset, long length, int advice);

    [LibraryImport(CLibrary.Name, EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(SafeFileHandle descriptor, byte* buffer, nuint count);
}
