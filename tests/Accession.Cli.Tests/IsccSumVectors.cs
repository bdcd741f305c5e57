using System.Text.Json;
using Accession.TestKit;

namespace Accession.Cli.Tests;

/// <summary>The <c>code_iscc_sum</c> cases of the shared iscc-sum vectors (inputs given as hex streams).</summary>
internal static class IsccSumVectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = File.OpenRead(SharedData.Path("vectors", "iscc-sum", "test_vectors.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var property in Root.Value.GetProperty("code_iscc_sum").EnumerateObject())
        {
            data.Add(property.Name);
        }

        return data;
    }

    /// <summary>One case: the input bytes, whether wide, whether units are wanted, and the expected outputs.</summary>
    public static (byte[] Input, bool Wide, bool Units, string Iscc, string[] ExpectedUnits) Case(string name)
    {
        var test = Root.Value.GetProperty("code_iscc_sum").GetProperty(name);
        var inputs = test.GetProperty("inputs");
        var stream = inputs[0].GetString()!;
        const string prefix = "stream:";
        Assert.StartsWith(prefix, stream, StringComparison.Ordinal);
        var outputs = test.GetProperty("outputs");
        string[] units = outputs.TryGetProperty("units", out var u) ? [.. u.EnumerateArray().Select(e => e.GetString()!)] : [];
        return (Convert.FromHexString(stream.AsSpan(prefix.Length)), inputs[1].GetBoolean(), inputs[2].GetBoolean(), outputs.GetProperty("iscc").GetString()!, units);
    }
}
