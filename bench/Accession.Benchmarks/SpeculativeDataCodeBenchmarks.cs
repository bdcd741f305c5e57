using Accession.Iscc;
using Accession.Iscc.DataCode;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// The Data-Code of 256 MiB of random bytes: sequential <see cref="DataHasher.Append(ReadOnlySpan{byte})"/>
/// against the speculative segments of the product's pipeline on 1 and 2 threads
/// (shared/specs/iscc-sum.md §1), through both of its inputs: a page-cached regular file, which the
/// threads read themselves (what `accession iscc FILE` hashes), and a stream read into the ring of
/// 1 MiB buffers by the calling flow (standard input, downloads). The ratio of a 1-thread mean to the
/// 2-thread mean of the same input is the two-core speed-up of the Data-Code alone. The size keeps the
/// ring's set-up (8 MiB) and the first and last segments, which one thread hashes alone, small beside
/// the whole.
/// </summary>
public class SpeculativeDataCodeBenchmarks
{
    private const int Size = 256 << 20;
    private byte[] _data = [];
    private string _file = string.Empty;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
        _file = Path.Combine(Path.GetTempPath(), $"accession-speculative-{Environment.ProcessId}.bin");
        File.WriteAllBytes(_file, _data);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true, Description = "Append (sequential)")]
    public byte[] Sequential() => DataHasher.Hash(_data);

    [Benchmark(Description = "Speculative segments, file")]
    public byte[] SpeculativeFile()
    {
        using var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        return Speculative(file);
    }

    [Benchmark(Description = "Speculative segments, stream")]
    public byte[] SpeculativeStream() => Speculative(new MemoryStream(_data, writable: false));

    private byte[] Speculative(Stream input)
    {
        var hasher = new DataHasher();
        var options = IsccSumPipeline.Options.Default with { Workers = Threads - 1 };
        IsccSumPipeline.RunAsync(input, hasher, instance: null, progress: null, options, CancellationToken.None)
            .GetAwaiter().GetResult();
        return hasher.GetCurrentHash();
    }
}
