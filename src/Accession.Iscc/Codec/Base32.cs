namespace Accession.Iscc.Codec;

/// <summary>
/// RFC 4648 base32 as ISCC uses it: upper-case alphabet <c>A–Z2–7</c>, no padding; decoding is
/// case-insensitive (shared/specs/iscc-sum.md §3.2; iscc-core <c>encode_base32</c>/<c>decode_base32</c>).
/// Stateless, so thread-safe.
/// </summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Encodes bytes as upper-case base32 without padding; unused low bits of the last character are zero.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var length = (data.Length * 8 + 4) / 5;
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        var buffer = 0;
        var bits = 0;
        var c = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[c++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[c] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    /// <summary>Decodes unpadded base32 (any letter case).</summary>
    /// <exception cref="FormatException">The text has a character outside the alphabet or an impossible length.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryDecode(text, out var bytes, out var error) ? bytes : throw new FormatException(error);
    }

    /// <summary>Decodes unpadded base32 (any letter case); false if the text is not base32.</summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        if (text is null)
        {
            bytes = [];
            return false;
        }

        return TryDecode(text, out bytes, out _);
    }

    private static bool TryDecode(string text, out byte[] bytes, out string error)
    {
        bytes = [];
        // 1, 3 and 6 characters past a multiple of 8 cannot come from whole bytes.
        var remainder = text.Length % 8;
        if (remainder is 1 or 3 or 6)
        {
            error = $"'{text}' is not base32: {text.Length} characters cannot encode whole bytes.";
            return false;
        }

        var result = new byte[text.Length * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var o = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = ValueOf(text[i]);
            if (value < 0)
            {
                error = $"'{text}' is not base32: character '{text[i]}' at position {i + 1} is not one of A-Z, 2-7.";
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[o++] = (byte)(buffer >> bits);
            }
        }

        bytes = result;
        error = string.Empty;
        return true;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };
}
