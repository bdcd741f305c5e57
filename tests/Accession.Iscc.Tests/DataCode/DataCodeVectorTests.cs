using System.Text.Json;
using Accession.Iscc.Codec;
using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>The official Data-Code vectors of iscc-core (data.json) and iscc-sum (test_vectors.json).</summary>
[Trait("Category", "Conformance")]
public sealed class DataCodeVectorTests
{
    public static TheoryData<string> IsccCoreCases() => Vectors.CaseNames(Vectors.IsccCore, "gen_data_code_v0");

    public static TheoryData<string> IsccSumCases() => Vectors.CaseNames(Vectors.IsccSum, "gen_data_code");

    [Theory]
    [MemberData(nameof(IsccCoreCases))]
    public void Iscc_core_gen_data_code_v0_vectors_match(string name) =>
        AssertCase(Vectors.IsccCore.GetProperty("gen_data_code_v0").GetProperty(name));

    [Theory]
    [MemberData(nameof(IsccSumCases))]
    public void Iscc_sum_gen_data_code_vectors_match(string name) =>
        AssertCase(Vectors.IsccSum.GetProperty("gen_data_code").GetProperty(name));

    private static void AssertCase(JsonElement testCase)
    {
        var inputs = testCase.GetProperty("inputs");
        var data = Vectors.StreamInput(inputs[0]);
        var bits = inputs[1].GetInt32();
        var expected = testCase.GetProperty("outputs");

        JsonAssert.SameObject(expected, Outputs(DataHasher.Hash(data), bits), "one-shot");
        foreach (var (name, pieces) in Splits.For(data.Length))
        {
            var hasher = new DataHasher();
            Splits.Feed(data, pieces, hasher.Append);
            JsonAssert.SameObject(expected, Outputs(hasher.GetCurrentHash(), bits), $"split {name}");
        }
    }

    private static Dictionary<string, object> Outputs(byte[] digest, int bits) =>
        new() { ["iscc"] = IsccCode.DataCode(digest, bits).ToString() };
}
