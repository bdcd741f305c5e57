using System.Globalization;
using System.Text;
using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// Discovery and validation of an OME-Zarr 0.5 image with 100,000 chunk entries held in memory, so
/// that only the entry indexing and the checks are measured (no zip parsing, no disk).
/// Run: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*ZarrValidation*' --job short
/// </summary>
[MemoryDiagnoser]
public class ZarrValidationBenchmarks
{
    private SyntheticArchive _archive = null!;

    [Params(100_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup() => _archive = SyntheticArchive.Image(Chunks);

    [Benchmark]
    public int Discover() => DatasetDiscovery.Discover(_archive).Datasets.Count;

    [Benchmark(Baseline = true)]
    public int Validate() => OmeZarrValidator.Validate(_archive).Findings.Count;

    [Benchmark]
    public int ValidateDeep() => OmeZarrValidator.Validate(_archive, new ValidationOptions { Deep = true }).Findings.Count;

    /// <summary>An in-memory archive: a v3 image whose level 0 has a 1000 × (n/1000) chunk grid, every chunk present.</summary>
    private sealed class SyntheticArchive : ArchiveReader
    {
        private readonly Dictionary<string, byte[]> _metadata;

        private SyntheticArchive(List<ArchiveEntry> entries, Dictionary<string, byte[]> metadata)
        {
            Entries = entries;
            _metadata = metadata;
        }

        public override string Location => "synthetic.ozx";

        public override IReadOnlyList<ArchiveEntry> Entries { get; }

        public static SyntheticArchive Image(int chunks)
        {
            var rows = 1000;
            var columns = Math.Max(1, chunks / rows);
            var metadata = new Dictionary<string, byte[]>
            {
                ["zarr.json"] = Encoding.UTF8.GetBytes("""
                    {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "multiscales": [{"name": "bench",
                     "axes": [{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}],
                     "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0, 1.0]}]}]}]}}}
                    """),
                ["0/zarr.json"] = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$$"""
                    {"zarr_format": 3, "node_type": "array", "shape": [{{{rows * 32}}}, {{{columns * 32}}}], "data_type": "uint16",
                     "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [32, 32]}},
                     "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}}, "fill_value": 0,
                     "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "zstd", "configuration": {"level": 0}}],
                     "dimension_names": ["y", "x"]}
                    """)),
            };
            var entries = new List<ArchiveEntry>(rows * columns + 2);
            entries.AddRange(metadata.Select(m => new ArchiveEntry(m.Key, m.Value.Length)));
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    entries.Add(new ArchiveEntry(string.Create(CultureInfo.InvariantCulture, $"0/c/{r}/{c}"), 1024));
                }
            }

            return new SyntheticArchive(entries, metadata);
        }

        public override Stream OpenEntry(ArchiveEntry entry) => new MemoryStream(_metadata[entry.Path], writable: false);
    }
}
