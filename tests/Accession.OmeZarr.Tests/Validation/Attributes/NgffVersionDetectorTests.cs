using System.Text.Json;
using Accession.OmeZarr.Validation.Attributes;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

public sealed class NgffVersionDetectorTests
{
    [Theory]
    [InlineData("""{"ome": {"version": "0.5", "multiscales": []}}""", true, NgffVersion.V05, "0.5")]
    [InlineData("""{"ome": {"multiscales": []}}""", true, NgffVersion.Unknown, null)]
    [InlineData("""{"ome": {"plate": {"version": "0.5"}}}""", true, NgffVersion.Unknown, null)]
    [InlineData("""{"multiscales": [{"version": "0.4"}]}""", false, NgffVersion.V04, "0.4")]
    [InlineData("""{"multiscales": [{"version": "0.3"}]}""", false, NgffVersion.V03, "0.3")]
    [InlineData("""{"version": "0.2", "multiscales": [{"version": "0.4"}]}""", false, NgffVersion.V02, "0.2")]
    [InlineData("""{"plate": {"version": "0.1"}}""", false, NgffVersion.V01, "0.1")]
    [InlineData("""{"well": {"version": "0.4"}}""", false, NgffVersion.V04, "0.4")]
    [InlineData("""{"image-label": {"version": "0.4"}}""", false, NgffVersion.V04, "0.4")]
    [InlineData("""{"multiscales": [{"version": 0.4}]}""", false, NgffVersion.V04, "0.4")]
    [InlineData("""{"multiscales": [{"version": "abc123"}]}""", false, NgffVersion.Unknown, "abc123")]
    [InlineData("""{"multiscales": [{}]}""", false, NgffVersion.V04, null)]
    [InlineData("""{"bioformats2raw.layout": 3}""", false, NgffVersion.V04, null)]
    [InlineData("""{"multiscales": [{}]}""", true, NgffVersion.Unknown, null)]
    [InlineData("""{"ome": {"version": "0.6rc0"}}""", true, NgffVersion.V06, "0.6rc0")]
    [InlineData("""{"ome": {"version": "0.6.dev3"}}""", true, NgffVersion.V06, "0.6.dev3")]
    [InlineData("""{"ome": {"version": "0.5-dev"}}""", true, NgffVersion.V05, "0.5-dev")]
    [InlineData("""[]""", false, NgffVersion.Unknown, null)]
    public void Detects_the_declared_version_with_the_web_validator_fallbacks(string json, bool zarrV3, NgffVersion expected, string? raw)
    {
        using var document = JsonDocument.Parse(json);

        var version = NgffVersionDetector.Detect(document.RootElement, zarrV3, out var rawVersion);

        Assert.Equal(expected, version);
        Assert.Equal(raw, rawVersion);
    }

    [Theory]
    [InlineData("0.60")]
    [InlineData("0.45")]
    [InlineData("v0.4")]
    [InlineData("")]
    public void Texts_that_only_resemble_a_version_are_unknown(string text)
    {
        Assert.Equal(NgffVersion.Unknown, NgffVersionDetector.Parse(text));
    }
}
