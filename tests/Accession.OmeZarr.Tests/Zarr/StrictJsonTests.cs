using System.Text;
using System.Text.Json;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Tests.Zarr;

public class StrictJsonTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Bare_non_finite_numbers_are_an_error_naming_the_file_and_the_rest_is_still_read(string token)
    {
        var findings = new List<ValidationFinding>();
        var json = $$"""{"fill_value": {{token}}, "shape": [4], "name": "NaN inside a string"}""";

        var root = StrictJson.ParseObject(Encoding.UTF8.GetBytes(json), "0/.zarray", findings);

        var finding = Assert.Single(findings);
        Assert.Equal(DatasetRuleIds.JsonInvalid, finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("0/.zarray", finding.File);
        Assert.Contains($"bare {token}", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(root);
        Assert.Equal(token, root.Value.GetProperty("fill_value").GetString());
        Assert.Equal("NaN inside a string", root.Value.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1 // comment\n}")]
    [InlineData("{\"a\": ")]
    [InlineData("not json")]
    public void Invalid_json_is_an_error_finding_not_an_exception(string json)
    {
        var findings = new List<ValidationFinding>();

        var root = StrictJson.ParseObject(Encoding.UTF8.GetBytes(json), ".zattrs", findings);

        Assert.Null(root);
        var finding = Assert.Single(findings);
        Assert.Equal(DatasetRuleIds.JsonInvalid, finding.RuleId);
        Assert.Contains("line 1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_document_that_is_not_an_object_is_reported()
    {
        var findings = new List<ValidationFinding>();

        Assert.Null(StrictJson.ParseObject("[1, 2]"u8, "zarr.json", findings));

        Assert.Equal(DatasetRuleIds.JsonNotObject, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var findings = new List<ValidationFinding>();

        var root = StrictJson.ParseObject([0xEF, 0xBB, 0xBF, .. "{\"zarr_format\": 2}"u8], ".zgroup", findings);

        Assert.Empty(findings);
        Assert.Equal(JsonValueKind.Number, root!.Value.GetProperty("zarr_format").ValueKind);
    }
}
