namespace Accession.Iscc.Codec;

/// <summary>
/// The self-describing ISCC header: MainType, SubType, Version and Length, each a "varnibble"
/// (shared/specs/iscc-sum.md §3.1; IEP-0001; iscc-core codec <c>encode_header</c>/<c>decode_header</c>).
/// <see cref="Length"/> is the raw header field; its meaning depends on the MainType (see <see cref="BodyBits"/>).
/// Immutable, so thread-safe.
/// </summary>
public readonly record struct IsccHeader(MainType MainType, int SubType, int Version, int Length)
{
    /// <summary>The largest value a varnibble can hold (prefix <c>1110</c> with 12 data bits).</summary>
    public const int MaxFieldValue = 4679;

    /// <summary>Number of bytes <see cref="Encode"/> produces (2 to 8).</summary>
    public int EncodedLength
    {
        get
        {
            var bits = VarnibbleBits((int)MainType) + VarnibbleBits(SubType) + VarnibbleBits(Version) + VarnibbleBits(Length);
            return (bits + 7) / 8;
        }
    }

    /// <summary>
    /// The number of body bits this header announces: <c>(Length+1)·32</c> for units, 64 per optional
    /// unit plus 128 for an ISCC-CODE (always 256 for WIDE), <c>Length·8+64</c> for an ISCC-ID.
    /// </summary>
    public int BodyBits => MainType switch
    {
        MainType.Meta or MainType.Semantic or MainType.Content or MainType.Data or MainType.Instance or MainType.Flake
            => (Length + 1) * 32,
        MainType.Iscc when SubType == IsccSubTypes.IsccWide => 256,
        MainType.Iscc => (System.Numerics.BitOperations.PopCount((uint)(Length & 7)) * 64) + 128,
        MainType.Id => (Length * 8) + 64,
        _ => throw new InvalidOperationException($"MainType {(int)MainType} has no defined length."),
    };

    /// <summary>The header as bytes: four varnibbles, padded with a zero nibble to whole bytes.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Writes the encoded header and returns the number of bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        var length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"The header needs {length} bytes.", nameof(destination));
        }

        destination[..length].Clear();
        var bit = 0;
        foreach (var field in (ReadOnlySpan<int>)[(int)MainType, SubType, Version, Length])
        {
            var (value, count) = Varnibble(field);
            for (var i = count - 1; i >= 0; i--, bit++)
            {
                if (((value >> i) & 1) != 0)
                {
                    destination[bit >> 3] |= (byte)(0x80 >> (bit & 7));
                }
            }
        }

        return length;
    }

    /// <summary>Reads a header from the start of <paramref name="data"/>.</summary>
    /// <exception cref="FormatException">The bytes do not start with a well-formed header.</exception>
    public static IsccHeader Decode(ReadOnlySpan<byte> data, out int bytesConsumed) =>
        TryDecode(data, out var header, out bytesConsumed)
            ? header
            : throw new FormatException("The ISCC header is malformed: its varnibble fields are cut short or use an unknown prefix.");

    /// <summary>Reads a header from the start of <paramref name="data"/>; false if it is malformed.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out IsccHeader header, out int bytesConsumed)
    {
        header = default;
        bytesConsumed = 0;
        var totalBits = data.Length * 8;
        var bit = 0;
        Span<int> fields = stackalloc int[4];
        for (var f = 0; f < 4; f++)
        {
            // The number of leading one bits (0..3) selects the width: 4, 8, 12 or 16 bits.
            var ones = 0;
            while (ones < 4 && bit + ones < totalBits && ReadBit(data, bit + ones) == 1)
            {
                ones++;
            }

            if (ones == 4)
            {
                return false;
            }

            var width = 4 * (ones + 1);
            if (bit + width > totalBits)
            {
                return false;
            }

            var value = 0;
            for (var i = ones + 1; i < width; i++)
            {
                value = (value << 1) | ReadBit(data, bit + i);
            }

            fields[f] = value + ones switch { 0 => 0, 1 => 8, 2 => 72, _ => 584 };
            bit += width;
        }

        // An odd number of nibbles is padded with 0000 to a whole byte.
        if ((bit & 7) != 0)
        {
            for (var i = 0; i < 4; i++)
            {
                if (ReadBit(data, bit + i) != 0)
                {
                    return false;
                }
            }

            bit += 4;
        }

        header = new IsccHeader((MainType)fields[0], fields[1], fields[2], fields[3]);
        bytesConsumed = bit / 8;
        return true;
    }

    private static int ReadBit(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;

    private static int VarnibbleBits(int n) => Varnibble(n).Bits;

    /// <summary>The varnibble code of <paramref name="n"/> as an integer of <c>Bits</c> bits.</summary>
    private static (int Value, int Bits) Varnibble(int n) => n switch
    {
        >= 0 and < 8 => (n, 4),
        >= 8 and < 72 => ((0b10 << 6) | (n - 8), 8),
        >= 72 and < 584 => ((0b110 << 9) | (n - 72), 12),
        >= 584 and <= MaxFieldValue => ((0b1110 << 12) | (n - 584), 16),
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, $"A header field must be between 0 and {MaxFieldValue}."),
    };
}
