using System.Globalization;
using System.Text;

namespace Accession.OmeZarr.Zarr;

/// <summary>The two chunk key grammars of Zarr.</summary>
public enum ChunkKeyEncodingKind
{
    /// <summary>Zarr v2 keys, and v3's <c>"v2"</c> encoding: <c>1.23.45</c> or <c>1/23/45</c>; a 0-d array's key is <c>0</c>.</summary>
    V2,

    /// <summary>Zarr v3 <c>"default"</c> encoding: <c>c/1/23/45</c> or <c>c.1.23.45</c>; a 0-d array's key is <c>c</c>.</summary>
    Default,
}

/// <summary>
/// How chunk indices map to keys under the array folder (shared/specs/ome-zarr.md §1.4).
/// </summary>
/// <param name="Kind">The grammar.</param>
/// <param name="Separator">'.' or '/'.</param>
public sealed record ChunkKeyEncoding(ChunkKeyEncodingKind Kind, char Separator)
{
    /// <summary>A v2 array without <c>dimension_separator</c> (the v2 default is ".").</summary>
    public static ChunkKeyEncoding V2Dot { get; } = new(ChunkKeyEncodingKind.V2, '.');

    /// <summary>A v2 array with <c>dimension_separator "/"</c> (OME-NGFF 0.2–0.4).</summary>
    public static ChunkKeyEncoding V2Slash { get; } = new(ChunkKeyEncodingKind.V2, '/');

    /// <summary>The v3 default, <c>{"name": "default"}</c>.</summary>
    public static ChunkKeyEncoding DefaultSlash { get; } = new(ChunkKeyEncodingKind.Default, '/');

    /// <summary>The key of the chunk at <paramref name="index"/>, relative to the array folder.</summary>
    public string KeyFor(ReadOnlySpan<long> index)
    {
        var key = new StringBuilder(Kind == ChunkKeyEncodingKind.Default ? "c" : string.Empty);
        if (index.Length == 0)
        {
            return Kind == ChunkKeyEncodingKind.Default ? "c" : "0";
        }

        for (var d = 0; d < index.Length; d++)
        {
            if (d > 0 || Kind == ChunkKeyEncodingKind.Default)
            {
                key.Append(Separator);
            }

            key.Append(index[d].ToString(CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    /// <summary>
    /// Parses a key relative to the array folder into <paramref name="index"/> (one slot per dimension).
    /// Indices are decimal without sign or leading zeros, as writers produce them.
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> key, Span<long> index)
    {
        if (Kind == ChunkKeyEncodingKind.Default)
        {
            if (key.IsEmpty || key[0] != 'c')
            {
                return false;
            }

            if (index.Length == 0)
            {
                return key.Length == 1;
            }

            if (key.Length < 2 || key[1] != Separator)
            {
                return false;
            }

            key = key[2..];
        }
        else if (index.Length == 0)
        {
            return key.SequenceEqual("0");
        }

        for (var d = 0; d < index.Length; d++)
        {
            var end = d == index.Length - 1 ? key.Length : key.IndexOf(Separator);
            if (end <= 0 || !TryParseIndex(key[..end], out index[d]))
            {
                return false;
            }

            key = d == index.Length - 1 ? [] : key[(end + 1)..];
        }

        return true;
    }

    /// <summary>A description such as <c>v2 "/"</c> or <c>default "/"</c>.</summary>
    public override string ToString() => $"{(Kind == ChunkKeyEncodingKind.V2 ? "v2" : "default")} \"{Separator}\"";

    private static bool TryParseIndex(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) || value > (long.MaxValue - 9) / 10)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
