using System.Runtime.InteropServices;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// Tells regular files from FIFOs, sockets and device nodes, which .NET lists as plain files.
/// Folder readers skip them: opening a FIFO waits for a writer that may never come, and a device
/// is not data. On Linux this asks statx(2) without following links; elsewhere every entry that
/// is not a folder counts as a regular file.
/// </summary>
public static unsafe partial class FileKind
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int DoNotFollowLinks = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every architecture
    private const int StatxLength = 256;
    private const int TypeMask = 0xF000; // S_IFMT
    private const int Fifo = 0x1000; // S_IFIFO
    private const int CharacterDevice = 0x2000; // S_IFCHR
    private const int BlockDevice = 0x6000; // S_IFBLK
    private const int Socket = 0xC000; // S_IFSOCK

    /// <summary>
    /// True when <paramref name="path"/> is known to be a FIFO, a socket or a device node. When it
    /// cannot be asked, false, so that opening the file reports the real problem.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = stackalloc byte[StatxLength];
        if (Statx(CurrentFolder, path, DoNotFollowLinks, TypeField, buffer) != 0)
        {
            return false;
        }

        var type = *(ushort*)(buffer + ModeOffset) & TypeMask;
        return type is Fifo or CharacterDevice or BlockDevice or Socket;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, byte* buffer);
}
