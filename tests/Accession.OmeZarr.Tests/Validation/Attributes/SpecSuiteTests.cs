using System.Text.Json;
using Accession.OmeZarr.Validation.Attributes;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>
/// The OME-NGFF specification's own test vectors (ngff-spec 0.4 and 0.5, <c>tests/*_suite.json</c>):
/// a case is valid exactly when the attribute rules report no error; for the <c>strict_*</c> suites
/// also no strict (SHOULD) warning.
/// </summary>
public sealed class SpecSuiteTests
{
    // 0.4 vectors labelled valid because the 0.4 JSON schema cannot see the MUST they break; the 0.5
    // copies of the same vectors were corrected (and 0.5 adds plate/well_path_has_column_before_row as
    // an invalid case). For these the rules must report that MUST and nothing else.
    private static readonly Dictionary<string, string> SchemaBlindVectors = new(StringComparer.Ordinal)
    {
        // "The length of the scale and translation array MUST be the same as the length of axes": 2 values, 3 axes.
        ["0.4/image_suite/valid/mismatch_axes_units.json"] = "transformation-vector-length",

        // rows ["1"], columns ["A"], path "A/1": the path names the column first ("row name, /, column name, in that order").
        ["0.4/plate_suite/plate/minimal_no_acquisitions"] = "plate-well-path-mismatch",
        ["0.4/plate_suite/plate/minimal_acquisitions"] = "plate-well-path-mismatch",
        ["0.4/plate_suite/plate/non_alphanumeric_row"] = "plate-well-path-mismatch",
        ["0.4/strict_plate_suite/plate/strict_no_acquisitions"] = "plate-well-path-mismatch",
        ["0.4/strict_plate_suite/plate/strict_acquisitions"] = "plate-well-path-mismatch",
    };

    public static TheoryData<string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var version in new[] { "0.4", "0.5" })
        {
            foreach (var file in Directory.GetFiles(SuiteFolder(version), "*_suite.json").Order(StringComparer.Ordinal))
            {
                using var suite = JsonDocument.Parse(File.ReadAllBytes(file));
                var tests = suite.RootElement.GetProperty("tests");
                for (var i = 0; i < tests.GetArrayLength(); i++)
                {
                    var name = tests[i].TryGetProperty("formerly", out var formerly) ? formerly.GetString()! : $"case {i}";
                    data.Add(version, Path.GetFileNameWithoutExtension(file), i, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_suite_case_gets_the_suite_verdict(string version, string suite, int index, string formerly)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder(version), suite + ".json")));
        var test = document.RootElement.GetProperty("tests")[index];
        var expected = test.GetProperty("valid").GetBoolean();

        var check = AttributeCheck.Run(test.GetProperty("data"), zarrV3: version == "0.5");

        if (SchemaBlindVectors.TryGetValue($"{version}/{suite}/{formerly}", out var brokenMust))
        {
            Assert.True(expected, "a schema-blind vector is one the suite calls valid");
            Assert.True(check.Errors.All(f => f.RuleId == brokenMust) && check.Has(brokenMust), $"{version} {suite} '{formerly}' should fail only {brokenMust}:{Environment.NewLine}{check.Describe()}");
            return;
        }

        // Every 0.4 plate vector swaps rows and columns; an invalid one must fail for its own reason too.
        var swapped = version == "0.4" && suite.Contains("plate", StringComparison.Ordinal);
        var errors = check.Errors.Where(f => !(swapped && f.RuleId == "plate-well-path-mismatch"));
        var strictWarnings = check.Findings.Where(f => AttributeRules.IsStrict(f.RuleId));
        var actual = !errors.Any() && !(suite.StartsWith("strict_", StringComparison.Ordinal) && strictWarnings.Any());
        Assert.True(expected == actual, $"{version} {suite} '{formerly}' should be {(expected ? "valid" : "invalid")}:{Environment.NewLine}{check.Describe()}");
    }

    [Fact]
    public void Every_schema_blind_vector_names_a_suite_case()
    {
        var names = Cases().Select(row => $"{row.Data.Item1}/{row.Data.Item2}/{row.Data.Item4}").ToHashSet(StringComparer.Ordinal);

        Assert.All(SchemaBlindVectors.Keys, key => Assert.Contains(key, names));
    }

    [Fact]
    public void Every_suite_of_both_versions_is_found()
    {
        var suites = Cases().Select(row => $"{row.Data.Item1}/{row.Data.Item2}").Distinct().ToList();

        Assert.Equal(16, suites.Count);
    }

    private static string SuiteFolder(string version) => SharedData.Path("samples", "ome-zarr", "ngff-spec", version, "tests");
}
