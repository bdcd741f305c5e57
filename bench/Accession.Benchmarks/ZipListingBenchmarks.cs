using System.IO.Compression;
using Accession.OmeZarr.Archives;
using BenchmarkDotNet.Attributes;

namespace Accession.Benchmarks;

/// <summary>
/// Listing a zip of 100,000 small entries (an unsharded Zarr array's chunk files), the case
/// shared/specs/ome-zarr.md §3.3 warns about: the central-directory reader against the BCL's
/// <see cref="ZipArchive"/>, which builds a heavy object per entry.
/// Run: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*ZipListing*'
/// </summary>
[MemoryDiagnoser]
public class ZipListingBenchmarks
{
    private const int EntryCount = 100_000;
    private string _folder = string.Empty;
    private string _zip = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("accession-bench-").FullName;
        _zip = Path.Combine(_folder, "chunks.zip");
        using var archive = ZipFile.Open(_zip, ZipArchiveMode.Create);
        var chunk = new byte[64];
        using (var metadata = new StreamWriter(archive.CreateEntry("image.zarr/zarr.json", CompressionLevel.NoCompression).Open()))
        {
            metadata.Write("{\"zarr_format\":3,\"node_type\":\"group\"}");
        }

        for (var i = 1; i < EntryCount; i++)
        {
            var entry = archive.CreateEntry($"image.zarr/0/c/0/{i / 1000}/{i % 1000}", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            chunk[0] = (byte)i;
            stream.Write(chunk);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int ZipArchiveReader_lists()
    {
        using var reader = new ZipArchiveReader(_zip);
        return reader.Entries.Count;
    }

    [Benchmark(Baseline = true)]
    public int Bcl_ZipArchive_lists()
    {
        using var archive = ZipFile.OpenRead(_zip);
        return archive.Entries.Count;
    }
}
