using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>The test kit's upload samples are valid datasets of the version they claim, so import tests start from valid input.</summary>
public sealed class OmeZarrSamplesValidationTests
{
    [Theory]
    [InlineData(2, "0.4")]
    [InlineData(3, "0.5")]
    public void The_sample_image_is_valid_with_every_chunk_present(int zarrFormat, string version)
    {
        using var temp = new TempFolder();
        OmeZarrSamples.Image(temp.Path, zarrFormat);

        var report = Samples.Validate(temp.Path, deep: true);

        Assert.True(report.Verdict == ValidationVerdict.Valid, report.Describe());
        Assert.Equal(version, Assert.Single(report.Datasets).VersionText);
        Assert.True(report.ProblemsBeyondStrict().Count == 0, report.Describe());
    }
}
