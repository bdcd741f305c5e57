using System.Numerics;

namespace Accession.Iscc.Codec;

/// <summary>
/// Similarity of ISCC-SUMs: the Hamming distance over the Data-Code bits only, 64 bits narrow and
/// 128 bits wide (shared/specs/iscc-sum.md §3.3; iscc-sum <c>--similar</c>). Stateless, so thread-safe.
/// </summary>
public static class IsccSimilarity
{
    /// <summary>
    /// The number of differing Data-Code bits of two codes (ISCC-CODEs with a Data-Code, or Data-Code
    /// units). When their Data-Codes differ in length, the common prefix is compared.
    /// </summary>
    /// <exception cref="ArgumentException">A code holds no Data-Code.</exception>
    public static int DataHammingDistance(IsccCode a, IsccCode b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = DataBody(a, nameof(a));
        var right = DataBody(b, nameof(b));
        var common = Math.Min(left.Length, right.Length);
        var distance = 0;
        for (var i = 0; i < common; i++)
        {
            distance += BitOperations.PopCount((uint)(left[i] ^ right[i]));
        }

        return distance;
    }

    private static ReadOnlySpan<byte> DataBody(IsccCode code, string parameter)
    {
        var data = code.Decompose().FirstOrDefault(u => u.MainType == MainType.Data);
        return data is not null
            ? data.Body.Span
            : throw new ArgumentException($"{code} has no Data-Code to compare.", parameter);
    }
}
