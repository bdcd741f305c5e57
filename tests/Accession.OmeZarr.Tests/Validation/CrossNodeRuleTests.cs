using System.Text.Json.Nodes;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>Each cross-node rule (A1–A9, versions) fires on a dataset that breaks it, and only there.</summary>
public sealed class CrossNodeRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private OmeZarrBuilder Builder(int zarrFormat = 2, string? version = null) => new(_temp.Path, zarrFormat, version);

    private ValidationReport Validate() => Samples.Validate(_temp.Path);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_well_formed_image_with_labels_has_no_findings(int zarrFormat)
    {
        Builder(zarrFormat)
            .Image(string.Empty, ["c", "y", "x"], [[2, 64, 64], [2, 32, 32]], "uint16")
            .Labels(string.Empty, "cells")
            .LabelImage(string.Empty, "cells", ["c", "y", "x"], [[1, 64, 64], [1, 32, 32]]);

        var report = Validate();

        Assert.True(report.Problems().Count == 0, report.Describe());
        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A1_a_dataset_path_must_be_an_array(int zarrFormat)
    {
        var builder = Builder(zarrFormat).Image(string.Empty, ["y", "x"], [[8, 8], [4, 4]]);
        builder.Delete(builder.ArrayFile("1")).Group("1");

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.MultiscalesArrayIsGroup));

        Assert.Equal(builder.AttributesFile(string.Empty), finding.File);
        Assert.EndsWith("multiscales[0].datasets[1].path", finding.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void A1_a_dataset_path_outside_the_group_is_reported_once_by_the_attribute_rules()
    {
        Builder().Image(string.Empty, ["y", "x"], [[8, 8]], editOme: ome => ome["multiscales"]![0]!["datasets"]![0]!["path"] = "../0");

        var report = Validate();

        Assert.Equal(Severity.Error, Assert.Single(report.Rule("multiscales-dataset-path-invalid")).Severity);
        Assert.Empty(report.Rule(DatasetRuleIds.MultiscalesArrayMissing));
    }

    [Fact]
    public void A1_multi_segment_dataset_paths_resolve()
    {
        var builder = Builder().Image(string.Empty, ["y", "x"], [[8, 8]], editOme: ome => ome["multiscales"]![0]!["datasets"]![0]!["path"] = "scale0/image");
        builder.Delete("0/.zarray").Group("scale0").Array("scale0/image", [8, 8]);

        var report = Validate();

        Assert.True(report.Problems().Count == 0, report.Describe());
    }

    [Fact]
    public void A2_all_levels_must_have_as_many_dimensions_as_axes()
    {
        Builder().Image(string.Empty, ["z", "y", "x"], [[2, 8, 8], [2, 4, 4]]).Array("1", [4, 4]);

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.MultiscalesNdimAxes));

        Assert.Equal("1/.zarray", finding.File);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void A3_0_5_level_arrays_need_dimension_names()
    {
        var builder = Builder(3).Image(string.Empty, ["y", "x"], [[8, 8], [4, 4]]);
        builder.EditJson("0/zarr.json", a => a.Remove("dimension_names"));
        builder.EditJson("1/zarr.json", a => a["dimension_names"] = new JsonArray("x", "y"));

        var report = Validate();

        Assert.Equal("0/zarr.json", Assert.Single(report.Rule(DatasetRuleIds.MultiscalesDimensionNamesMissing)).File);
        Assert.Equal("1/zarr.json", Assert.Single(report.Rule(DatasetRuleIds.MultiscalesDimensionNamesMismatch)).File);
        Assert.Equal(ValidationVerdict.Invalid, report.Verdict);
    }

    [Fact]
    public void A4_0_4_arrays_need_the_nested_separator()
    {
        var builder = Builder().Image(string.Empty, ["y", "x"], [[8, 8], [4, 4], [2, 2]]);
        builder.EditJson("0/.zarray", a => a["dimension_separator"] = ".");
        builder.EditJson("1/.zarray", a => a.Remove("dimension_separator"));
        builder.EditJson("2/.zarray", a => a.Remove("dimension_separator")).Chunks("2", ["0/0"]);

        var findings = Validate().Rule(DatasetRuleIds.MultiscalesDimensionSeparator).ToDictionary(f => f.File);

        Assert.Equal(Severity.Error, findings["0/.zarray"].Severity);
        Assert.Equal(Severity.Error, findings["1/.zarray"].Severity);
        Assert.Equal(Severity.Warning, findings["2/.zarray"].Severity);
    }

    [Fact]
    public void A4_does_not_apply_to_ome_zarr_0_1()
    {
        Builder(version: "0.1").Image(string.Empty, ["y", "x"], [[8, 8]]).EditJson("0/.zarray", a => a.Remove("dimension_separator"));

        Assert.Empty(Validate().Rule(DatasetRuleIds.MultiscalesDimensionSeparator));
    }

    [Theory]
    [InlineData(2, "0.4", Severity.Warning)]
    [InlineData(3, "0.5", Severity.Warning)]
    [InlineData(3, "0.6", Severity.Error)]
    public void A5_levels_should_share_one_data_type(int zarrFormat, string version, Severity severity)
    {
        var builder = Builder(zarrFormat, version).Image(string.Empty, ["y", "x"], [[8, 8], [4, 4]]);
        builder.Array("1", [4, 4], dataType: "float32", dimensionNames: zarrFormat == 3 ? ["y", "x"] : null);

        Assert.Equal(severity, Assert.Single(Validate().Rule(DatasetRuleIds.MultiscalesDataTypeMismatch)).Severity);
    }

    [Fact]
    public void A6_levels_must_not_grow()
    {
        Builder().Image(string.Empty, ["y", "x"], [[8, 8], [4, 16]]);

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.MultiscalesShapeIncreasing));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("1/.zarray", finding.File);
    }

    [Fact]
    public void A7_listed_label_images_must_exist_and_be_multiscales()
    {
        Builder().Image(string.Empty, ["y", "x"], [[8, 8]]).Labels(string.Empty, "gone", "plain").Group("labels/plain", new JsonObject { ["image-label"] = new JsonObject() });

        var report = Validate();

        Assert.EndsWith("labels[0]", Assert.Single(report.Rule(DatasetRuleIds.LabelsImageMissing)).JsonPath, StringComparison.Ordinal);
        Assert.Equal("labels/plain/.zattrs", Assert.Single(report.Rule(DatasetRuleIds.LabelsImageNotMultiscales)).File);
    }

    [Fact]
    public void A7_label_images_match_the_image_levels_and_use_integers()
    {
        Builder()
            .Image(string.Empty, ["y", "x"], [[8, 8], [4, 4]])
            .Labels(string.Empty, "seg")
            .LabelImage(string.Empty, "seg", ["y", "x"], [[8, 6]], dataType: "float32");

        var report = Validate();

        Assert.Equal("labels/seg/.zattrs", Assert.Single(report.Rule(DatasetRuleIds.LabelsLevelCount)).File);
        Assert.Equal("labels/seg/0/.zarray", Assert.Single(report.Rule(DatasetRuleIds.LabelsDataTypeNotInteger)).File);
        Assert.Equal(Severity.Warning, Assert.Single(report.Rule(DatasetRuleIds.LabelsShapeMismatch)).Severity);
    }

    [Fact]
    public void A7_0_5_label_images_should_be_listed()
    {
        Builder(3).Image(string.Empty, ["y", "x"], [[8, 8]]).Labels(string.Empty).LabelImage(string.Empty, "extra", ["y", "x"], [[8, 8]]);

        Assert.Equal(Severity.Warning, Assert.Single(Validate().Rule(DatasetRuleIds.LabelsImageUnlisted)).Severity);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A8_a_complete_plate_is_valid(int zarrFormat)
    {
        Builder(zarrFormat).Plate(string.Empty, ["A", "B"], ["1", "2"], fields: 2);

        var report = Validate();

        Assert.True(report.Problems().Count == 0, report.Describe());
    }

    [Fact]
    public void A8_listed_wells_and_fields_must_exist()
    {
        var builder = Builder().Plate(string.Empty, ["A", "B"], ["1"], fields: 2);
        builder.Delete("B/1/.zattrs").Delete("B/1/.zgroup");
        builder.Delete("A/1/1/.zattrs");

        var report = Validate();

        Assert.EndsWith("wells[1].path", Assert.Single(report.Rule(DatasetRuleIds.PlateWellMissing)).JsonPath, StringComparison.Ordinal);
        var notImage = Assert.Single(report.Rule(DatasetRuleIds.WellImageNotImage));
        Assert.Equal("A/1/.zattrs", notImage.File);
        Assert.Equal(ValidationVerdict.Invalid, report.Verdict);
    }

    [Fact]
    public void A8_a_listed_well_must_be_a_well_group_and_unlisted_wells_are_a_warning()
    {
        Builder().Plate(string.Empty, ["A"], ["1", "2"], editOme: ome => ome["plate"]!["wells"]!.AsArray().RemoveAt(1));
        new OmeZarrBuilder(_temp.Path).EditJson("A/1/.zattrs", a => a["not-a-well"] = a["well"]!.DeepClone()).EditJson("A/1/.zattrs", a => a.Remove("well"));

        var report = Validate();

        Assert.Single(report.Rule(DatasetRuleIds.PlateWellNotWell));
        Assert.Equal("A/2/.zattrs", Assert.Single(report.Rule(DatasetRuleIds.PlateWellUnlisted)).File);
    }

    [Fact]
    public void A8_a_field_acquisition_must_be_defined_in_the_plate()
    {
        var builder = Builder().Plate(string.Empty, ["A"], ["1", "2"], editOme: ome => ome["plate"]!["acquisitions"] = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "first" }));
        builder.EditJson("A/1/.zattrs", a => a["well"]!["images"]![0]!["acquisition"] = 0);
        builder.EditJson("A/2/.zattrs", a => a["well"]!["images"]![0]!["acquisition"] = 7);

        var report = Validate();

        var finding = Assert.Single(report.Rule(DatasetRuleIds.WellImageAcquisitionUnknown));
        Assert.Equal(("A/2/.zattrs", Severity.Error), (finding.File, finding.Severity));
        Assert.EndsWith("well.images[0].acquisition", finding.JsonPath, StringComparison.Ordinal);
        Assert.Contains("7", finding.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationVerdict.Invalid, report.Verdict);
    }

    [Fact]
    public void A8_a_field_acquisition_is_a_warning_when_the_plate_defines_none()
    {
        Builder().Plate(string.Empty, ["A"], ["1"]).EditJson("A/1/.zattrs", a => a["well"]!["images"]![0]!["acquisition"] = 1);

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.WellImageAcquisitionUnknown));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A8_a_field_must_name_its_acquisition_when_the_plate_has_several()
    {
        var acquisitions = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "a" }, new JsonObject { ["id"] = 1, ["name"] = "b" });
        Builder().Plate(string.Empty, ["A"], ["1"], editOme: ome => ome["plate"]!["acquisitions"] = acquisitions);

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.WellImageAcquisitionMissing));

        Assert.Equal(("A/1/.zattrs", Severity.Error), (finding.File, finding.Severity));
    }

    [Fact]
    public void A9_a_bioformats2raw_collection_is_valid_when_series_and_xml_agree()
    {
        Builder().Bioformats2Raw(string.Empty, images: 3);

        var report = Validate();

        Assert.True(report.Problems().Count == 0, report.Describe());
        Assert.Equal(Accession.OmeZarr.Discovery.OmeZarrKind.Bioformats2RawCollection, Assert.Single(report.Datasets).Kind);
    }

    [Fact]
    public void A9_series_must_exist_and_match_the_ome_xml_image_count()
    {
        Builder().Bioformats2Raw(string.Empty, images: 2, xmlImages: 4).EditJson("OME/.zattrs", a => a["series"]!.AsArray().Add("7"));

        var report = Validate();

        Assert.EndsWith("series[2]", Assert.Single(report.Rule(DatasetRuleIds.Bioformats2RawSeriesMissing)).JsonPath, StringComparison.Ordinal);
        Assert.Equal("OME/METADATA.ome.xml", Assert.Single(report.Rule(DatasetRuleIds.Bioformats2RawImageCount)).File);
    }

    [Fact]
    public void A9_without_series_images_are_consecutive_groups()
    {
        var builder = Builder().Bioformats2Raw(string.Empty, images: 3, withSeries: false);
        builder.Delete("1/.zattrs");

        var report = Validate();

        Assert.Single(report.Rule(DatasetRuleIds.Bioformats2RawSeriesNotConsecutive));
    }

    [Fact]
    public void A9_missing_ome_xml_is_a_warning()
    {
        Builder().Bioformats2Raw(string.Empty, images: 1, xmlImages: -1);

        var report = Validate();

        Assert.Equal(Severity.Warning, Assert.Single(report.Rule(DatasetRuleIds.Bioformats2RawMetadataMissing)).Severity);
        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
    }

    [Fact]
    public void Versions_must_agree_within_a_0_5_hierarchy()
    {
        Builder(3).Image(string.Empty, ["y", "x"], [[8, 8]]).Labels(string.Empty, "seg").LabelImage(string.Empty, "seg", ["y", "x"], [[8, 8]]);
        new OmeZarrBuilder(_temp.Path).EditJson("labels/seg/zarr.json", a => a["attributes"]!["ome"]!["version"] = "0.6");

        var finding = Assert.Single(Validate().Rule(DatasetRuleIds.HierarchyVersionInconsistent));

        Assert.Equal("labels/seg/zarr.json", finding.File);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Attribute_rules_run_on_every_group_of_the_hierarchy()
    {
        Builder(2).Image(string.Empty, ["y", "x"], [[8, 8]], editOme: ome => ome["multiscales"]![0]!["version"] = "0.5")
            .Labels(string.Empty, "seg")
            .LabelImage(string.Empty, "seg", ["y", "x"], [[8, 8]], editOme: ome => ome["image-label"]!["colors"]![0]!["rgba"] = new JsonArray(1, 2, 3));

        var report = Validate();

        Assert.Contains(report.Rule("ome-version-zarr-mismatch"), f => f.File == ".zattrs" && f.Severity == Severity.Error);
        Assert.Contains(report.Rule("image-label-rgba-invalid"), f => f.File == "labels/seg/.zattrs");
    }

    [Fact]
    public void Ome_keys_at_the_top_of_v3_attributes_are_flagged()
    {
        var builder = Builder(3).Image(string.Empty, ["y", "x"], [[8, 8]]);
        builder.EditJson("zarr.json", a => a["attributes"] = a["attributes"]!["ome"]!.DeepClone());

        var report = Validate();

        Assert.Single(report.Datasets);
        Assert.Contains(report.Rule("ome-namespace-missing"), f => f.File == "zarr.json");
    }
}
