using System.Text.Json;
using Accession.Iscc.Codec;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc.Tests.InstanceCode;

/// <summary>The official Instance-Code vectors of iscc-core (data.json) and iscc-sum (test_vectors.json).</summary>
[Trait("Category", "Conformance")]
public sealed class InstanceCodeVectorTests
{
    public static TheoryData<string> IsccCoreCases() => Vectors.CaseNames(Vectors.IsccCore, "gen_instance_code_v0");

    public static TheoryData<string> IsccSumCases() => Vectors.CaseNames(Vectors.IsccSum, "gen_instance_code");

    [Theory]
    [MemberData(nameof(IsccCoreCases))]
    public void Iscc_core_gen_instance_code_v0_vectors_match(string name) =>
        AssertCase(Vectors.IsccCore.GetProperty("gen_instance_code_v0").GetProperty(name));

    [Theory]
    [MemberData(nameof(IsccSumCases))]
    public void Iscc_sum_gen_instance_code_vectors_match(string name) =>
        AssertCase(Vectors.IsccSum.GetProperty("gen_instance_code").GetProperty(name));

    [Fact]
    public void Multihash_is_1e20_and_the_hex_digest()
    {
        var hasher = new InstanceHasher();
        hasher.Append("Hello, ISCC!"u8);
        Assert.Equal("1e20" + Convert.ToHexStringLower(hasher.GetCurrentHash()), hasher.Multihash);
        Assert.Equal(12, hasher.Length);
        hasher.Reset();
        Assert.Equal(InstanceHasher.Hash([]), hasher.GetCurrentHash());
    }

    private static void AssertCase(JsonElement testCase)
    {
        var inputs = testCase.GetProperty("inputs");
        var data = Vectors.StreamInput(inputs[0]);
        var bits = inputs[1].GetInt32();
        var expected = testCase.GetProperty("outputs");

        foreach (var (name, pieces) in Splits.For(data.Length))
        {
            var hasher = new InstanceHasher();
            Splits.Feed(data, pieces, hasher.Append);
            JsonAssert.SameObject(expected, new Dictionary<string, object>
            {
                ["iscc"] = IsccCode.InstanceCode(hasher.GetCurrentHash(), bits).ToString(),
                ["datahash"] = hasher.Multihash,
                ["filesize"] = hasher.Length,
            }, $"split {name}");
        }
    }
}
