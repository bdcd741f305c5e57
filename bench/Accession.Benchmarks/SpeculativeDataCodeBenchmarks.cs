using Accession.Iscc;
using Accession.Iscc.DataCode;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// The Data-Code of a 64 MiB random buffer: sequential <see cref="DataHasher.Append(ReadOnlySpan{byte})"/>
/// against the speculative segments of the product's pipeline (a stream read into its ring of
/// 1 MiB buffers) on 1 and 2 threads (shared/specs/iscc-sum.md §1). The ratio of the sequential
/// mean to the 2-thread mean is the two-core speed-up of the Data-Code alone.
/// </summary>
public class SpeculativeDataCodeBenchmarks
{
    private const int Size = 64 << 20;
    private byte[] _data = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
    }

    [Benchmark(Baseline = true, Description = "Append (sequential)")]
    public byte[] Sequential() => DataHasher.Hash(_data);

    [Benchmark(Description = "Speculative segments")]
    public byte[] Speculative()
    {
        var hasher = new DataHasher();
        var options = IsccSumPipeline.Options.Default with { Workers = Threads - 1 };
        IsccSumPipeline.RunAsync(new MemoryStream(_data, writable: false), hasher, instance: null, progress: null, options, CancellationToken.None)
            .GetAwaiter().GetResult();
        return hasher.GetCurrentHash();
    }
}
