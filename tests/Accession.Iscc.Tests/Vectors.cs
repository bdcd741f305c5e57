using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Accession.TestKit;

namespace Accession.Iscc.Tests;

/// <summary>
/// Reads the shared conformance vectors (shared/vectors/README.md) and rebuilds their inputs:
/// the <c>stream:&lt;hex&gt;</c> convention and the generated inputs of the extended vectors.
/// </summary>
internal static class Vectors
{
    private static readonly Lazy<JsonElement> IsccCoreData = new(() => Load("iscc-core", "data.json"));
    private static readonly Lazy<JsonElement> IsccSumData = new(() => Load("iscc-sum", "test_vectors.json"));
    private static readonly Lazy<JsonElement> ExtendedData = new(() => Load("extended", "iscc_sum_extended.json").GetProperty("iscc_sum_extended"));
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> ExtendedInputs = new();

    public static JsonElement IsccCore => IsccCoreData.Value;

    public static JsonElement IsccSum => IsccSumData.Value;

    public static JsonElement Extended => ExtendedData.Value;

    /// <summary>Names of the test cases of one function, skipping the <c>_</c> keys.</summary>
    public static TheoryData<string> CaseNames(JsonElement root, string function)
    {
        var data = new TheoryData<string>();
        foreach (var property in root.GetProperty(function).EnumerateObject())
        {
            if (!property.Name.StartsWith('_'))
            {
                data.Add(property.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> ExtendedNames()
    {
        var data = new TheoryData<string>();
        foreach (var property in Extended.EnumerateObject())
        {
            data.Add(property.Name);
        }

        return data;
    }

    /// <summary>A <c>stream:&lt;hex&gt;</c> input: exactly the 7-character prefix is removed.</summary>
    public static byte[] StreamInput(JsonElement input)
    {
        const string prefix = "stream:";
        var text = input.GetString()!;
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return Convert.FromHexString(text.AsSpan(prefix.Length));
    }

    /// <summary>The generated input of an extended case (cached: the largest is 10 MB).</summary>
    public static byte[] ExtendedInput(string name) =>
        ExtendedInputs.GetOrAdd(name, n => new Lazy<byte[]>(() => Generate(Extended.GetProperty(n).GetProperty("inputs")))).Value;

    /// <summary>SHA-256 of the generated input must match before any hasher is blamed.</summary>
    public static void AssertInputIsGenerated(string name)
    {
        var expected = Extended.GetProperty(name).GetProperty("outputs").GetProperty("sha256_of_input").GetString();
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(ExtendedInput(name))));
    }

    /// <summary>The named output of an extended case.</summary>
    public static JsonElement ExtendedOutput(string name, string output) =>
        Extended.GetProperty(name).GetProperty("outputs").GetProperty(output);

    /// <summary>SplitMix64 bytes: each 64-bit output little-endian, the last block cut to length.</summary>
    public static byte[] SplitMix64(ulong seed, int length)
    {
        var bytes = new byte[length];
        var state = seed;
        Span<byte> block = stackalloc byte[8];
        for (var offset = 0; offset < length; offset += 8)
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                var z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(block, z);
            }

            block[..Math.Min(8, length - offset)].CopyTo(bytes.AsSpan(offset));
        }

        return bytes;
    }

    private static byte[] Generate(JsonElement inputs)
    {
        var length = inputs.GetProperty("length").GetInt32();
        var generator = inputs.GetProperty("generator").GetString();
        var bytes = generator switch
        {
            "zeros" => new byte[length],
            "pattern251" => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray(),
            "splitmix64" => SplitMix64(inputs.GetProperty("seed").GetUInt64(), length),
            _ => throw new InvalidOperationException($"Unknown generator {generator}."),
        };

        if (!inputs.TryGetProperty("mutations", out var mutations))
        {
            return bytes;
        }

        var list = bytes.ToList();
        foreach (var mutation in mutations.EnumerateArray())
        {
            var offset = mutation.GetProperty("offset").GetInt32();
            if (mutation.TryGetProperty("xor", out var xor))
            {
                list[offset] ^= (byte)xor.GetInt32();
            }
            else if (mutation.TryGetProperty("insert_hex", out var insert))
            {
                list.InsertRange(offset, Convert.FromHexString(insert.GetString()!));
            }
            else if (mutation.TryGetProperty("delete", out var delete))
            {
                list.RemoveRange(offset, delete.GetInt32());
            }
            else
            {
                throw new InvalidOperationException($"Unknown mutation {mutation}.");
            }
        }

        return [.. list];
    }

    private static JsonElement Load(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllBytes(SharedData.Path(["vectors", .. parts]))).RootElement;
}
