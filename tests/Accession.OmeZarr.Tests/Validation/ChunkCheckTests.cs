using System.Text.Json.Nodes;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>Deep chunk checks C1–C4, computed from the entry list.</summary>
public sealed class ChunkCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void C1_counts_present_chunks_and_missing_ones_are_legal(int zarrFormat)
    {
        var builder = new OmeZarrBuilder(_temp.Path, zarrFormat).Image(string.Empty, ["y", "x"], [[20, 20]], chunks: [10, 10]);
        builder.Chunks("0", zarrFormat == 3 ? ["c/0/0", "c/1/1", "c/0/1"] : ["0/0", "1/1", "0/1"], length: 100);

        var report = Samples.Validate(_temp.Path, deep: true, strict: true);

        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
        var finding = Assert.Single(report.Rule(DatasetRuleIds.ChunksPresent));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("3 of 4 chunks present (75%), 300 bytes.", finding.Message);
    }

    [Fact]
    public void Chunk_checks_only_run_when_deep()
    {
        new OmeZarrBuilder(_temp.Path).Image(string.Empty, ["y", "x"], [[20, 20]], chunks: [10, 10]).Chunks("0", ["9/9", "0/0"], length: 0);

        Assert.Empty(Samples.Validate(_temp.Path).Findings);
    }

    [Fact]
    public void C2_an_array_without_chunks_is_a_warning()
    {
        new OmeZarrBuilder(_temp.Path, 3).Image(string.Empty, ["y", "x"], [[20, 20]], chunks: [10, 10]);

        var report = Samples.Validate(_temp.Path, deep: true);

        var finding = Assert.Single(report.Rule(DatasetRuleIds.ChunksNone));
        Assert.Equal("0/zarr.json", finding.File);
        Assert.Contains("0 of 4", finding.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
    }

    [Fact]
    public void C3_files_that_are_not_keys_or_lie_outside_the_grid_are_warnings()
    {
        new OmeZarrBuilder(_temp.Path, 3)
            .Image(string.Empty, ["y", "x"], [[20, 20]], chunks: [10, 10])
            .Chunks("0", ["c/0/0", "c/2/0", "0/0", "c/1/0/5", "notes.txt"]);

        var report = Samples.Validate(_temp.Path, deep: true);

        Assert.Equal(["0/0/0", "0/c/1/0/5", "0/c/2/0", "0/notes.txt"], report.Rule(DatasetRuleIds.ChunksUnexpectedFile).Select(f => f.File));
        Assert.StartsWith("1 of 4", Assert.Single(report.Rule(DatasetRuleIds.ChunksPresent)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C3_does_not_descend_into_nested_nodes_or_flag_array_attributes()
    {
        var builder = new OmeZarrBuilder(_temp.Path).Image(string.Empty, ["y", "x"], [[20, 20]], chunks: [10, 10]);
        builder.Text("0/.zattrs", "{}").Group("0/nested").Array("0/nested/a", [4]).Chunks("0/nested/a", ["0"]);

        var report = Samples.Validate(_temp.Path, deep: true);

        Assert.Empty(report.Rule(DatasetRuleIds.ChunksUnexpectedFile));
    }

    [Fact]
    public void C4_empty_chunk_files_are_warnings()
    {
        new OmeZarrBuilder(_temp.Path).Image(string.Empty, ["y", "x"], [[10, 10]]).Chunks("0", ["0/0"], length: 0);

        var report = Samples.Validate(_temp.Path, deep: true);

        Assert.Equal("0/0/0", Assert.Single(report.Rule(DatasetRuleIds.ChunksEmpty)).File);
    }

    [Fact]
    public void Sharded_arrays_are_counted_in_shards()
    {
        var builder = new OmeZarrBuilder(_temp.Path, 3).Image(string.Empty, ["y", "x"], [[64, 64]], chunks: [32, 32]);
        builder.EditJson("0/zarr.json", a => a["codecs"] = new JsonArray(new JsonObject
        {
            ["name"] = "sharding_indexed",
            ["configuration"] = new JsonObject { ["chunk_shape"] = new JsonArray(16, 16), ["codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes" }) },
        }));
        builder.AllChunks("0", [64, 64], [32, 32]);

        var report = Samples.Validate(_temp.Path, deep: true);

        Assert.StartsWith("4 of 4 shards present", Assert.Single(report.Rule(DatasetRuleIds.ChunksPresent)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_unexpected_files_give_a_short_report()
    {
        var builder = new OmeZarrBuilder(_temp.Path).Image(string.Empty, ["y", "x"], [[10, 10]]);
        builder.Chunks("0", Enumerable.Range(0, 50).Select(i => $"stray-{i}"));

        var findings = Samples.Validate(_temp.Path, deep: true).Rule(DatasetRuleIds.ChunksUnexpectedFile).ToList();

        Assert.Equal(21, findings.Count);
        Assert.Contains(findings, f => f.Message.StartsWith("30 more", StringComparison.Ordinal));
    }
}
