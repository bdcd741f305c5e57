using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Codec;

public sealed class IsccHeaderTests
{
    public static TheoryData<int> FieldValues() => [0, 1, 7, 8, 9, 71, 72, 73, 583, 584, 585, 4679];

    [Theory]
    [MemberData(nameof(FieldValues))]
    public void Every_field_size_round_trips_in_every_position(int value)
    {
        IsccHeader[] headers =
        [
            new((MainType)(value % 8), value, 0, 1),
            new(MainType.Data, 0, value, 3),
            new(MainType.Iscc, 5, 0, value),
            new(MainType.Instance, value, value, value),
        ];
        foreach (var header in headers)
        {
            var bytes = header.Encode();
            Assert.InRange(bytes.Length, 2, 8);
            Assert.Equal(header.EncodedLength, bytes.Length);
            Assert.Equal(header, IsccHeader.Decode([.. bytes, 0xAB, 0xCD], out var consumed));
            Assert.Equal(bytes.Length, consumed);
        }
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(8, 8)]
    [InlineData(72, 12)]
    [InlineData(584, 16)]
    public void A_varnibble_takes_4_8_12_or_16_bits(int value, int bits)
    {
        // Three small fields (12 bits) plus the tested one, padded to whole bytes.
        var header = new IsccHeader(MainType.Data, 0, 0, value);
        Assert.Equal((12 + bits + 7) / 8, header.EncodedLength);
    }

    [Fact]
    public void Small_fields_give_the_two_byte_header_of_an_iscc_sum()
    {
        Assert.Equal([0x55, 0x00], new IsccHeader(MainType.Iscc, IsccSubTypes.IsccSum, 0, 0).Encode());
        Assert.Equal([0x57, 0x00], new IsccHeader(MainType.Iscc, IsccSubTypes.IsccWide, 0, 0).Encode());
        Assert.Equal([0x30, 0x07], new IsccHeader(MainType.Data, 0, 0, 7).Encode());
    }

    [Fact]
    public void Values_beyond_the_largest_varnibble_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsccHeader(MainType.Data, 4680, 0, 0).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsccHeader(MainType.Data, -1, 0, 0).Encode());
    }

    [Fact]
    public void Malformed_headers_are_rejected()
    {
        Assert.False(IsccHeader.TryDecode([0xFF, 0xFF], out _, out _)); // prefix 1111
        Assert.False(IsccHeader.TryDecode([0x30], out _, out _)); // cut short
        Assert.False(IsccHeader.TryDecode([0x30, 0x08, 0x11], out _, out _)); // padding nibble not zero
        Assert.Throws<FormatException>(() => IsccHeader.Decode([], out _));
    }

    [Theory]
    [InlineData(MainType.Data, 0, 0, 32)]
    [InlineData(MainType.Data, 0, 1, 64)]
    [InlineData(MainType.Instance, 0, 7, 256)]
    [InlineData(MainType.Iscc, 5, 0, 128)]
    [InlineData(MainType.Iscc, 0, 7, 320)]
    [InlineData(MainType.Iscc, 7, 0, 256)]
    [InlineData(MainType.Id, 0, 1, 72)]
    public void Body_bits_follow_the_length_semantics_of_the_main_type(MainType mainType, int subType, int length, int bits) =>
        Assert.Equal(bits, new IsccHeader(mainType, subType, 0, length).BodyBits);
}
