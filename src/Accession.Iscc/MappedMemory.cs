using System.Runtime.InteropServices;

namespace Accession.Iscc;

/// <summary>
/// Gives back the page-table entries of a read-only file mapping once its bytes are hashed. Tearing
/// a mapping down costs about as much kernel time as faulting it in (some 40 ms per GiB); done piece
/// by piece on the threads that hashed them, it is shared across cores instead of paid on one thread
/// at unmap. The file's pages stay in the page cache, and a released range reads the same if touched
/// again. Elsewhere than on Linux this does nothing.
/// </summary>
internal static unsafe partial class MappedMemory
{
    /// <summary>madvise(2) advice: drop the range's page-table entries.</summary>
    private const int DontNeed = 4;

    private static readonly nint PageSize = Environment.SystemPageSize;

    /// <summary>Releases the whole pages inside <paramref name="region"/>, which must lie in a read-only shared file mapping.</summary>
    public static void Release(ReadOnlySpan<byte> region)
    {
        if (!OperatingSystem.IsLinux())
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
                _ = MAdvise((void*)first, (nuint)(end - first), DontNeed);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(void* address, nuint length, int advice);
}
