using System.Runtime.InteropServices;
using System.Text;

namespace Accession.Iscc.Platform;

/// <summary>
/// Tells regular files from FIFOs, sockets and device nodes, which .NET lists as plain files.
/// Folder walkers and readers skip them: opening a FIFO waits for a writer that may never come, and a
/// device is not data. On Linux this asks statx(2) without following links; where statx is missing
/// (older musl) and on the other Unix systems (macOS) it asks the lstat(2) of the .NET runtime's own
/// native shim, which <see cref="FileSystemInfo"/> uses too; where neither can be asked (Windows, which
/// has no FIFOs among files) every entry that is not a folder counts as a regular file. Thread-safe.
/// </summary>
public static unsafe partial class FileKind
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int DoNotFollowLinks = 0x100; // AT_SYMLINK_NOFOLLOW
    private const int FollowLinks = 0;
    private const int NoEntry = 2; // ENOENT
    private const int NotAFolder = 20; // ENOTDIR
    private const uint TypeField = 0x1; // STATX_TYPE
    private const uint SizeField = 0x200; // STATX_SIZE
    internal const int StatxModeOffset = 28; // stx_mode in struct statx, the same on every architecture
    internal const int StatxSizeOffset = 40; // stx_size
    private const int RuntimeModeOffset = 4; // Mode in the runtime shim's FileStatus (after int Flags)
    private const int RuntimeSizeOffset = 16; // Size in the runtime shim's FileStatus (after Flags, Mode, Uid, Gid)
    internal const int StatLength = 256; // room for struct statx and for the shim's FileStatus
    internal const int TypeMask = 0xF000; // S_IFMT; POSIX type bits, the same on Linux and macOS
    internal const int RegularFile = 0x8000; // S_IFREG
    private const int Fifo = 0x1000; // S_IFIFO
    private const int CharacterDevice = 0x2000; // S_IFCHR
    private const int BlockDevice = 0x6000; // S_IFBLK
    private const int Socket = 0xC000; // S_IFSOCK
    internal const int Folder = 0x4000; // S_IFDIR

    private static readonly NativeFunction StatxFunction = new(OperatingSystem.IsLinux());
    private static readonly NativeFunction RuntimeLStatFunction = new(!OperatingSystem.IsWindows(), portable: true);

    /// <summary>
    /// True when <paramref name="path"/> is known to be a FIFO, a socket or a device node. When it
    /// cannot be asked, false, so that opening the file reports the real problem.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var buffer = stackalloc byte[StatLength];
        if (StatxFunction.IsAvailable)
        {
            try
            {
                return Statx(CurrentFolder, path, DoNotFollowLinks, TypeField, buffer) == 0
                    && IsSpecialMode(*(ushort*)(buffer + StatxModeOffset));
            }
            catch (Exception e) when (StatxFunction.IsMissing(e))
            {
                // Fall through to the portable lstat.
            }
        }

        if (RuntimeLStatFunction.IsAvailable)
        {
            try
            {
                return RuntimeLStat(path, buffer) == 0 && IsSpecialMode(*(int*)(buffer + RuntimeModeOffset));
            }
            catch (Exception e) when (RuntimeLStatFunction.IsMissing(e))
            {
                // Nothing left to ask.
            }
        }

        return false;
    }

    /// <summary>
    /// What <paramref name="path"/> names, links followed, and the size of a regular file, from one
    /// statx(2) call where .NET asks stat or lstat once per question (is it a folder, a file, how long).
    /// <see cref="PathKind.Unknown"/> where statx cannot be asked (then ask .NET) or failed for another
    /// reason than a missing name. Names that are not valid UTF-8 go through <see cref="RawFile"/> instead.
    /// </summary>
    /// <param name="path">The path to look at.</param>
    /// <param name="length">The size of a regular file, else 0.</param>
    public static PathKind Look(string path, out long length)
    {
        ArgumentNullException.ThrowIfNull(path);
        length = 0;
        if (!StatxFunction.IsAvailable)
        {
            return PathKind.Unknown;
        }

        var buffer = stackalloc byte[StatLength];
        try
        {
            if (Statx(CurrentFolder, path, FollowLinks, TypeField | SizeField, buffer) != 0)
            {
                return Marshal.GetLastPInvokeError() is NoEntry or NotAFolder ? PathKind.Missing : PathKind.Unknown;
            }
        }
        catch (Exception e) when (StatxFunction.IsMissing(e))
        {
            return PathKind.Unknown;
        }

        var mode = *(ushort*)(buffer + StatxModeOffset);
        if (IsRegularMode(mode))
        {
            length = *(long*)(buffer + StatxSizeOffset);
            return PathKind.RegularFile;
        }

        return IsFolderMode(mode) ? PathKind.Folder : PathKind.Special;
    }

    /// <summary>What <see cref="RegularFileLength"/> returns for anything but a regular file.</summary>
    internal const long NotRegular = -1;

    /// <summary>What <see cref="RegularFileLength"/> returns when it cannot tell.</summary>
    internal const long Unknown = -2;

    /// <summary>
    /// The size of <paramref name="path"/> if it is a regular file (links not followed), else
    /// <see cref="NotRegular"/>; <see cref="Unknown"/> where statx cannot be asked or fails. One
    /// statx(2) call says both, where .NET's listing needs lstat, geteuid and a second look for the type.
    /// </summary>
    internal static long RegularFileLength(string path)
    {
        var capacity = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        var name = capacity <= 1024 ? stackalloc byte[capacity] : new byte[capacity];
        name[Encoding.UTF8.GetBytes(path, name)] = 0;
        fixed (byte* start = name)
        {
            return TryLStatAt(CurrentFolder, start, out var mode, out var length) == true
                ? IsRegularMode(mode) ? length : NotRegular
                : Unknown;
        }
    }

    /// <summary>
    /// lstat(2) of a path given as its bytes with a closing NUL (names that are not valid UTF-8): the
    /// type bits and the size. False when the call failed or no function could be asked.
    /// </summary>
    internal static bool TryLStat(byte[] path, out int mode, out long length)
    {
        var buffer = stackalloc byte[StatLength];
        (mode, length) = (0, 0);
        fixed (byte* name = path)
        {
            if (StatxFunction.IsAvailable)
            {
                try
                {
                    if (Statx(CurrentFolder, name, DoNotFollowLinks, TypeField | SizeField, buffer) == 0)
                    {
                        (mode, length) = (*(ushort*)(buffer + StatxModeOffset), *(long*)(buffer + StatxSizeOffset));
                        return true;
                    }

                    return false;
                }
                catch (Exception e) when (StatxFunction.IsMissing(e))
                {
                    // Fall through to the portable lstat.
                }
            }

            if (RuntimeLStatFunction.IsAvailable)
            {
                try
                {
                    if (RuntimeLStat(name, buffer) == 0)
                    {
                        (mode, length) = (*(int*)(buffer + RuntimeModeOffset), *(long*)(buffer + RuntimeSizeOffset));
                        return true;
                    }

                    return false;
                }
                catch (Exception e) when (RuntimeLStatFunction.IsMissing(e))
                {
                    // Nothing left to ask.
                }
            }
        }

        return false;
    }

    /// <summary>
    /// statx(2) of <paramref name="name"/> (NUL-terminated) inside the open folder <paramref name="folder"/>,
    /// links not followed: the type bits and the size; false when the call failed, null where statx
    /// cannot be asked (then ask <see cref="TryLStat"/> with the whole path).
    /// </summary>
    internal static bool? TryLStatAt(int folder, byte* name, out int mode, out long length)
    {
        (mode, length) = (0, 0);
        if (!StatxFunction.IsAvailable)
        {
            return null;
        }

        var buffer = stackalloc byte[StatLength];
        try
        {
            if (Statx(folder, name, DoNotFollowLinks, TypeField | SizeField, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (StatxFunction.IsMissing(e))
        {
            return null;
        }

        (mode, length) = (*(ushort*)(buffer + StatxModeOffset), *(long*)(buffer + StatxSizeOffset));
        return true;
    }

    /// <summary>True for the type bits of a regular file (S_IFREG).</summary>
    internal static bool IsRegularMode(int mode) => (mode & TypeMask) == RegularFile;

    /// <summary>True for the type bits of a folder (S_IFDIR).</summary>
    internal static bool IsFolderMode(int mode) => (mode & TypeMask) == Folder;

    private static bool IsSpecialMode(int mode) => (mode & TypeMask) is Fifo or CharacterDevice or BlockDevice or Socket;

    [LibraryImport(CLibrary.Name, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int folder, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(CLibrary.Name, EntryPoint = "statx")]
    private static partial int Statx(int folder, byte* path, int flags, uint mask, byte* buffer);

    // The runtime's POSIX shim (dotnet/runtime src/native/libs/System.Native/pal_io.h): the same
    // FileStatus layout on every Unix, with the raw st_mode.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RuntimeLStat(string path, byte* status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static partial int RuntimeLStat(byte* path, byte* status);
}
