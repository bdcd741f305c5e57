using Accession.Iscc.Blake3;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// BLAKE3 throughput by input size, compression backend and thread count. A portable run of 64 MiB is
/// slow on purpose: it is the readable reference. Threads only matter from 256 KiB up.
/// </summary>
[MemoryDiagnoser]
public class Blake3Benchmarks
{
    private byte[] _input = [];
    private Blake3Backend _backend;

    [Params(1 << 10, 16 << 10, 1 << 20, 64 << 20)]
    public int Size { get; set; }

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = nameof(Blake3Backend.Portable);

    [Params(1, 2)]
    public int Threads { get; set; }

    public static IEnumerable<string> Backends => Blake3Dispatch.Supported.Select(b => b.ToString());

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(42).NextBytes(_input);
        _backend = Enum.Parse<Blake3Backend>(Backend);
    }

    [Benchmark]
    public byte[] Hash()
    {
        var hasher = new Blake3Hasher { MaxDegreeOfParallelism = Threads };
        hasher.Backend = _backend;
        hasher.Append(_input);
        return hasher.GetCurrentHash();
    }
}
