using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc.Platform;

/// <summary>
/// Tells files on network and cluster file systems from local ones (Linux fstatfs(2)), so that they are
/// never mapped: another machine can cut such a file short without any local sign (no lease is
/// refused), and a mapped file cut short ends the process. Elsewhere, or without fstatfs in the C
/// library, nothing is known and every file counts as local. Thread-safe.
/// </summary>
internal static unsafe partial class NetworkFileSystem
{
    private const int StatfsLength = 256; // struct statfs is 120 bytes on 64-bit Linux; f_type comes first

    // f_type values from statfs(2) and linux/magic.h; FUSE covers sshfs, s3fs, gcsfuse and the like.
    private static readonly uint[] NetworkTypes =
    [
        0x6969, // NFS_SUPER_MAGIC
        0x517B, // SMB_SUPER_MAGIC
        0xFF534D42, // CIFS_SUPER_MAGIC
        0xFE534D42, // SMB2_SUPER_MAGIC
        0x65735546, // FUSE_SUPER_MAGIC
        0x00C36400, // CEPH_SUPER_MAGIC
        0x5346414F, // AFS_SUPER_MAGIC
        0x6B414653, // AFS_FS_MAGIC (kAFS)
        0x01021997, // V9FS_MAGIC
        0x73757245, // CODA_SUPER_MAGIC
        0x7461636F, // OCFS2_SUPER_MAGIC
        0x01161970, // GFS2_MAGIC
        0x0BD00BD0, // Lustre
        0x47504653, // GPFS
        0x20030528, // ORANGEFS (PVFS2)
    ];

    private static readonly NativeFunction FstatfsFunction = new(OperatingSystem.IsLinux());

    /// <summary>True when the open <paramref name="file"/> is known to lie on a network or cluster file system.</summary>
    public static bool Holds(SafeFileHandle file) => TypeOf(file) is { } type && IsNetworkType(type);

    /// <summary>The f_type of the file system holding the open <paramref name="file"/>, or null when it cannot be asked.</summary>
    public static uint? TypeOf(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!FstatfsFunction.IsAvailable)
        {
            return null;
        }

        var buffer = stackalloc byte[StatfsLength];
        try
        {
            // f_type is a word (__fsword_t); the magic numbers fit in 32 bits.
            return Fstatfs((int)file.DangerousGetHandle(), buffer) == 0 ? (uint)*(nint*)buffer : null;
        }
        catch (Exception e) when (FstatfsFunction.IsMissing(e))
        {
            return null;
        }
    }

    /// <summary>True for the f_type of a network or cluster file system.</summary>
    public static bool IsNetworkType(uint type) => Array.IndexOf(NetworkTypes, type) >= 0;

    [LibraryImport(CLibrary.Name, EntryPoint = "fstatfs")]
    private static partial int Fstatfs(int descriptor, byte* buffer);
}
