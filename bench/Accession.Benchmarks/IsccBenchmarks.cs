using System.IO.Hashing;
using Accession.Iscc;
using Accession.Iscc.DataCode;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// Data-Code and ISCC-SUM kernels on 64 MiB of random data. The chunker-only and chunker+xxh32
/// rows show what the Data-Code adds over the cut-point search; sequential vs pipelined shows the
/// gain of hashing Data-Code and BLAKE3 on two cores; the pushed rows feed the same bytes through
/// <see cref="IsccSumPushHasher"/> in the piece sizes of an HTTP body copy (64 KiB) and of large reads.
/// Run: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*IsccBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class IsccBenchmarks
{
    private const int Size = 64 << 20;
    private byte[] _data = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(1).NextBytes(_data);
    }

    [Benchmark]
    public int ChunkerOnly()
    {
        ReadOnlySpan<byte> rest = _data;
        var chunks = 0;
        while (!rest.IsEmpty)
        {
            rest = rest[CdcChunker.FindCutPoint(rest)..];
            chunks++;
        }

        return chunks;
    }

    [Benchmark]
    public uint ChunkerAndXxh32()
    {
        ReadOnlySpan<byte> rest = _data;
        uint features = 0;
        while (!rest.IsEmpty)
        {
            var cut = CdcChunker.FindCutPoint(rest);
            features ^= XxHash32.HashToUInt32(rest[..cut]);
            rest = rest[cut..];
        }

        return features;
    }

    [Benchmark]
    public byte[] DataCode() => DataHasher.Hash(_data);

    [Benchmark]
    public IsccSumResult IsccSumSequential() => IsccSum.Hash(_data);

    [Benchmark]
    public async Task<IsccSumResult> IsccSumPipelined()
    {
        using var stream = new MemoryStream(_data, writable: false);
        return await IsccSum.HashAsync(stream);
    }

    [Benchmark]
    [Arguments(64 << 10)]
    [Arguments(1 << 20)]
    public async Task<IsccSumResult> IsccSumPushed(int pieceSize)
    {
        await using var hasher = new IsccSumPushHasher();
        for (var offset = 0; offset < _data.Length; offset += pieceSize)
        {
            await hasher.AppendAsync(_data.AsMemory(offset, Math.Min(pieceSize, _data.Length - offset)));
        }

        return await hasher.GetCurrentResultAsync();
    }
}

/// <summary>MinHash over a batch of features: the reference, the scalar Mersenne path and the vector paths.</summary>
public class MinHashBenchmarks
{
    private readonly uint[] _features = new uint[4096];
    private readonly ulong[] _minima = new ulong[MinHash.Permutations];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        for (var i = 0; i < _features.Length; i++)
        {
            _features[i] = (uint)random.NextInt64(0, 1L << 32);
        }
    }

    [Benchmark(Baseline = true)]
    public void Reference() => Run(MinHash.UpdateReference);

    [Benchmark]
    public void Scalar() => Run(MinHash.UpdateScalar);

    [Benchmark]
    public void Dispatched() => Run(MinHash.Update);

    private void Run(Action<Span<ulong>, ReadOnlySpan<uint>> update)
    {
        MinHash.Initialize(_minima);
        update(_minima, _features);
    }
}
