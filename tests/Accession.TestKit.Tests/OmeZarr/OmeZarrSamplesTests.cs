using System.Formats.Tar;
using System.IO.Compression;
using Accession.TestKit.OmeZarr;

namespace Accession.TestKit.Tests.OmeZarr;

public sealed class OmeZarrSamplesTests
{
    [Theory]
    [InlineData("sample.zarr.zip", "sample.zarr", 2)]
    [InlineData("sample.zarr.tar.gz", "sample.zarr", 3)]
    [InlineData("flat.zip", null, 3)]
    public void The_archive_holds_exactly_the_files_returned(string name, string? root, int zarrFormat)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var files = OmeZarrSamples.ImageArchive(path, root, zarrFormat);
        Assert.Equal(files.OrderBy(f => f.Key, StringComparer.Ordinal), ReadArchive(path).OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Contains((root is null ? "" : root + "/") + (zarrFormat == 3 ? "zarr.json" : ".zattrs"), files.Keys);
        var chunks = files.Where(f => f.Key.Split('/')[^1].All(char.IsAsciiDigit)).Select(f => Convert.ToHexString(f.Value)).ToList();
        Assert.NotEmpty(chunks);
        Assert.Equal(chunks.Count, chunks.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_other_chunks()
    {
        using var temp = new TempFolder();
        var first = OmeZarrSamples.ImageArchive(temp.File("a.zip"), "x");
        var again = OmeZarrSamples.ImageArchive(temp.File("b.zip"), "x");
        var other = OmeZarrSamples.ImageArchive(temp.File("c.zip"), "x", seed: 2);
        Assert.Equal(first, again);
        Assert.NotEqual(first["x/0/0/0/0"], other["x/0/0/0/0"]);
    }

    private static Dictionary<string, byte[]> ReadArchive(string path)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (path.EndsWith(".zip", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
            }

            return entries;
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                using var copy = new MemoryStream();
                entry.DataStream?.CopyTo(copy);
                entries[entry.Name] = copy.ToArray();
            }
        }

        return entries;
    }
}
