using System.Text.Json;
using Accession.OmeZarr.Validation.Attributes;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>
/// The other metadata documents of the OME-Zarr samples (their README gives each verdict), judged at
/// attribute level. Verdicts that depend on arrays (a missing array, a level with the wrong number of
/// dimensions, dtypes that differ between levels) belong to the dataset checks: those groups must be
/// attribute-valid here.
/// </summary>
public sealed class SampleDocumentTests
{
    // Expected outcome per document; every .zattrs and example .json under the sample folders below is listed
    // by Documents(), and anything not named here must be valid.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["ome-ngff-validator/test_samples/invalid/invalid_version.zarr/.zattrs"] = "error:ome-version-unknown",
        ["ome-ngff-validator/test_samples/invalid/missing_min.zarr/.zattrs"] = "error:omero-channel-window-invalid",
        ["ome-ngff-validator/test_samples/invalid/no_version_v0.4.zarr/.zattrs"] = "warning:strict-multiscales-version-missing",

        // A zarr.json-shaped document stored under the name .zattrs: its attributes are validated as Zarr v3.
        ["ome-ngff-validator/test_samples/invalid/no_version_v0.5.zarr/.zattrs"] = "error:ome-version-missing",

        // {} is a plain Zarr group: no OME keys, so nothing to say here (dataset discovery reports "not OME-Zarr").
        ["ome-zarr-examples/data/invalid/image-01.zarr/.zattrs"] = "not-ome",
        ["ome-zarr-examples/data/invalid/image-02.zarr/.zattrs"] = "error:multiscales-empty",

        // image-03 (array 0 missing) and image-04 (level 1 has 2 dimensions for 3 axes) are invalid only
        // through their arrays, and warning/image-01 only through level dtypes: dataset checks.
        // plate-01 passed the web validator, but wells A/2 and B/1 disagree with their indices.
        ["ome-zarr-examples/data/valid/plate-01.zarr/.zattrs"] = "error:plate-well-path-mismatch",

        ["ome-zarr-py/tests/data/v1/.zattrs"] = "warning:ome-version-legacy",
        ["ome-zarr-py/tests/data/v2/.zattrs"] = "warning:ome-version-legacy",

        ["ome-zarr-models-py/tests/data/examples/v05/image_no_version_example.json"] = "error:ome-version-missing",
    };

    // ome-zarr-models keeps a few v0.4 examples as the bare object of one key.
    private static readonly Dictionary<string, string> WrapIn = new(StringComparer.Ordinal)
    {
        ["ome-zarr-models-py/tests/data/examples/v04/omero_example.json"] = "omero",
        ["ome-zarr-models-py/tests/data/examples/v04/plate_example_1.json"] = "plate",
        ["ome-zarr-models-py/tests/data/examples/v04/plate_example_2.json"] = "plate",
    };

    public static TheoryData<string> Documents()
    {
        var root = SamplesFolder();
        var files = new[] { "ome-ngff-validator", "ome-zarr-examples", "ome2024-ngff-challenge", "ome-zarr-py", "ome-zarr-models-py" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) == ".zattrs" || (f.EndsWith(".json", StringComparison.Ordinal) && f.Contains("/examples/", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Sample_document_gets_its_attribute_verdict(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SamplesFolder(), relativePath)));
        var (attributes, zarrV3) = Attributes(document.RootElement, relativePath);
        using var wrapped = WrapIn.TryGetValue(relativePath, out var key) ? JsonDocument.Parse($"{{\"{key}\": {attributes.GetRawText()}}}") : null;

        var check = AttributeCheck.Run(wrapped?.RootElement ?? attributes, zarrV3);

        var expected = Expected.GetValueOrDefault(relativePath, "valid");
        var message = $"{relativePath} should be {expected}:{Environment.NewLine}{check.Describe()}";
        switch (expected.Split(':'))
        {
            case ["valid"]:
                Assert.True(check.IsValid, message);
                break;
            case ["not-ome"]:
                Assert.True(check.Findings.Count == 0 && !OmeAttributesValidator.HasOmeKeys(attributes, zarrV3), message);
                break;
            case ["warning", var rule]:
                Assert.True(check.IsValid && check.Has(rule), message);
                break;
            case ["error", var rule]:
                Assert.True(check.Errors.Any(f => f.RuleId == rule), message);
                break;
            default:
                Assert.Fail($"unknown expectation {expected}");
                break;
        }
    }

    [Fact]
    public void Every_named_expectation_is_a_sample_document()
    {
        var documents = Documents().Select(row => row.Data).ToHashSet(StringComparer.Ordinal);

        Assert.All(Expected.Keys.Concat(WrapIn.Keys), key => Assert.Contains(key, documents));
    }

    private static (JsonElement Attributes, bool ZarrV3) Attributes(JsonElement root, string relativePath)
    {
        if (root.TryGetProperty("attributes", out var attributes))
        {
            return (attributes, true);
        }

        return (root, relativePath.Contains("/v05/", StringComparison.Ordinal));
    }

    private static string SamplesFolder() => SharedData.Path("samples", "ome-zarr");
}
