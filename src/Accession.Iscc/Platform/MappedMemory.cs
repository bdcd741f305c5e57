using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc.Platform;

/// <summary>
/// Linux help for hashing files through read-only mappings; elsewhere than on Linux, and where the C
/// library lacks a function (<see cref="NativeFunction"/>), it does nothing.
/// <para>
/// Tearing a mapping down costs about as much kernel time as faulting it in (some 40 ms per GiB).
/// <see cref="Release"/> gives back a hashed range's page-table entries on the thread that hashed it,
/// so that cost is shared across cores instead of paid on one thread at unmap. The file's pages stay
/// in the page cache, and a released range reads the same if touched again.
/// </para>
/// <para>
/// A mapped file that another program truncates while it is read ends the process (a bus error that
/// .NET cannot catch). Files that some process has open for writing (<see cref="IsOpenForWriting"/>)
/// are therefore read as streams, which see a shortened file as a short read, and so are files on
/// network file systems (<see cref="NetworkFileSystem"/>), where a writer on another machine would go
/// unseen. The checks cannot see another user's writer, a writer that starts after them, or anything
/// where leases or fstatfs are missing, which is why mapping is an opt-in (<see cref="FileReadMode.MemoryMapped"/>).
/// </para>
/// </summary>
internal static unsafe partial class MappedMemory
{
    /// <summary>Why a file whose length changed while it was read, mapped or not, has no hash.</summary>
    public const string FileChangedMessage = "The file changed while it was hashed; hash it again once nothing writes to it.";

    private const int DontNeed = 4; // madvise(2) MADV_DONTNEED: drop the range's page-table entries
    private const int SetSignal = 10; // fcntl(2) F_SETSIG
    private const int UrgentSignal = 23; // SIGURG, ignored by default
    private const int SetLease = 1024; // fcntl(2) F_SETLEASE
    private const int ReadLease = 0; // F_RDLCK
    private const int NoLease = 2; // F_UNLCK
    private const int TryAgain = 11; // EAGAIN: a read lease is refused while the file is open for writing

    private static readonly nint PageSize = Environment.SystemPageSize;
    private static readonly NativeFunction MAdviseFunction = new(OperatingSystem.IsLinux());
    private static readonly NativeFunction FileControlFunction = new(OperatingSystem.IsLinux());

    /// <summary>Releases the whole pages inside <paramref name="region"/>, which must lie in a read-only shared file mapping.</summary>
    public static void Release(ReadOnlySpan<byte> region)
    {
        if (!MAdviseFunction.IsAvailable)
        {
            return;
        }

        fixed (byte* start = region)
        {
            var first = ((nint)start + PageSize - 1) & ~(PageSize - 1);
            var end = ((nint)start + region.Length) & ~(PageSize - 1);
            if (end > first)
            {
                // Advice only: a failure leaves the pages mapped until unmap, which is still correct.
                try
                {
                    _ = MAdvise((void*)first, (nuint)(end - first), DontNeed);
                }
                catch (Exception e) when (MAdviseFunction.IsMissing(e))
                {
                    // Pages stay mapped until unmap.
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="file"/> may be mapped for hashing: nobody on this machine has it open for
    /// writing and it does not lie on a network file system, as far as can be told.
    /// </summary>
    public static bool MaySafelyMap(SafeFileHandle file) => !IsOpenForWriting(file) && !NetworkFileSystem.Holds(file);

    /// <summary>
    /// Whether any process (this one included) has the file open for writing, as far as Linux can
    /// tell: it grants a read lease only when nobody does, and the lease is given back at once. False
    /// when it cannot be asked (another user's file, a file system without leases, a writer on another
    /// machine, not Linux, no fcntl in the C library).
    /// </summary>
    public static bool IsOpenForWriting(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!FileControlFunction.IsAvailable)
        {
            return false;
        }

        try
        {
            return HasWriter(file);
        }
        catch (Exception e) when (FileControlFunction.IsMissing(e))
        {
            return false;
        }
    }

    private static bool HasWriter(SafeFileHandle file)
    {
        var descriptor = (int)file.DangerousGetHandle();

        // A writer opening the file in the instant the lease is held breaks it with a signal; SIGIO
        // would end the process, SIGURG is ignored.
        _ = FileControl(descriptor, SetSignal, UrgentSignal);
        if (FileControl(descriptor, SetLease, ReadLease) == 0)
        {
            _ = FileControl(descriptor, SetLease, NoLease);
            return false;
        }

        return Marshal.GetLastPInvokeError() == TryAgain;
    }

    [LibraryImport(CLibrary.Name, EntryPoint = "madvise")]
    private static partial int MAdvise(void* address, nuint length, int advice);

    [LibraryImport(CLibrary.Name, EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FileControl(int descriptor, int command, int argument);
}
