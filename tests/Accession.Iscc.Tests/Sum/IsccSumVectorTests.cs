using System.Text.Json;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Sum;

/// <summary>The iscc-sum v0.1.0 <c>code_iscc_sum</c> vectors, through every entry point of the engine.</summary>
[Trait("Category", "Conformance")]
public sealed class IsccSumVectorTests
{
    public static TheoryData<string> Cases() => Vectors.CaseNames(Vectors.IsccSum, "code_iscc_sum");

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_shot_matches(string name)
    {
        var (data, wide, units, expected) = Case(name);
        JsonAssert.SameObject(expected, Outputs(IsccSum.Hash(data), wide, units), name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_split_matches(string name)
    {
        var (data, wide, units, expected) = Case(name);
        foreach (var (split, pieces) in Splits.For(data.Length))
        {
            var hasher = new IsccSumHasher();
            Splits.Feed(data, pieces, hasher.Append);
            JsonAssert.SameObject(expected, Outputs(hasher.GetCurrentResult(), wide, units), $"{name}, split {split}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stream_matches(string name)
    {
        var (data, wide, units, expected) = Case(name);
        using var stream = new MemoryStream(data);
        JsonAssert.SameObject(expected, Outputs(await IsccSum.HashAsync(stream), wide, units), name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task File_matches(string name)
    {
        var (data, wide, units, expected) = Case(name);
        using var folder = new TempFolder();
        var path = folder.File("input.bin");
        await File.WriteAllBytesAsync(path, data);
        JsonAssert.SameObject(expected, Outputs(await IsccSum.HashFileAsync(path), wide, units), name);
    }

    private static (byte[] Data, bool Wide, bool Units, JsonElement Expected) Case(string name)
    {
        var testCase = Vectors.IsccSum.GetProperty("code_iscc_sum").GetProperty(name);
        var inputs = testCase.GetProperty("inputs");
        return (Vectors.StreamInput(inputs[0]), inputs[1].GetBoolean(), inputs[2].GetBoolean(), testCase.GetProperty("outputs"));
    }

    /// <summary>The result in iscc-sum's shape: <c>units</c> only when asked for.</summary>
    private static Dictionary<string, object> Outputs(IsccSumResult result, bool wide, bool addUnits)
    {
        var outputs = new Dictionary<string, object>
        {
            ["iscc"] = result.ToIscc(wide ? IsccSumWidth.Wide : IsccSumWidth.Narrow),
            ["datahash"] = result.Datahash,
            ["filesize"] = result.Filesize,
        };
        if (addUnits)
        {
            outputs["units"] = result.Units;
        }

        return outputs;
    }
}
