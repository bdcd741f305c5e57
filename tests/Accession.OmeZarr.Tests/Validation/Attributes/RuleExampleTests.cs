using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;
using static Accession.OmeZarr.Tests.Validation.Attributes.Documents;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>
/// One small document per rule id that breaks exactly that rule, derived from a valid document; and
/// the valid documents themselves, which raise nothing.
/// </summary>
public sealed class RuleExampleTests
{
    private const bool V2 = false;
    private const bool V3 = true;

    public static TheoryData<string, Severity, string, bool> Examples() => new()
    {
        // Version and namespace
        { "ome-attributes-not-object", Severity.Error, "[1, 2]", V2 },
        { "ome-namespace-invalid", Severity.Error, """{"ome": "0.5"}""", V3 },
        { "ome-namespace-missing", Severity.Error, """{"version": "0.5", "labels": ["cells"]}""", V3 },
        { "ome-namespace-unexpected", Severity.Error, """{"ome": {"version": "0.4", "labels": ["cells"]}}""", V2 },
        { "ome-version-missing", Severity.Error, Labels05.With("\"version\": \"0.5\", ", string.Empty), V3 },
        { "ome-version-unknown", Severity.Error, Image04().With("\"version\": \"0.4\", \"name\"", "\"version\": \"abc123\", \"name\""), V2 },
        { "ome-version-not-string", Severity.Warning, Image04().With("\"version\": \"0.4\", \"name\"", "\"version\": 0.4, \"name\""), V2 },
        { "ome-version-assumed", Severity.Info, """{"labels": ["cells"]}""", V2 },
        { "ome-version-legacy", Severity.Warning, """{"multiscales": [{"version": "0.2", "datasets": [{"path": "0"}]}]}""", V2 },
        { "ome-version-newer", Severity.Warning, """{"ome": {"version": "0.6rc0", "multiscales": [{"coordinateSystems": []}]}}""", V3 },
        { "ome-version-zarr-mismatch", Severity.Error, Labels05, V2 },
        { "ome-version-inconsistent", Severity.Error, Image04().With("\"omero\": {\"version\": \"0.4\"", "\"omero\": {\"version\": \"0.3\""), V2 },

        // multiscales
        { "multiscales-not-array", Severity.Error, """{"version": "0.4", "multiscales": {}}""", V2 },
        { "multiscales-empty", Severity.Error, """{"version": "0.4", "multiscales": []}""", V2 },
        { "multiscales-duplicate", Severity.Error, $$"""{"multiscales": [{{Multiscale04()}}, {{Multiscale04()}}]}""", V2 },
        { "multiscales-entry-invalid", Severity.Error, """{"version": "0.4", "multiscales": ["cells"]}""", V2 },
        { "multiscales-name-type", Severity.Error, Image04().With("\"name\": \"cells\"", "\"name\": 7"), V2 },
        { "multiscales-axes-missing", Severity.Error, Image04().With("\"axes\": " + Axes + ", ", string.Empty), V2 },
        { "multiscales-datasets-missing", Severity.Error, Image04().With(", \"datasets\": " + Datasets, string.Empty), V2 },
        { "multiscales-datasets-empty", Severity.Error, Image04(datasets: "[]"), V2 },
        { "multiscales-dataset-invalid", Severity.Error, Image04(datasets: """["0"]"""), V2 },
        { "multiscales-dataset-path-invalid", Severity.Error, Image04().With("\"path\": \"1\"", "\"path\": \"../1\""), V2 },
        { "multiscales-dataset-path-duplicate", Severity.Warning, Image04().With("\"path\": \"1\"", "\"path\": \"0\""), V2 },
        { "multiscales-scale-order", Severity.Warning, Image04().With("[1.0, 1.0]", "[0.25, 1.0]"), V2 },
        { "strict-multiscales-name-missing", Severity.Warning, Image05().With("\"name\": \"cells\", ", string.Empty), V3 },
        { "strict-multiscales-type-missing", Severity.Warning, Image05().With("\"type\": \"gaussian\", ", string.Empty), V3 },
        { "strict-multiscales-metadata-missing", Severity.Warning, Image05().With("\"metadata\": {}, ", string.Empty), V3 },
        { "strict-multiscales-version-missing", Severity.Warning, Image04().With("\"version\": \"0.4\", \"name\"", "\"name\""), V2 },

        // axes
        { "axes-not-array", Severity.Error, Image04(axes: "{}"), V2 },
        { "axes-count", Severity.Error, Image04(axes: """[{"name": "t", "type": "time"}, {"name": "c", "type": "channel"}, {"name": "z", "type": "space"}, {"name": "y", "type": "space"}, {"name": "x", "type": "space"}, {"name": "w", "type": "space"}]"""), V2 },
        { "axis-invalid", Severity.Error, Image04(axes: """["y", "x"]"""), V2 },
        { "axis-name-invalid", Severity.Error, Image04().With("{\"name\": \"y\", ", "{"), V2 },
        { "axis-name-duplicate", Severity.Error, Image04().With("\"name\": \"x\"", "\"name\": \"y\""), V2 },
        { "axis-type-invalid", Severity.Error, Image04().With("\"name\": \"y\", \"type\": \"space\"", "\"name\": \"y\", \"type\": 1"), V2 },
        { "axes-space-count", Severity.Error, Image04().With("\"name\": \"y\", \"type\": \"space\", \"unit\": \"micrometer\"", "\"name\": \"c\", \"type\": \"channel\""), V2 },
        { "axes-time-count", Severity.Error, Image04(axes: """[{"name": "t", "type": "time"}, {"name": "u", "type": "time"}, {"name": "y", "type": "space"}, {"name": "x", "type": "space"}]""", datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1, 1]}]}]"""), V2 },
        { "axes-channel-count", Severity.Error, Image04(axes: """[{"name": "c", "type": "channel"}, {"name": "angle"}, {"name": "y", "type": "space"}, {"name": "x", "type": "space"}]""", datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1, 1]}]}]"""), V2 },
        { "axes-order", Severity.Error, Image04(axes: """[{"name": "y", "type": "space"}, {"name": "x", "type": "space"}, {"name": "c", "type": "channel"}]""", datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1]}]}]"""), V2 },
        { "axis-unit-unknown", Severity.Warning, Image04().With("\"micrometer\"}, {\"name\": \"x\"", "\"micron\"}, {\"name\": \"x\""), V2 },
        { "axis-units-typo", Severity.Warning, Image04().With("\"unit\": \"micrometer\"}, {\"name\": \"x\"", "\"units\": \"micrometer\"}, {\"name\": \"x\""), V2 },
        { "axes-legacy-format", Severity.Error, """{"multiscales": [{"version": "0.3", "axes": [{"name": "y"}, {"name": "x"}], "datasets": [{"path": "0"}]}]}""", V2 },

        // coordinateTransformations
        { "transformations-missing", Severity.Error, Image04(datasets: """[{"path": "0"}]"""), V2 },
        { "transformations-invalid", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": []}]"""), V2 },
        { "transformation-invalid", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}, "translation"]}]"""), V2 },
        { "transformation-type-unsupported", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}, {"type": "identity"}]}]"""), V2 },
        { "transformation-vector-invalid", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "path": "scale-vector"}]}]"""), V2 },
        { "transformation-vector-length", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1]}]}]"""), V2 },
        { "transformation-scale-count", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}, {"type": "scale", "scale": [2, 2]}]}]"""), V2 },
        { "transformation-translation-count", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}, {"type": "translation", "translation": [1, 1]}, {"type": "translation", "translation": [2, 2]}]}]"""), V2 },
        { "transformation-order", Severity.Error, Image04(datasets: """[{"path": "0", "coordinateTransformations": [{"type": "translation", "translation": [1, 1]}, {"type": "scale", "scale": [1, 1]}]}]"""), V2 },

        // omero
        { "omero-not-object", Severity.Error, Image04().With("\"omero\": {\"version\": \"0.4\", \"channels\": [" + Channel + "]}", "\"omero\": []"), V2 },
        { "omero-channels-missing", Severity.Error, Image04().With("\"channels\": [" + Channel + "]", "\"name\": \"cells\""), V2 },
        { "omero-channel-invalid", Severity.Error, Image04().With(Channel, "\"FF0000\""), V2 },
        { "omero-channel-color-missing", Severity.Error, Image04().With("\"color\": \"FF0000\", ", string.Empty), V2 },
        { "omero-channel-color-type", Severity.Error, Image04().With("\"color\": \"FF0000\"", "\"color\": 16711680"), V2 },
        { "omero-channel-color-format", Severity.Error, Image04().With("\"color\": \"FF0000\"", "\"color\": \"red\""), V2 },
        { "omero-channel-color-hash", Severity.Warning, Image04().With("\"color\": \"FF0000\"", "\"color\": \"#FF0000\""), V2 },
        { "omero-channel-window-missing", Severity.Error, Image04().With("\"window\": {\"min\": 0, \"max\": 255, \"start\": 0, \"end\": 200}, ", string.Empty), V2 },
        { "omero-channel-window-invalid", Severity.Error, Image04().With("\"min\": 0", "\"min\": \"0\""), V2 },
        { "omero-channel-field-type", Severity.Error, Image04().With("\"active\": true", "\"active\": \"yes\""), V2 },
        { "omero-without-multiscales", Severity.Warning, """{"ome": {"version": "0.5", "labels": [], "omero": {"channels": [""" + Channel + "]}}}", V3 },

        // labels
        { "labels-not-array", Severity.Error, Labels05.With("[\"cells\", \"nuclei/v1\"]", "\"cells\""), V3 },
        { "labels-entry-invalid", Severity.Error, Labels05.With("\"nuclei/v1\"", "\"/nuclei\""), V3 },
        { "labels-entry-duplicate", Severity.Warning, Labels05.With("\"nuclei/v1\"", "\"cells\""), V3 },

        // image-label
        { "image-label-not-object", Severity.Error, """{"ome": {"version": "0.5", "image-label": []}}""", V3 },
        { "image-label-colors-invalid", Severity.Error, ImageLabel05.With("{\"label-value\": 2, \"rgba\": [0, 255, 0, 128]}", "[2]"), V3 },
        { "image-label-value-missing", Severity.Error, ImageLabel05.With("\"label-value\": 2, ", string.Empty), V3 },
        { "image-label-value-type", Severity.Error, ImageLabel05.With("\"label-value\": 2", "\"label-value\": 2.5"), V3 },
        { "image-label-value-duplicate", Severity.Error, ImageLabel05.With("\"label-value\": 2", "\"label-value\": 1"), V3 },
        { "image-label-rgba-invalid", Severity.Error, ImageLabel05.With("[0, 255, 0, 128]", "[0, 255, 0, 256]"), V3 },
        { "image-label-properties-invalid", Severity.Error, ImageLabel05.With("[{\"label-value\": 1, \"class\": \"nucleus\"}]", "[]"), V3 },
        { "image-label-source-invalid", Severity.Error, ImageLabel05.With("\"image\": \"../../\"", "\"image\": 0"), V3 },
        { "strict-image-label-colors-missing", Severity.Warning, """{"ome": {"version": "0.5", "image-label": {"properties": [{"label-value": 1}]}}}""", V3 },
        { "strict-image-label-version-missing", Severity.Warning, ImageLabel04.With("\"image-label\": {\"version\": \"0.4\", ", "\"image-label\": {"), V2 },

        // plate
        { "plate-not-object", Severity.Error, """{"ome": {"version": "0.5", "plate": []}}""", V3 },
        { "plate-rows-missing", Severity.Error, Plate05.With("\"rows\": [{\"name\": \"A\"}, {\"name\": \"B\"}], ", string.Empty), V3 },
        { "plate-columns-missing", Severity.Error, Plate05.With("[{\"name\": \"1\"}, {\"name\": \"2\"}]", "[]"), V3 },
        { "plate-row-name-invalid", Severity.Error, Plate05.With("{\"name\": \"B\"}", "{\"name\": \"B-2\"}"), V3 },
        { "plate-column-name-invalid", Severity.Error, Plate05.With("{\"name\": \"2\"}", "{\"label\": \"2\"}"), V3 },
        { "plate-row-name-duplicate", Severity.Error, Plate05.With("{\"name\": \"B\"}", "{\"name\": \"A\"}"), V3 },
        { "plate-column-name-duplicate", Severity.Error, Plate05.With("{\"name\": \"2\"}", "{\"name\": \"1\"}"), V3 },
        { "plate-name-case-collision", Severity.Warning, Plate05.With("{\"name\": \"B\"}], ", "{\"name\": \"B\"}, {\"name\": \"a\"}], "), V3 },
        { "plate-wells-missing", Severity.Error, Plate05.With("\"wells\": [", "\"wells\": {}, \"other\": ["), V3 },
        { "plate-well-invalid", Severity.Error, Plate05.With("{\"path\": \"B/2\", \"rowIndex\": 1, \"columnIndex\": 1}", "\"B/2\""), V3 },
        { "plate-well-path-invalid", Severity.Error, Plate05.With("\"path\": \"B/2\"", "\"path\": \"plate/B/2\""), V3 },
        { "plate-well-index-invalid", Severity.Error, Plate05.With("\"rowIndex\": 1", "\"rowIndex\": 2"), V3 },
        { "plate-well-path-mismatch", Severity.Error, Plate05.With("\"path\": \"A/1\"", "\"path\": \"1/A\""), V3 },
        { "plate-well-duplicate", Severity.Error, Plate05.With("\"path\": \"B/2\", \"rowIndex\": 1, \"columnIndex\": 1", "\"path\": \"A/1\", \"rowIndex\": 0, \"columnIndex\": 0"), V3 },
        { "plate-acquisitions-invalid", Severity.Error, Plate05.With("\"acquisitions\": [", "\"acquisitions\": {}, \"other\": ["), V3 },
        { "plate-acquisition-id-invalid", Severity.Error, Plate05.With("\"id\": 0", "\"id\": -1"), V3 },
        { "plate-acquisition-id-duplicate", Severity.Error, Plate05.With("\"acquisitions\": [", "\"acquisitions\": [{\"id\": 0, \"name\": \"again\", \"maximumfieldcount\": 1}, "), V3 },
        { "plate-acquisition-maximumfieldcount-invalid", Severity.Error, Plate05.With("\"maximumfieldcount\": 2", "\"maximumfieldcount\": 0"), V3 },
        { "plate-acquisition-time-invalid", Severity.Error, Plate05.With("\"starttime\": 1343731272", "\"starttime\": \"2012-07-31T10:41:12\""), V3 },
        { "plate-field-count-invalid", Severity.Error, Plate05.With("\"field_count\": 2", "\"field_count\": 0"), V3 },
        { "plate-field-type", Severity.Error, Plate05.With("\"name\": \"first\"", "\"name\": 1"), V3 },
        { "strict-plate-name-missing", Severity.Warning, Plate05.With("\"name\": \"screen\", ", string.Empty), V3 },
        { "strict-plate-version-missing", Severity.Warning, Plate04.With("\"version\": \"0.4\", ", string.Empty), V2 },
        { "strict-plate-acquisition-name-missing", Severity.Warning, Plate05.With("\"name\": \"first\", ", string.Empty), V3 },
        { "strict-plate-acquisition-maximumfieldcount-missing", Severity.Warning, Plate05.With("\"maximumfieldcount\": 2, ", string.Empty), V3 },

        // well
        { "well-not-object", Severity.Error, """{"ome": {"version": "0.5", "well": "A/1"}}""", V3 },
        { "well-images-missing", Severity.Error, """{"ome": {"version": "0.5", "well": {"images": []}}}""", V3 },
        { "well-image-invalid", Severity.Error, Well05.With("{\"path\": \"1\", \"acquisition\": 0}", "\"1\""), V3 },
        { "well-image-path-invalid", Severity.Error, Well05.With("\"path\": \"1\"", "\"path\": \"1/a\""), V3 },
        { "well-image-path-duplicate", Severity.Error, Well05.With("\"path\": \"1\"", "\"path\": \"0\""), V3 },
        { "well-image-acquisition-invalid", Severity.Error, Well05.With("\"path\": \"1\", \"acquisition\": 0", "\"path\": \"1\", \"acquisition\": \"0\""), V3 },
        { "strict-well-version-missing", Severity.Warning, Well04.With("\"version\": \"0.4\", ", string.Empty), V2 },

        // bioformats2raw.layout and OME series
        { "bioformats2raw-layout-invalid", Severity.Error, Collection05.With(": 3", ": \"3\""), V3 },
        { "ome-series-invalid", Severity.Error, Series05.With("[\"0\", \"1\"]", "[0, 1]"), V3 },
        { "ome-series-empty", Severity.Warning, Series05.With("[\"0\", \"1\"]", "[]"), V3 },
        { "ome-series-duplicate", Severity.Error, Series05.With("\"1\"", "\"0\""), V3 },
    };

    public static TheoryData<string, string, bool> ValidDocuments() => new()
    {
        { "0.4 image", Image04(), V2 },
        { "0.5 image", Image05(), V3 },
        { "0.4 plate", Plate04, V2 },
        { "0.5 plate", Plate05, V3 },
        { "0.4 well", Well04, V2 },
        { "0.5 well", Well05, V3 },
        { "0.4 label image", ImageLabel04, V2 },
        { "0.5 label image", ImageLabel05, V3 },
        { "0.5 labels group", Labels05, V3 },
        { "0.5 bioformats2raw collection", Collection05, V3 },
        { "0.5 OME series group", Series05, V3 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Document_breaking_one_rule_reports_that_rule(string ruleId, Severity severity, string json, bool zarrV3)
    {
        var check = AttributeCheck.Run(json, zarrV3);

        Assert.True(check.Findings.Any(f => f.RuleId == ruleId && f.Severity == severity), $"expected {severity} {ruleId}:{Environment.NewLine}{check.Describe()}");
        Assert.All(check.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Valid_document_raises_nothing(string name, string json, bool zarrV3)
    {
        var check = AttributeCheck.Run(json, zarrV3);

        Assert.True(check.Findings.Count == 0, $"{name}:{Environment.NewLine}{check.Describe()}");
    }

    [Fact]
    public void Every_rule_has_an_example()
    {
        var covered = Examples().Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        var uncovered = AttributeRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();

        Assert.True(uncovered.Count == 0, "rules without an example: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_example_names_a_catalogued_rule()
    {
        var ids = AttributeRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Examples(), row => Assert.Contains(row.Data.Item1, ids));
    }
}
