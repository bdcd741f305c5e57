using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Accession.Launcher;
using Accession.TestKit;

namespace Accession.Cli.Tests.Startup;

/// <summary>
/// The x86-64 level the native form's launcher reads from CPUID and <c>/proc/cpuinfo</c> to pick the
/// build it starts; these tests run under the JIT, whose instruction-set answers are the machine's.
/// </summary>
public class X86LevelTests
{
    private static void RequireX64Linux()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.Skip("The x86-64 levels are read on x64 Linux only.");
        }
    }

    [Fact]
    public void The_level_read_from_CPUID_and_the_kernel_is_the_one_the_runtime_finds()
    {
        RequireX64Linux();
        var runtimeLevel = Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512CD.IsSupported && Avx512F.VL.IsSupported
            ? X86Level.V4
            : Avx2.IsSupported && Bmi1.IsSupported && Bmi2.IsSupported && Fma.IsSupported && Lzcnt.IsSupported
                ? X86Level.V3
                : X86Level.V2;

        Assert.Equal(runtimeLevel, X86Level.Machine());
    }

    [Fact]
    public void A_kernel_that_lists_no_AVX_512_caps_the_level_at_v3()
    {
        RequireX64Linux();
        using var folder = new TempFolder();
        var cpuinfo = folder.File("cpuinfo");
        var flags = File.ReadLines("/proc/cpuinfo").First(line => line.StartsWith("flags", StringComparison.Ordinal));
        var withoutAvx512 = string.Join(' ', flags.Split(' ').Where(flag => !flag.StartsWith("avx512", StringComparison.Ordinal)));
        File.WriteAllText(cpuinfo, $"processor\t: 0\n{withoutAvx512}\n");

        Assert.Equal(Math.Min(X86Level.Machine(), X86Level.V3), X86Level.Machine(cpuinfo));
    }

    [Fact]
    public void Without_the_kernels_list_the_level_is_the_baseline()
    {
        RequireX64Linux();
        using var folder = new TempFolder();

        Assert.Equal(X86Level.V2, X86Level.Machine(folder.File("missing")));
    }
}
