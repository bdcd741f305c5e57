namespace Accession.Iscc.Platform;

/// <summary>The name the platform calls load the C library by.</summary>
internal static class CLibrary
{
    /// <summary>
    /// glibc's soname, found at once; musl's loader answers every <c>libc.</c> name with itself. The
    /// bare name "libc" made the runtime first try libc.so (on machines with glibc's development files
    /// a linker script, which fails to load), then liblibc.so and libc, in the application's folder and
    /// in every library folder: some twenty failed system calls at the first platform call. These
    /// calls are made on Linux only; where the name cannot be loaded, the first call throws
    /// <see cref="DllNotFoundException"/> and <see cref="NativeFunction"/> turns to the portable path.
    /// </summary>
    public const string Name = "libc.so.6";
}
