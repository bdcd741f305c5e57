using System.Text;
using System.Text.Json;
using Accession.Iscc.Blake3;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Blake3;

/// <summary>The official BLAKE3 vectors, inputs and split patterns shared by the BLAKE3 tests.</summary>
internal static class Blake3TestData
{
    public static readonly JsonDocument Vectors =
        JsonDocument.Parse(File.ReadAllBytes(SharedData.Path("vectors", "blake3", "test_vectors.json")));

    public static IEnumerable<JsonElement> Cases => Vectors.RootElement.GetProperty("cases").EnumerateArray();

    public static byte[] Key => Encoding.ASCII.GetBytes(Vectors.RootElement.GetProperty("key").GetString()!);

    public static string Context => Vectors.RootElement.GetProperty("context_string").GetString()!;

    /// <summary>The vector input: byte i is i mod 251.</summary>
    public static byte[] Input(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

    public static JsonElement Case(int length) =>
        Cases.Single(c => c.GetProperty("input_len").GetInt32() == length);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Names of the backends this machine runs, for theory data.</summary>
    public static IEnumerable<string> BackendNames => Blake3Dispatch.Supported.Select(b => b.ToString());

    public static Blake3Backend Backend(string name) => Enum.Parse<Blake3Backend>(name);

    /// <summary>A hasher in the named mode ("hash", "keyed_hash" or "derive_key") on the named backend.</summary>
    public static Blake3Hasher Hasher(string mode, string backend)
    {
        var hasher = mode switch
        {
            "hash" => new Blake3Hasher(),
            "keyed_hash" => Blake3Hasher.CreateKeyed(Key),
            "derive_key" => Blake3Hasher.CreateDeriveKey(Context),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown BLAKE3 mode."),
        };
        hasher.Backend = Backend(backend);
        return hasher;
    }

    /// <summary>
    /// Ways to cut an input of <paramref name="length"/> bytes into appends: whole, fixed part sizes
    /// around block (64), chunk (1024) and subtree boundaries, cuts just either side of every
    /// power-of-two number of chunks, and random sizes from a fixed seed.
    /// </summary>
    public static IEnumerable<(string Name, int[] Parts)> SplitPatterns(int length)
    {
        yield return ("whole", [length]);
        int[] sizes = [1, 7, 63, 64, 65, 1000, 1023, 1024, 1025, 4096, 65536];
        foreach (var size in sizes)
        {
            if (size == 1 && length > 20_000)
            {
                continue;
            }

            if (size < length)
            {
                yield return ($"every {size}", Fixed(length, size));
            }
        }

        for (var chunks = 1; chunks * Blake3Constants.ChunkLength < length; chunks *= 2)
        {
            var boundary = chunks * Blake3Constants.ChunkLength;
            yield return ($"cut at {boundary} - 1", Cuts(length, boundary - 1));
            yield return ($"cut at {boundary}", Cuts(length, boundary));
            yield return ($"cut at {boundary} + 1", Cuts(length, boundary + 1));
        }

        if (length > 1)
        {
            yield return ("one byte, then the rest", Cuts(length, 1));
        }

        var random = new Random(length);
        for (var pattern = 0; pattern < 3; pattern++)
        {
            var parts = new List<int>();
            for (var left = length; left > 0;)
            {
                var part = Math.Min(left, random.Next(0, 3) switch
                {
                    0 => random.Next(0, 80),
                    1 => random.Next(0, 3000),
                    _ => random.Next(0, 40_000),
                });
                parts.Add(part);
                left -= part;
            }

            yield return ($"random {pattern}", [.. parts]);
        }
    }

    public static void AppendInParts(Blake3Hasher hasher, ReadOnlySpan<byte> input, int[] parts)
    {
        foreach (var part in parts)
        {
            hasher.Append(input[..part]);
            input = input[part..];
        }

        Assert.True(input.IsEmpty, "The split pattern must cover the whole input.");
    }

    private static int[] Fixed(int length, int size) =>
        [.. Enumerable.Repeat(size, length / size), .. length % size == 0 ? Array.Empty<int>() : [length % size]];

    private static int[] Cuts(int length, int position) =>
        position >= length ? [length] : [position, length - position];
}
