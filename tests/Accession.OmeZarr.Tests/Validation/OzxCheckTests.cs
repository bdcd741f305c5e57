using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Container;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>RFC-9 container checks X1–X10 on the facts of a zip's central directory.</summary>
public class OzxCheckTests
{
    private const string GoodComment = "{\"ome\": {\"version\": \"0.5\", \"zipFile\": {\"centralDirectory\": {\"jsonFirst\": true}}}}";

    private static readonly string[] GoodOrder = ["zarr.json", "0/zarr.json", "1/zarr.json", "0/c/0/0", "1/c/0/0"];

    private static List<ValidationFinding> Check(string fileName, string? comment, string[] order, int method = 0, bool zip64 = true, string root = "")
    {
        var files = order.Select(p => (root.Length == 0 ? p : $"{root}/{p}", Text: Metadata(p))).ToArray();
        using var reader = InMemoryArchiveReader.FromText(fileName, files);
        var discovery = DatasetDiscovery.Discover(reader);
        var facts = new ZipContainerFacts(fileName, comment, zip64, [.. files.Select(f => new ZipEntryFact(f.Item1, method))]);
        var findings = new List<ValidationFinding>();
        if (OzxChecks.Applies(facts))
        {
            OzxChecks.Check(facts, discovery.Datasets, findings, sharded: false);
        }

        return findings;
    }

    private static string Metadata(string path) => path switch
    {
        "zarr.json" => """{"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "multiscales": [{"axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}], "datasets": [{"path": "0"}, {"path": "1"}]}]}}}""",
        _ when path.EndsWith("zarr.json", StringComparison.Ordinal) => """{"zarr_format": 3, "node_type": "array", "shape": [4, 4], "data_type": "uint8", "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [4, 4]}}, "chunk_key_encoding": {"name": "default"}, "fill_value": 0, "codecs": [{"name": "bytes"}], "dimension_names": ["y", "x"]}""",
        _ => "data",
    };

    [Fact]
    public void A_zip_without_ome_comment_or_ozx_name_gets_no_container_checks()
    {
        Assert.Empty(Check("plain.zip", null, GoodOrder, method: 8));
    }

    [Fact]
    public void A_well_made_ozx_has_only_info_findings()
    {
        var findings = Check("image.ozx", GoodComment, GoodOrder);

        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.OzxZip64 && f.Message.Contains("uses ZIP64", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.OzxSharding);
    }

    [Fact]
    public void X1_the_root_must_be_at_the_zip_root()
    {
        var findings = Check("image.ozx", GoodComment, GoodOrder, root: "somedirectory");

        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.OzxRootNotAtZipRoot && f.Severity == Severity.Error);
    }

    [Fact]
    public void X3_a_zip_declaring_ome_should_be_named_ozx()
    {
        var findings = Check("image.zip", GoodComment, GoodOrder);

        Assert.Equal(Severity.Warning, Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxExtension).Severity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("made by hand")]
    [InlineData("{\"ome\": {}}")]
    public void X4_the_comment_should_carry_the_ome_version(string? comment)
    {
        var findings = Check("image.ozx", comment, GoodOrder);

        Assert.Equal(Severity.Warning, Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxCommentInvalid).Severity);
    }

    [Fact]
    public void X5_the_comment_version_should_match_the_root()
    {
        var findings = Check("image.ozx", "{\"ome\": {\"version\": \"0.4\"}}", GoodOrder);

        Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxCommentVersion);
    }

    [Fact]
    public void X6_entries_should_be_stored()
    {
        var findings = Check("image.ozx", GoodComment, GoodOrder, method: 8);

        Assert.Contains("5 of 5 entries", Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxEntriesCompressed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void X7_metadata_should_come_first_breadth_first()
    {
        var findings = Check("image.ozx", "{\"ome\": {\"version\": \"0.5\"}}", ["0/zarr.json", "zarr.json", "1/zarr.json", "0/c/0/0", "1/c/0/0"]);

        Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxMetadataOrder);
        Assert.DoesNotContain(findings, f => f.RuleId == DatasetRuleIds.OzxJsonFirstClaim);
    }

    [Fact]
    public void X8_a_false_json_first_claim_is_reported()
    {
        var findings = Check("image.ozx", GoodComment, ["zarr.json", "0/zarr.json", "0/c/0/0", "1/zarr.json", "1/c/0/0"]);

        Assert.Contains("'1/zarr.json' comes after data entries", Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxJsonFirstClaim).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void X9_zip64_absence_is_info()
    {
        var finding = Assert.Single(Check("image.ozx", GoodComment, GoodOrder, zip64: false), f => f.RuleId == DatasetRuleIds.OzxZip64);

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("does not use ZIP64", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_zarr_json_entries_are_errors_in_an_ozx()
    {
        var findings = Check("image.ozx", GoodComment, ["zarr.json", "0/zarr.json", "1/zarr.json", "0/zarr.json", "0/c/0/0"]);

        Assert.Equal("0/zarr.json", Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxDuplicateMetadata).File);
    }

    [Fact]
    public void X2_an_ozx_holds_one_hierarchy()
    {
        using var reader = InMemoryArchiveReader.FromText(
            "two.ozx",
            ("a/zarr.json", Metadata("zarr.json")),
            ("b/zarr.json", Metadata("zarr.json")));
        var discovery = DatasetDiscovery.Discover(reader);
        var facts = new ZipContainerFacts("two.ozx", GoodComment, true, [new("a/zarr.json", 0), new("b/zarr.json", 0)]);
        var findings = new List<ValidationFinding>();

        OzxChecks.Check(facts, discovery.Datasets, findings, sharded: false);

        Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxSeveralDatasets);
        Assert.Single(findings, f => f.RuleId == DatasetRuleIds.OzxRootNotAtZipRoot);
    }
}
