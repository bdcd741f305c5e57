using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Tests.Zarr;

public class ChunkKeyEncodingTests
{
    public static TheoryData<string, char, string> Keys => new()
    {
        // shared/specs/ome-zarr.md §1.4: the key of chunk (1, 23, 45) under each encoding.
        { "v2", '.', "1.23.45" },
        { "v2", '/', "1/23/45" },
        { "default", '/', "c/1/23/45" },
        { "default", '.', "c.1.23.45" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Keys_round_trip_for_every_encoding(string kind, char separator, string key)
    {
        var encoding = new ChunkKeyEncoding(kind == "v2" ? ChunkKeyEncodingKind.V2 : ChunkKeyEncodingKind.Default, separator);
        var index = new long[3];

        Assert.True(encoding.TryParse(key, index));
        Assert.Equal([1L, 23L, 45L], index);
        Assert.Equal(key, encoding.KeyFor([1, 23, 45]));
    }

    [Fact]
    public void A_zero_dimensional_array_has_one_key()
    {
        Assert.Equal("0", ChunkKeyEncoding.V2Dot.KeyFor([]));
        Assert.Equal("c", ChunkKeyEncoding.DefaultSlash.KeyFor([]));
        Assert.True(ChunkKeyEncoding.V2Slash.TryParse("0", []));
        Assert.True(ChunkKeyEncoding.DefaultSlash.TryParse("c", []));
        Assert.False(ChunkKeyEncoding.DefaultSlash.TryParse("c/0", []));
    }

    [Theory]
    [InlineData("c/0/1/2")]
    [InlineData("0/1")]
    [InlineData("0.1.2")]
    [InlineData("0/01/2")]
    [InlineData("0/1/2/3")]
    [InlineData("0/-1/2")]
    [InlineData("0//2")]
    [InlineData("._0")]
    [InlineData(".DS_Store")]
    public void Files_that_are_not_keys_of_the_encoding_are_rejected(string key)
    {
        Assert.False(ChunkKeyEncoding.V2Slash.TryParse(key, new long[3]));
    }

    [Theory]
    [InlineData("0/0/0")]
    [InlineData("c.0.0.0")]
    [InlineData("c/0/0")]
    [InlineData("d/0/0/0")]
    public void Default_keys_need_the_c_prefix_and_the_separator(string key)
    {
        Assert.False(ChunkKeyEncoding.DefaultSlash.TryParse(key, new long[3]));
    }
}
