using Accession.Pennsieve.Import;

namespace Accession.Pennsieve.Tests;

public class ManifestBatchesTests
{
    // Worked examples of calculate_batch_size in shared/specs/pennsieve-import.md §1.10.
    [Theory]
    [InlineData(19, 9527)]
    [InlineData(40, 7692)]
    [InlineData(80, 5627)]
    [InlineData(200, 3116)]
    public void Batch_size_matches_the_python_estimate(int pathLength, int expected)
    {
        var paths = Enumerable.Range(0, 150).Select(_ => new string('a', pathLength)).ToList();

        Assert.Equal(expected, ManifestBatches.BatchSize(paths));
    }

    [Fact]
    public void An_empty_list_takes_the_default_batch_size()
    {
        Assert.Equal(1000, ManifestBatches.BatchSize([]));
    }

    [Fact]
    public void Non_ascii_and_escaped_characters_count_as_json_dumps_writes_them()
    {
        Assert.Equal(69 + 6, ManifestBatches.EntryBytes("é"));
        Assert.Equal(69 + 2, ManifestBatches.EntryBytes("\""));
        Assert.Equal(69 + 1, ManifestBatches.EntryBytes("a"));
    }

    [Fact]
    public void Split_covers_every_item_once_in_order()
    {
        var ranges = ManifestBatches.Split(10, 4);

        Assert.Equal([0, 4, 8], ranges.Select(r => r.Start.Value));
        Assert.Equal([4, 8, 10], ranges.Select(r => r.End.Value));
    }
}
