using System.Text;
using System.Text.Json;
using Accession.Iscc.Blake3;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Blake3;

[Trait("Category", "Conformance")]
public sealed class Blake3VectorTests
{
    private static readonly JsonDocument Vectors =
        JsonDocument.Parse(File.ReadAllBytes(SharedData.Path("vectors", "blake3", "test_vectors.json")));

    public static TheoryData<int> InputLengths()
    {
        var data = new TheoryData<int>();
        foreach (var testCase in Vectors.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(testCase.GetProperty("input_len").GetInt32());
        }

        return data;
    }

    private static byte[] Input(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    private static JsonElement Case(int length) =>
        Vectors.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("input_len").GetInt32() == length);

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Theory]
    [MemberData(nameof(InputLengths))]
    public void Regular_hash_matches_the_full_extended_output(int length)
    {
        var expected = Case(length).GetProperty("hash").GetString()!;
        var hasher = new Blake3Hasher();
        hasher.Append(Input(length));
        var output = new byte[expected.Length / 2];
        hasher.GetCurrentHash(output);

        Assert.Equal(expected, Hex(output));
        Assert.Equal(expected[..64], Hex(Blake3Hasher.Hash(Input(length))));
    }

    [Theory]
    [MemberData(nameof(InputLengths))]
    public void Keyed_hash_matches_the_full_extended_output(int length)
    {
        var expected = Case(length).GetProperty("keyed_hash").GetString()!;
        var key = Encoding.ASCII.GetBytes(Vectors.RootElement.GetProperty("key").GetString()!);
        var hasher = Blake3Hasher.CreateKeyed(key);
        hasher.Append(Input(length));
        var output = new byte[expected.Length / 2];
        hasher.GetCurrentHash(output);

        Assert.Equal(expected, Hex(output));
    }

    [Theory]
    [MemberData(nameof(InputLengths))]
    public void Derive_key_matches_the_full_extended_output(int length)
    {
        var expected = Case(length).GetProperty("derive_key").GetString()!;
        var hasher = Blake3Hasher.CreateDeriveKey(Vectors.RootElement.GetProperty("context_string").GetString()!);
        hasher.Append(Input(length));
        var output = new byte[expected.Length / 2];
        hasher.GetCurrentHash(output);

        Assert.Equal(expected, Hex(output));
    }
}
