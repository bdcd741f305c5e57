namespace Accession.Iscc.Tests;

/// <summary>
/// Split patterns for streaming tests (shared/vectors/README.md, "Suggested harness rules"): fixed
/// piece sizes around the block, chunk and read boundaries, and random sizes from fixed seeds.
/// </summary>
internal static class Splits
{
    private static readonly int[] FixedSizes = [1, 7, 63, 64, 65, 255, 1000, 1024, 4096, 8191, 8192, 8193, 65536, 2 << 20];

    /// <summary>Piece-length sequences that together cover <paramref name="length"/> bytes.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<int> Pieces)> For(int length)
    {
        foreach (var size in FixedSizes)
        {
            // Tiny pieces only where they stay cheap; they add nothing new on megabytes.
            if (size < 1000 && length > (256 << 10))
            {
                continue;
            }

            yield return ($"fixed {size}", Repeat(length, _ => size));
        }

        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var maxPiece = length > (256 << 10) ? 3 << 20 : 20_000;
            yield return ($"random seed {seed}", Repeat(length, _ => random.Next(length > (256 << 10) ? 1000 : 1, maxPiece)));
        }

        // Mixed tiny and large pieces, with empty ones in between.
        var mixed = new Random(42);
        yield return ("mixed", Repeat(length, i => (i % 3) switch { 0 => 0, 1 => mixed.Next(1, 300), _ => mixed.Next(8000, 300_000) }));
    }

    /// <summary>Feeds <paramref name="data"/> to <paramref name="append"/> in the given pieces.</summary>
    public static void Feed(ReadOnlySpan<byte> data, IReadOnlyList<int> pieces, SpanAction append)
    {
        var offset = 0;
        foreach (var piece in pieces)
        {
            append(data.Slice(offset, piece));
            offset += piece;
        }

        Assert.Equal(data.Length, offset);
    }

    public delegate void SpanAction(ReadOnlySpan<byte> piece);

    private static List<int> Repeat(int length, Func<int, int> next)
    {
        var pieces = new List<int>();
        var covered = 0;
        for (var i = 0; covered < length; i++)
        {
            var piece = Math.Min(next(i), length - covered);
            pieces.Add(piece);
            covered += piece;
        }

        return pieces;
    }
}
