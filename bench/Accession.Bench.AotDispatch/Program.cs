using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

// Each check sits in a method of its own that is never inlined, so its machine code can be read: a
// constant compiles to "mov eax, 1; ret" or "xor eax, eax; ret", a run-time check to a load of the
// runtime's CPU feature flags; with ReadyToRun the entry is a jump to code the JIT makes for this CPU.
// Only meaningful on x86-64.
unsafe
{
    Console.WriteLine($"{"check",-34} {"value",-6} compiled as");
    Show("Sse42.IsSupported", &Checks.Sse42, Sse42.IsSupported);
    Show("Avx.IsSupported", &Checks.Avx, Avx.IsSupported);
    Show("Avx2.IsSupported", &Checks.Avx2, Avx2.IsSupported);
    Show("Avx512F.IsSupported", &Checks.Avx512F, Avx512F.IsSupported);
    Show("Avx512F.VL.IsSupported", &Checks.Avx512FVL, Avx512F.VL.IsSupported);
    Show("Avx512BW.IsSupported", &Checks.Avx512BW, Avx512BW.IsSupported);
    Show("Avx512Vbmi.IsSupported", &Checks.Avx512Vbmi, Avx512Vbmi.IsSupported);
    Show("Vector256.IsHardwareAccelerated", &Checks.Vector256Accelerated, Vector256.IsHardwareAccelerated);
    Show("Vector512.IsHardwareAccelerated", &Checks.Vector512Accelerated, Vector512.IsHardwareAccelerated);
    Console.WriteLine($"Vector<byte>.Count {Vector<byte>.Count}; a dispatch on these checks takes the {Checks.Widest()} path");
}

static unsafe void Show(string name, delegate*<bool> check, bool value)
{
    var code = (byte*)check;
    var compiledAs = code[0] == 0xB8 && code[1] == 1 && code[5] == 0xC3 ? "constant true"
        : code[0] == 0x33 && code[1] == 0xC0 && code[2] == 0xC3 ? "constant false"
        : code[0] == 0xFF && code[1] == 0x25 ? "not compiled yet (the JIT will answer for this CPU)"
        : "run-time check";
    var bytes = string.Join(' ', Enumerable.Range(0, 8).Select(i => code[i].ToString("x2", CultureInfo.InvariantCulture)));
    Console.WriteLine($"{name,-34} {value,-6} {compiledAs,-15} ({bytes} ...)");
}

internal static class Checks
{
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Sse42() => System.Runtime.Intrinsics.X86.Sse42.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx() => System.Runtime.Intrinsics.X86.Avx.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx2() => System.Runtime.Intrinsics.X86.Avx2.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx512F() => System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx512FVL() => System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx512BW() => System.Runtime.Intrinsics.X86.Avx512BW.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Avx512Vbmi() => System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Vector256Accelerated() => Vector256.IsHardwareAccelerated;
    [MethodImpl(MethodImplOptions.NoInlining)] public static bool Vector512Accelerated() => Vector512.IsHardwareAccelerated;

    /// <summary>The order the BLAKE3 and Data-Code kernels test: widest first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Widest() =>
        System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "AVX2" : "Vector128";
}
