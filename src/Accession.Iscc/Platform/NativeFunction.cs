namespace Accession.Iscc.Platform;

/// <summary>
/// One optional C library function (statx, fcntl leases, madvise, the runtime's lstat). Where the
/// library or the symbol is missing (musl without statx, macOS, Windows, a trimmed runtime), the first
/// call that finds out turns the function off for the rest of the process, and every caller then takes
/// its portable path. Tests force the portable path on their own async flow with
/// <see cref="ForcePortable"/>, so tests running in parallel are not affected. Thread-safe.
/// </summary>
/// <param name="supported">False where the function cannot exist (e.g. a Linux call elsewhere).</param>
/// <param name="portable">True for a function that is itself a portable path (the runtime's own shim),
/// which <see cref="ForcePortable"/> leaves on.</param>
internal sealed class NativeFunction(bool supported, bool portable = false)
{
    private static readonly AsyncLocal<bool> PortableForced = new();

    private volatile bool _missing = !supported;

    /// <summary>False once the function was found missing, or while a test forces the portable path.</summary>
    public bool IsAvailable => !_missing && (portable || !PortableForced.Value);

    /// <summary>
    /// For <c>catch (Exception e) when (function.IsMissing(e))</c> around a call: true, and remembered,
    /// when <paramref name="exception"/> says the library or the symbol is not there.
    /// </summary>
    public bool IsMissing(Exception exception)
    {
        if (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            _missing = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Makes every native function that is not itself portable look unavailable on the calling async flow until the result is
    /// disposed (work queued without the execution context still calls them).
    /// </summary>
    public static IDisposable ForcePortable()
    {
        var before = PortableForced.Value;
        PortableForced.Value = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => PortableForced.Value = before;
    }
}
