using System.Globalization;
using Accession.Iscc;
using Accession.Omero.Annotation;

namespace Accession.Omero.Tests;

public sealed class IsccAnnotationTests
{
    [Fact]
    public void Pairs_follow_the_readme_order_then_the_units()
    {
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var result = IsccSum.Hash(bytes);
        var when = new DateTimeOffset(2026, 12, 6, 15, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234560);

        var pairs = IsccAnnotation.Create(result, "cells.tif", wide: true, when);

        Assert.Equal(["iscc:sum", "iscc:version", "iscc:source_file", "iscc:timestamp", "iscc:processor", "iscc:data", "iscc:inst"], pairs.Select(p => p.Key));
        Assert.Equal(result.ToIscc(Accession.Iscc.Codec.IsccSumWidth.Wide), pairs[0].Value);
        Assert.StartsWith("ISCC:K4A", pairs[0].Value, StringComparison.Ordinal);
        Assert.Equal("1.0", pairs[1].Value);
        Assert.Equal("cells.tif", pairs[2].Value);
        Assert.Equal("2026-12-06T13:04:05.123456+00:00", pairs[3].Value);
        Assert.Equal(when, DateTimeOffset.Parse(pairs[3].Value, CultureInfo.InvariantCulture));
        Assert.Equal("omero-iscc-service", pairs[4].Value);
        Assert.Equal(result.Units, [pairs[5].Value, pairs[6].Value]);
    }

    [Fact]
    public void Narrow_writes_the_iso_ISCC_SUM()
    {
        var result = IsccSum.Hash("narrow"u8);

        var pairs = IsccAnnotation.Create(result, "a", wide: false, DateTimeOffset.UnixEpoch);

        Assert.Equal(result.ToIscc(Accession.Iscc.Codec.IsccSumWidth.Narrow), pairs[0].Value);
        Assert.StartsWith("ISCC:KUA", pairs[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_annotations_with_an_iscc_key_count()
    {
        Assert.True(IsccAnnotation.IsIscc([KeyValuePair.Create("other", "x"), KeyValuePair.Create("iscc:sum", "ISCC:K4A")]));
        Assert.False(IsccAnnotation.IsIscc([KeyValuePair.Create("ISCC-CODE", "ISCC:K4A")]));
    }
}
