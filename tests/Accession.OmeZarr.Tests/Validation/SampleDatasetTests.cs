using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>
/// The sample datasets of shared/samples/ome-zarr, classified as its README says. The expected verdict
/// comes from where a sample sits (the valid/warning/invalid folders of ome-zarr-examples, the invalid
/// folder of ome-ngff-validator); real converter output (bioformats2raw, ome-zarr-py) is valid.
/// </summary>
public class SampleDatasetTests
{
    public static TheoryData<string> ExampleDatasets()
    {
        var data = new TheoryData<string>();
        foreach (var verdict in new[] { "valid", "warning", "invalid" })
        {
            foreach (var folder in Directory.GetDirectories(Samples.OmeZarr("ome-zarr-examples", "data", verdict)).Order(StringComparer.Ordinal))
            {
                data.Add($"{verdict}/{Path.GetFileName(folder)}");
            }
        }

        return data;
    }

    public static TheoryData<string> ValidatorInvalidSamples() =>
        [.. Directory.GetDirectories(Samples.OmeZarr("ome-ngff-validator", "test_samples", "invalid")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> RealDatasets() =>
    [
        "ome2024-ngff-challenge/tests/data/2d.zarr",
        "ome2024-ngff-challenge/tests/data/bf2raw.zarr",
        "ome2024-ngff-challenge/tests/data/hcs.zarr",
        "ome-zarr-py/tests/data/v1",
        "ome-zarr-py/tests/data/v2",
        "ome-zarr-models-py/tests/data/examples/v04/hcs_example.ome.zarr",
    ];

    [Theory]
    [MemberData(nameof(ExampleDatasets))]
    public void Ome_zarr_examples_get_the_verdict_of_their_folder(string sample)
    {
        var verdict = sample.Split('/')[0];
        var folder = Samples.OmeZarr(["ome-zarr-examples", "data", .. sample.Split('/')]);

        var report = Samples.Validate(folder);
        var strict = Samples.Validate(folder, strict: true);

        // plate-01 passes the web validator's schemas but breaks a MUST the schemas cannot express:
        // wells A/2 and B/1 have row/column indices that disagree with their paths (README §3).
        var expected = sample == "valid/plate-01.zarr" ? "invalid" : verdict;
        switch (expected)
        {
            // The web validator does not apply the strict schemas, so their SHOULD fields do not count here.
            case "valid":
                Assert.True(report.Verdict == ValidationVerdict.Valid && report.ProblemsBeyondStrict().Count == 0, report.Describe());
                break;
            case "warning":
                Assert.True(report.Verdict == ValidationVerdict.Valid && report.ProblemsBeyondStrict().Count > 0, report.Describe());
                Assert.Equal(ValidationVerdict.Invalid, strict.Verdict);
                break;
            default:
                Assert.True(report.Verdict != ValidationVerdict.Valid, report.Describe());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ValidatorInvalidSamples))]
    public void Ome_ngff_validator_invalid_samples_are_not_valid(string sample)
    {
        var report = Samples.Validate(Samples.OmeZarr("ome-ngff-validator", "test_samples", "invalid", sample));

        Assert.NotEqual(ValidationVerdict.Valid, report.Verdict);
    }

    [Theory]
    [MemberData(nameof(RealDatasets))]
    public void Real_converter_output_is_valid_also_when_checked_deeply(string sample)
    {
        var folder = Samples.OmeZarr(sample.Split('/'));

        var report = Samples.Validate(folder, deep: true);

        Assert.True(report.Verdict == ValidationVerdict.Valid, report.Describe());
        Assert.Single(report.Datasets);
    }

    [Fact]
    public void Plate_01_fields_name_an_acquisition_its_plate_does_not_define()
    {
        var report = Samples.Validate(Samples.OmeZarr("ome-zarr-examples", "data", "valid", "plate-01.zarr"));

        var files = report.Rule(DatasetRuleIds.WellImageAcquisitionUnknown).Select(f => f.File).Order(StringComparer.Ordinal);
        Assert.Equal(["A/1/.zattrs", "A/2/.zattrs", "B/1/.zattrs", "B/2/.zattrs"], files);
    }

    [Fact]
    public void Bioformats2raw_chunks_are_all_present()
    {
        var report = Samples.Validate(Samples.OmeZarr("ome2024-ngff-challenge", "tests", "data", "hcs.zarr"), deep: true);

        var present = report.Rule(DatasetRuleIds.ChunksPresent).ToList();
        Assert.Equal(8, present.Count);
        Assert.All(present, f => Assert.StartsWith("3 of 3 chunks present (100%)", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Legacy_flat_chunk_keys_of_ome_zarr_0_1_are_recognised()
    {
        var report = Samples.Validate(Samples.OmeZarr("ome-zarr-py", "tests", "data", "v1"), deep: true);

        Assert.StartsWith("1 of 1 chunks present", Assert.Single(report.Rule(DatasetRuleIds.ChunksPresent)).Message, StringComparison.Ordinal);
        Assert.Empty(report.Rule(DatasetRuleIds.ChunksUnexpectedFile));
    }

    [Fact]
    public void The_repository_sample_is_a_valid_0_5_image_with_all_gzip_chunks_present()
    {
        var report = Samples.Validate(Samples.Cells, deep: true);

        Assert.True(report.Verdict == ValidationVerdict.Valid, report.Describe());
        Assert.Equal("0.5", Assert.Single(report.Datasets).VersionText);
        Assert.True(report.ProblemsBeyondStrict().Count == 0, report.Describe());
        Assert.Equal(
            ["0/zarr.json: 8 of 8", "1/zarr.json: 2 of 2"],
            report.Rule(DatasetRuleIds.ChunksPresent).Select(f => $"{f.File}: {f.Message[..f.Message.IndexOf(" chunks", StringComparison.Ordinal)]}"));
    }

    [Fact]
    public void A_dataset_without_any_chunk_is_valid_and_deep_validation_warns_about_it()
    {
        var folder = Samples.OmeZarr("ome-zarr-examples", "data", "valid", "image-01.zarr");

        Assert.Empty(Samples.Validate(folder).ProblemsBeyondStrict());
        var deep = Samples.Validate(folder, deep: true);

        Assert.Equal(ValidationVerdict.Valid, deep.Verdict);
        Assert.Equal("0/.zarray", Assert.Single(deep.Rule(DatasetRuleIds.ChunksNone)).File);
    }

    [Fact]
    public void Missing_arrays_and_dimension_mismatches_are_named_by_rule()
    {
        var missing = Samples.Validate(Samples.OmeZarr("ome-zarr-examples", "data", "invalid", "image-03.zarr"));
        var ndim = Samples.Validate(Samples.OmeZarr("ome-zarr-examples", "data", "invalid", "image-04.zarr"));
        var dtype = Samples.Validate(Samples.OmeZarr("ome-zarr-examples", "data", "warning", "image-01.zarr"));

        Assert.Equal("$.multiscales[0].datasets[0].path", Assert.Single(missing.Rule(DatasetRuleIds.MultiscalesArrayMissing)).JsonPath);
        Assert.Equal("1/.zarray", Assert.Single(ndim.Rule(DatasetRuleIds.MultiscalesNdimAxes)).File);
        Assert.Equal(Severity.Warning, Assert.Single(dtype.Rule(DatasetRuleIds.MultiscalesDataTypeMismatch)).Severity);
    }

    [Fact]
    public void A_group_with_empty_ome_attributes_means_no_dataset()
    {
        var report = Samples.Validate(Samples.OmeZarr("ome-zarr-examples", "data", "invalid", "image-01.zarr"));

        Assert.Equal(ValidationVerdict.NoDataset, report.Verdict);
    }
}
