using System.Runtime.Intrinsics.X86;

namespace Accession.Launcher;

/// <summary>
/// The x86-64 micro-architecture levels of the System V psABI that the native builds of
/// <c>accession</c> target, and the highest one this machine runs (CPU and operating system).
/// Stateless; thread-safe.
/// </summary>
internal static class X86Level
{
    /// <summary>x86-64-v2: the baseline, which every supported x86-64 machine runs.</summary>
    public const int V2 = 2;

    /// <summary>x86-64-v3: AVX2, BMI1/2, FMA, F16C, LZCNT, MOVBE.</summary>
    public const int V3 = 3;

    /// <summary>x86-64-v4: AVX-512 F, BW, CD, DQ, VL.</summary>
    public const int V4 = 4;

    /// <summary>
    /// The highest level both the CPU (CPUID, psABI's list of features per level) and the kernel
    /// (which lists a feature in <c>/proc/cpuinfo</c> only when it saves that feature's registers
    /// on a context switch) support; <see cref="V2"/> when either cannot be read.
    /// </summary>
    public static int Machine(string cpuinfoPath = "/proc/cpuinfo")
    {
        if (!X86Base.IsSupported)
        {
            return V2;
        }

        var cpu = Cpu();
        if (cpu < V3)
        {
            return V2;
        }

        var flags = KernelFlags(cpuinfoPath);
        var kernelLevel = flags.Contains("avx512f") && flags.Contains("avx512bw") && flags.Contains("avx512vl") ? V4
            : flags.Contains("avx2") ? V3
            : V2;
        return Math.Min(cpu, kernelLevel);
    }

    private static int Cpu()
    {
        var (maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        if (maxLeaf < 7)
        {
            return V2;
        }

        var (_, _, leaf1Ecx, _) = X86Base.CpuId(1, 0);
        var (_, leaf7Ebx, _, _) = X86Base.CpuId(7, 0);
        var (_, _, extendedEcx, _) = X86Base.CpuId(unchecked((int)0x80000001), 0);
        // Leaf 1 ECX: FMA 12, MOVBE 22, OSXSAVE 27, AVX 28, F16C 29. Leaf 7 EBX: BMI1 3, AVX2 5, BMI2 8.
        // Leaf 0x80000001 ECX: LZCNT 5.
        var v3 = Has(leaf1Ecx, 12, 22, 27, 28, 29) && Has(leaf7Ebx, 3, 5, 8) && Has(extendedEcx, 5);
        // Leaf 7 EBX: AVX512F 16, AVX512DQ 17, AVX512CD 28, AVX512BW 30, AVX512VL 31.
        var v4 = v3 && Has(leaf7Ebx, 16, 17, 28, 30, 31);
        return v4 ? V4 : v3 ? V3 : V2;
    }

    private static bool Has(int register, params ReadOnlySpan<int> bits)
    {
        foreach (var bit in bits)
        {
            if ((register & (1 << bit)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // The flags line of the first processor; the kernel enables the same features on every core.
    private static HashSet<string> KernelFlags(string cpuinfoPath)
    {
        try
        {
            using var reader = new StreamReader(cpuinfoPath);
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith("flags", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    return [.. line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return [];
    }
}
