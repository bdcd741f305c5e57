namespace Accession.OmeZarr.Zarr;

/// <summary>
/// Finds and quotes the bare <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> tokens Python's json
/// module writes (zarr-developers/zarr-python#412), outside of JSON strings.
/// </summary>
internal static class BareNonFiniteTokens
{
    /// <summary>The first bare token, or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8)
    {
        string? found = null;
        Scan(utf8, (token, _) => found ??= token, null);
        return found;
    }

    /// <summary>A copy with every bare token wrapped in quotes.</summary>
    public static byte[] Quote(ReadOnlySpan<byte> utf8)
    {
        var output = new List<byte>(utf8.Length + 16);
        Scan(utf8, (_, _) => { }, output);
        return [.. output];
    }

    private static void Scan(ReadOnlySpan<byte> utf8, Action<string, int> onToken, List<byte>? output)
    {
        var inString = false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (inString)
            {
                output?.Add(b);
                if (b == (byte)'\\' && i + 1 < utf8.Length)
                {
                    output?.Add(utf8[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                output?.Add(b);
                continue;
            }

            var token = Match(utf8[i..]);
            if (token is not null && (i == 0 || !IsWordByte(utf8[i - 1])))
            {
                onToken(token, i);
                if (output is not null)
                {
                    output.Add((byte)'"');
                    for (var k = 0; k < token.Length; k++)
                    {
                        output.Add((byte)token[k]);
                    }

                    output.Add((byte)'"');
                }

                i += token.Length - 1;
                continue;
            }

            output?.Add(b);
        }
    }

    private static string? Match(ReadOnlySpan<byte> rest)
    {
        if (Starts(rest, "NaN"u8))
        {
            return "NaN";
        }

        if (Starts(rest, "Infinity"u8))
        {
            return "Infinity";
        }

        return Starts(rest, "-Infinity"u8) ? "-Infinity" : null;
    }

    private static bool Starts(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> token) =>
        rest.StartsWith(token) && (rest.Length == token.Length || !IsWordByte(rest[token.Length]));

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'.';
}
