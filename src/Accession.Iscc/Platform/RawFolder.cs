using System.Runtime.InteropServices;

namespace Accession.Iscc.Platform;

/// <summary>
/// Lists a folder with every name exactly as the file system holds it, decoded with
/// <see cref="FileNameBytes"/>: .NET's own listing replaces bytes that are not valid UTF-8 with U+FFFD,
/// after which the file can be neither named nor opened. Linux only, through readdir(3) on a 64-bit
/// process (glibc and musl share the <c>struct dirent</c> layout there); where the function is missing,
/// the first call finds out and <see cref="IsAvailable"/> turns false for the rest of the process
/// (<see cref="NativeFunction"/>). Like <see cref="FileKind"/>, only regular files and folders are listed.
/// The type comes from the listing itself (d_type), so a file is asked about (statx relative to the
/// open folder) only for its size, or where the file system does not say its type. Thread-safe.
/// </summary>
internal static unsafe partial class RawFolder
{
    private const int TypeOffset = 18; // d_type in struct dirent (after u64 d_ino, s64 d_off, u16 d_reclen)
    private const int NameOffset = 19; // d_name
    private const byte UnknownType = 0; // DT_UNKNOWN: the file system does not say, so ask lstat
    private const byte FolderType = 4; // DT_DIR
    private const byte RegularType = 8; // DT_REG
    private const int NoSuchFile = 2; // ENOENT
    private const int PermissionDenied = 13; // EACCES

    /// <summary>Why a folder whose name is not valid UTF-8 cannot be listed here.</summary>
    public const string Unsupported = "the name is not valid UTF-8 and this platform cannot list such folders";

    private static readonly NativeFunction ReadDirectory = new(OperatingSystem.IsLinux() && Environment.Is64BitProcess);

    /// <summary>False where folders cannot be listed byte for byte.</summary>
    public static bool IsAvailable => ReadDirectory.IsAvailable;

    /// <summary>The regular files and folders in <paramref name="folder"/> (a name from <see cref="FileNameBytes"/>).</summary>
    /// <param name="folder">The folder to list.</param>
    /// <param name="lengths">False to leave the sizes of files unasked (-1), saving a statx per file.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be read.</exception>
    /// <exception cref="IOException">
    /// This platform cannot list folders byte for byte (<see cref="Unsupported"/>), or another reason with errno in HResult.
    /// </exception>
    public static List<(string Name, bool IsFolder, long Length)> List(string folder, bool lengths = true)
    {
        var path = FileNameBytes.EncodeForC(folder);
        var folderBytes = path[..^1];
        if (!IsAvailable)
        {
            throw new IOException(Unsupported);
        }

        nint directory;
        try
        {
            fixed (byte* start = path)
            {
                directory = OpenDirectory(start);
            }
        }
        catch (Exception e) when (ReadDirectory.IsMissing(e))
        {
            throw new IOException(Unsupported, e);
        }

        if (directory == 0)
        {
            throw Failure(Marshal.GetLastPInvokeError());
        }

        var listed = new List<(string Name, bool IsFolder, long Length)>();
        try
        {
            while (ReadEntry(directory) is var entry && entry != null)
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                if (Describe(directory, folderBytes, name, entry[TypeOffset], lengths) is { } kind)
                {
                    listed.Add((FileNameBytes.Decode(name), kind.IsFolder, kind.Length));
                }
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != 0)
            {
                throw Failure(errno);
            }
        }
        finally
        {
            _ = CloseDirectory(directory);
        }

        return listed;
    }

    // A regular file with its size (-1 when not asked), a folder, or null for anything else (links,
    // FIFOs, sockets, devices).
    private static (bool IsFolder, long Length)? Describe(nint directory, byte[] folder, ReadOnlySpan<byte> name, byte type, bool lengths)
    {
        if (type == FolderType)
        {
            return (true, 0);
        }

        if (type is not (RegularType or UnknownType))
        {
            return null;
        }

        if (type == RegularType && !lengths)
        {
            return (false, -1);
        }

        int mode;
        long length;
        bool known;
        fixed (byte* start = name)
        {
            // The name is followed by its NUL in the listing; relative to the open folder, the system looks up one name.
            known = FileKind.TryLStatAt(FolderDescriptor(directory), start, out mode, out length) ?? FileKind.TryLStat(PathOf(folder, name), out mode, out length);
        }

        if (!known)
        {
            // Gone since it was listed, or nothing to ask: opening it will say what is wrong.
            return type == RegularType ? (false, lengths ? 0 : -1) : null;
        }

        return FileKind.IsFolderMode(mode) ? (true, 0) : FileKind.IsRegularMode(mode) ? (false, lengths ? length : -1) : null;
    }

    private static byte[] PathOf(byte[] folder, ReadOnlySpan<byte> name)
    {
        var path = new byte[folder.Length + 1 + name.Length + 1];
        folder.CopyTo(path, 0);
        path[folder.Length] = (byte)'/';
        name.CopyTo(path.AsSpan(folder.Length + 1));
        return path;
    }

    private static Exception Failure(int errno)
    {
        var message = Marshal.GetPInvokeErrorMessage(errno);
        return errno switch
        {
            NoSuchFile => new DirectoryNotFoundException(message),
            PermissionDenied => new UnauthorizedAccessException(message),
            _ => new IOException(message, errno),
        };
    }

    [LibraryImport(CLibrary.Name, EntryPoint = "opendir", SetLastError = true)]
    private static partial nint OpenDirectory(byte* path);

    [LibraryImport(CLibrary.Name, EntryPoint = "readdir", SetLastError = true)]
    private static partial byte* ReadEntry(nint directory);

    [LibraryImport(CLibrary.Name, EntryPoint = "dirfd")]
    private static partial int FolderDescriptor(nint directory);

    [LibraryImport(CLibrary.Name, EntryPoint = "closedir")]
    private static partial int CloseDirectory(nint directory);
}
