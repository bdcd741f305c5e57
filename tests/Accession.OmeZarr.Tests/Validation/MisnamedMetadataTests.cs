using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>Metadata saved under the other Zarr format's file name is reported as that mix-up.</summary>
public sealed class MisnamedMetadataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_zarr_json_saved_as_zattrs_is_named_as_such_and_not_also_as_a_group_without_ome_metadata()
    {
        new OmeZarrBuilder(_temp.Path, zarrFormat: 3).Image(string.Empty, ["y", "x"], [[8, 8]]);
        File.Move(Path.Combine(_temp.Path, "zarr.json"), Path.Combine(_temp.Path, ".zattrs"));

        var report = Samples.Validate(_temp.Path);

        var finding = Assert.Single(report.Rule(DatasetRuleIds.ZarrJsonSavedAsZattrs));
        Assert.Equal((".zattrs", Severity.Error), (finding.File, finding.Severity));
        Assert.Contains("rename it to zarr.json", finding.Message, StringComparison.Ordinal);
        Assert.Contains("OME-Zarr 0.5", finding.Message, StringComparison.Ordinal);
        Assert.Empty(report.Rule(DatasetRuleIds.ZarrGroupNotOme));
        Assert.NotEqual(ValidationVerdict.Valid, report.Verdict);
    }

    [Fact]
    public void A_zarr_json_saved_as_zattrs_in_a_sub_folder_names_the_folder()
    {
        new OmeZarrBuilder(_temp.Path, zarrFormat: 3).Image("img.ome.zarr", ["y", "x"], [[8, 8]]);
        File.Move(Path.Combine(_temp.Path, "img.ome.zarr", "zarr.json"), Path.Combine(_temp.Path, "img.ome.zarr", ".zattrs"));

        var finding = Assert.Single(Samples.Validate(_temp.Path).Rule(DatasetRuleIds.ZarrJsonSavedAsZattrs));

        Assert.Equal("img.ome.zarr/.zattrs", finding.File);
        Assert.Contains("rename it to img.ome.zarr/zarr.json", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_validator_sample_of_a_zarr_json_saved_as_zattrs_is_named_as_such()
    {
        var report = Samples.Validate(Samples.OmeZarr("ome-ngff-validator", "test_samples", "invalid", "no_version_v0.5.zarr"));

        Assert.Equal(".zattrs", Assert.Single(report.Rule(DatasetRuleIds.ZarrJsonSavedAsZattrs)).File);
        Assert.Empty(report.Rule(DatasetRuleIds.ZarrGroupNotOme));
    }

    [Fact]
    public void Ordinary_attributes_named_like_zarr_keys_alone_are_not_a_mix_up()
    {
        new OmeZarrBuilder(_temp.Path).Image(string.Empty, ["y", "x"], [[8, 8]]).EditJson(".zattrs", a => a["zarr_format"] = 2);

        Assert.Empty(Samples.Validate(_temp.Path).Rule(DatasetRuleIds.ZarrJsonSavedAsZattrs));
    }
}
