using Accession.Iscc.DataCode;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Accession.Benchmarks;

/// <summary>
/// Chunks a 64 MiB random buffer from start to end with each Data-Code chunker path
/// (shared/specs/iscc-sum.md §1.3); the MB/s column is the throughput per path.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class CdcBenchmarks
{
    private const int Size = 64 << 20;
    private byte[] _data = [];
    private int[] _lengths = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
        _lengths = new int[(Size / CdcConstants.MinSize) + 1];
    }

    [Benchmark(Baseline = true, Description = "Reference")]
    public int Reference() => Single(static b => CdcReference.FindCutPoint(b));

    [Benchmark(Description = "ScalarUnrolled")]
    public int ScalarUnrolled() => Single(static b => CdcChunker.FindCutPointScalarUnrolled(b));

    [Benchmark(Description = "Batch Vector512")]
    public int BatchVector512() => CdcChunker.IsVector512Supported ? Batch(static (b, l) => CdcChunker.FindCutPointsVector512(b, l)) : 0;

    [Benchmark(Description = "FindCutPoints (dispatch)")]
    public int BatchDispatch() => Batch(static (b, l) => CdcChunker.FindCutPoints(b, l));

    private delegate int CutPoint(ReadOnlySpan<byte> buffer);

    private delegate int CutPoints(ReadOnlySpan<byte> buffer, Span<int> lengths);

    private int Single(CutPoint path)
    {
        var chunks = 0;
        for (var start = 0; start < _data.Length; chunks++)
        {
            start += path(_data.AsSpan(start));
        }

        return chunks;
    }

    private int Batch(CutPoints path)
    {
        var chunks = 0;
        for (var start = 0; start < _data.Length;)
        {
            var count = path(_data.AsSpan(start), _lengths);
            for (var i = 0; i < count; i++)
            {
                start += _lengths[i];
            }

            chunks += count;
        }

        return chunks;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>MB/s (10^6 bytes per second) from the mean time of one 64 MiB pass.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => nameof(MegabytesPerSecondColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Throughput in 10^6 bytes per second (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var mean = report?.ResultStatistics?.Mean;
            return mean is > 0 ? (Size / (mean.Value / 1e9) / 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
