using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Codec;

public sealed class Base32Tests
{
    [Theory]
    // RFC 4648 §10 test vectors, without padding.
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encodes_the_rfc_4648_vectors_without_padding(string text, string base32)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        Assert.Equal(base32, Base32.Encode(bytes));
        Assert.Equal(bytes, Base32.Decode(base32));
        Assert.Equal(bytes, Base32.Decode(base32.ToLowerInvariant()));
    }

    [Fact]
    public void Random_bytes_round_trip()
    {
        var random = new Random(3);
        for (var length = 0; length < 80; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes)));
        }
    }

    [Theory]
    [InlineData("MZXW6YT1")]
    [InlineData("MZXW6=")]
    [InlineData("M")]
    [InlineData("MZX")]
    [InlineData("MZXW6Y")]
    public void Rejects_characters_outside_the_alphabet_and_impossible_lengths(string text)
    {
        Assert.Throws<FormatException>(() => Base32.Decode(text));
        Assert.False(Base32.TryDecode(text, out _));
    }
}
