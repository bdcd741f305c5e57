using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc.Platform;

/// <summary>
/// Opens files whose names are not valid UTF-8 (see <see cref="FileNameBytes"/>) through libc, with the
/// exact bytes of the name; .NET's path APIs would open a different, usually missing, name. Thread-safe.
/// </summary>
public static partial class RawFile
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int NoSuchFile = 2; // ENOENT
    private const int PermissionDenied = 13; // EACCES

    /// <summary>True where names can be opened byte for byte (Unix).</summary>
    public static bool IsSupported => !OperatingSystem.IsWindows();

    /// <exception cref="FileNotFoundException">No file has that name.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Another reason, with errno in HResult.</exception>
    public static unsafe FileStream OpenRead(string name)
    {
        var path = FileNameBytes.EncodeForC(name);
        int descriptor;
        fixed (byte* start = path)
        {
            descriptor = Open(start, ReadOnly);
        }

        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                NoSuchFile => new FileNotFoundException(),
                PermissionDenied => new UnauthorizedAccessException(),
                _ => new IOException(Marshal.GetPInvokeErrorMessage(errno), errno),
            };
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    /// <summary>
    /// True when <paramref name="name"/> is a folder, asked with the exact bytes of the name (a
    /// symbolic link is not followed); false when it is something else, missing, or cannot be asked.
    /// </summary>
    public static bool IsFolder(string name) =>
        FileKind.TryLStat(FileNameBytes.EncodeForC(name), out var mode, out _) && FileKind.IsFolderMode(mode);

    // By the bare name, not CLibrary.Name: this runs on every Unix system (macOS too), for names that
    // are not valid UTF-8 only, so the runtime's longer search for "libc" is paid rarely.
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int Open(byte* path, int flags);
}
