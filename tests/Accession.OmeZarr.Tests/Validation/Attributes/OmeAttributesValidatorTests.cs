using System.Text.Json;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Validation.Attributes;
using static Accession.OmeZarr.Tests.Validation.Attributes.Documents;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>How the validator places, gates and words its findings.</summary>
public sealed class OmeAttributesValidatorTests
{
    [Theory]
    [InlineData("""{"ome": {"version": "0.5", "labels": []}}""", true, true)]
    [InlineData("""{"ome": {"version": "0.5"}}""", true, false)]
    [InlineData("""{"labels": []}""", true, false)]
    [InlineData("""{"labels": []}""", false, true)]
    [InlineData("""{"series": ["0"]}""", false, true)]
    [InlineData("""{"bioformats2raw.layout": 3}""", false, true)]
    [InlineData("""{"ome": {"version": "0.5", "labels": []}}""", false, false)]
    [InlineData("""{"omero": {"channels": []}}""", false, false)]
    [InlineData("""{"_ARRAY_DIMENSIONS": ["y", "x"]}""", false, false)]
    [InlineData("""{}""", false, false)]
    [InlineData("""[]""", false, false)]
    public void Ome_keys_are_looked_for_where_the_format_puts_them(string json, bool zarrV3, bool expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, OmeAttributesValidator.HasOmeKeys(document.RootElement, zarrV3));
    }

    [Fact]
    public void A_group_without_ome_keys_raises_nothing()
    {
        var check = AttributeCheck.Run("""{"_ARRAY_DIMENSIONS": ["y", "x"], "note": "plain group"}""");

        Assert.Empty(check.Findings);
        Assert.Equal(NgffVersion.V04, check.Version);
    }

    [Fact]
    public void A_missing_version_is_reported_once_per_object_that_lacks_it()
    {
        var check = AttributeCheck.Run(Image04().With("\"version\": \"0.4\", ", string.Empty));

        var finding = Assert.Single(check.Findings, f => f.RuleId.Contains("version", StringComparison.Ordinal));
        Assert.Equal(("strict-multiscales-version-missing", "$.multiscales[0]"), (finding.RuleId, finding.JsonPath));
    }

    [Fact]
    public void Findings_name_the_file_and_a_path_inside_zarr_json()
    {
        var findings = new List<ValidationFinding>();
        using var document = JsonDocument.Parse(ImageLabel05.With("[0, 255, 0, 128]", "[0, 255, 0]"));

        OmeAttributesValidator.Validate(document.RootElement, zarrV3: true, "labels/cells/zarr.json", findings);

        var finding = Assert.Single(findings);
        Assert.Equal("labels/cells/zarr.json", finding.File);
        Assert.Equal("$.attributes.ome['image-label'].colors[1].rgba", finding.JsonPath);
    }

    [Fact]
    public void Findings_in_zattrs_use_paths_from_the_top_of_the_file()
    {
        var check = AttributeCheck.Run(Image04().With("\"path\": \"1\"", "\"path\": 1"));

        Assert.Equal("$.multiscales[0].datasets[1].path", check.Single("multiscales-dataset-path-invalid").JsonPath);
    }

    [Fact]
    public void Validate_returns_the_declared_version()
    {
        Assert.Equal(NgffVersion.V05, AttributeCheck.Run(Image05(), zarrV3: true).Version);
        Assert.Equal(NgffVersion.Unknown, AttributeCheck.Run(Image04().With("\"version\": \"0.4\", \"name\"", "\"version\": \"abc123\", \"name\"")).Version);
    }

    [Fact]
    public void Unknown_version_is_still_validated_with_the_format_default()
    {
        var check = AttributeCheck.Run(Image04(axes: "{}").With("\"version\": \"0.4\", \"name\"", "\"version\": \"abc123\", \"name\""));

        Assert.True(check.Has("ome-version-unknown"));
        Assert.True(check.Has("axes-not-array"));
    }

    [Fact]
    public void Omero_color_and_window_are_required_in_0_4_but_only_recommended_in_0_5()
    {
        var bare = Channel.With("\"color\": \"FF0000\", \"window\": {\"min\": 0, \"max\": 255, \"start\": 0, \"end\": 200}, ", string.Empty);

        var v04 = AttributeCheck.Run(Image04().With(Channel, bare));
        var v05 = AttributeCheck.Run(Image05().With(Channel, bare), zarrV3: true);

        Assert.Equal(Severity.Error, v04.Single("omero-channel-color-missing").Severity);
        Assert.Equal(Severity.Error, v04.Single("omero-channel-window-missing").Severity);
        Assert.Equal(Severity.Warning, v05.Single("omero-channel-color-missing").Severity);
        Assert.Equal(Severity.Warning, v05.Single("omero-channel-window-missing").Severity);
        Assert.True(v05.IsValid);
    }

    [Fact]
    public void A_color_that_is_not_hex_is_only_a_warning_in_legacy_metadata()
    {
        var check = AttributeCheck.Run("""{"multiscales": [{"version": "0.2", "datasets": [{"path": "0"}]}], "omero": {"channels": [{"color": "red", "window": {"min": 0, "max": 1, "start": 0, "end": 1}}]}}""");

        Assert.Equal(Severity.Warning, check.Single("omero-channel-color-format").Severity);
    }

    [Fact]
    public void Versions_nested_in_a_0_5_ome_object_only_warn_when_they_disagree()
    {
        var check = AttributeCheck.Run(Plate05.With("\"plate\": {", "\"plate\": {\"version\": \"0.4\", "), zarrV3: true);

        Assert.Equal(Severity.Warning, check.Single("ome-version-inconsistent").Severity);
        Assert.True(check.IsValid);
    }

    [Fact]
    public void A_nested_0_5_version_that_agrees_is_accepted()
    {
        var check = AttributeCheck.Run(Plate05.With("\"plate\": {", "\"plate\": {\"version\": \"0.5\", "), zarrV3: true);

        Assert.Empty(check.Findings);
    }

    [Fact]
    public void Numeric_0_4_version_is_accepted_with_a_warning()
    {
        var check = AttributeCheck.Run(Image04().Replace("\"0.4\"", "0.4", StringComparison.Ordinal));

        Assert.True(check.IsValid, check.Describe());
        Assert.Equal(NgffVersion.V04, check.Version);
        Assert.All(check.Findings, f => Assert.Equal("ome-version-not-string", f.RuleId));
        Assert.Equal(2, check.Findings.Count);
    }

    [Fact]
    public void A_group_without_a_versioned_object_only_notes_the_assumed_version()
    {
        var check = AttributeCheck.Run("""{"labels": ["cells"]}""");

        Assert.Equal(Severity.Info, check.Single("ome-version-assumed").Severity);
        Assert.Single(check.Findings);
    }

    [Fact]
    public void Zarr_v3_metadata_claiming_0_4_is_rejected()
    {
        var check = AttributeCheck.Run(Image04(), zarrV3: true);

        Assert.True(check.Has("ome-version-zarr-mismatch"));
        Assert.False(check.Has("ome-namespace-missing"));
    }

    [Fact]
    public void Zarr_v3_keys_outside_the_ome_object_are_rejected_and_still_checked()
    {
        var check = AttributeCheck.Run("""{"well": {"images": []}}""", zarrV3: true);

        Assert.True(check.Has("ome-namespace-missing"));
        Assert.True(check.Has("well-images-missing"));
    }

    [Fact]
    public void Zarr_v2_metadata_claiming_0_5_is_rejected()
    {
        var check = AttributeCheck.Run(Image05(), zarrV3: false);

        Assert.Equal("$.ome.version", check.Single("ome-version-zarr-mismatch").JsonPath);
    }

    [Fact]
    public void Newer_metadata_gets_one_warning_and_no_content_checks()
    {
        var check = AttributeCheck.Run("""{"ome": {"version": "0.6", "multiscales": [{"coordinateSystems": [], "datasets": []}]}}""", zarrV3: true);

        Assert.Equal("ome-version-newer", Assert.Single(check.Findings).RuleId);
    }

    [Fact]
    public void Legacy_0_2_images_need_no_axes_or_transformations()
    {
        var check = AttributeCheck.Run("""{"multiscales": [{"version": "0.2", "datasets": [{"path": "0"}, {"path": "1"}]}]}""");

        Assert.Equal("ome-version-legacy", Assert.Single(check.Findings).RuleId);
    }

    [Fact]
    public void Legacy_0_3_images_list_axes_as_letters()
    {
        var valid = AttributeCheck.Run("""{"multiscales": [{"version": "0.3", "axes": ["c", "y", "x"], "datasets": [{"path": "0"}]}]}""");
        var repeated = AttributeCheck.Run("""{"multiscales": [{"version": "0.3", "axes": ["y", "y"], "datasets": [{"path": "0"}]}]}""");

        Assert.True(valid.IsValid, valid.Describe());
        Assert.True(repeated.Has("axis-name-duplicate"));
    }

    [Fact]
    public void Legacy_plates_keep_their_free_form_well_paths()
    {
        var check = AttributeCheck.Run("""{"plate": {"version": "0.3", "rows": [{"name": "A"}], "columns": [{"name": "1"}], "wells": [{"path": "2020-10-10/A/1"}]}}""");

        Assert.True(check.IsValid, check.Describe());
    }

    [Fact]
    public void Scale_order_compares_every_axis_of_consecutive_levels()
    {
        var check = AttributeCheck.Run(Image04().With("[1.0, 1.0]", "[1.0, 0.25]"));

        Assert.Equal("$.multiscales[0].datasets[1]", check.Single("multiscales-scale-order").JsonPath);
    }

    [Fact]
    public void Multiscale_level_transformations_follow_the_same_rules()
    {
        var check = AttributeCheck.Run(Image04().With("\"axes\":", "\"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [\"invalid\"]}], \"axes\":"));

        Assert.Equal("$.multiscales[0].coordinateTransformations[0].scale", check.Single("transformation-vector-invalid").JsonPath);
    }

    [Fact]
    public void Label_values_count_as_integers_when_they_have_no_fraction()
    {
        var check = AttributeCheck.Run(ImageLabel05.With("\"label-value\": 2", "\"label-value\": 2.0"), zarrV3: true);

        Assert.Empty(check.Findings);
    }

    [Fact]
    public void Well_path_mismatch_names_the_expected_path()
    {
        var check = AttributeCheck.Run(Plate04.With("\"path\": \"B/2\"", "\"path\": \"2/B\""));

        Assert.Contains("\"B/2\"", check.Single("plate-well-path-mismatch").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_rules_are_warnings_and_only_they_carry_the_strict_prefix()
    {
        Assert.All(AttributeRules.All.Where(r => r.IsStrict), r => Assert.Equal(Severity.Warning, r.Severity));
        Assert.True(AttributeRules.IsStrict("strict-plate-name-missing"));
        Assert.False(AttributeRules.IsStrict("plate-wells-missing"));
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = AttributeRules.All.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }
}
