using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Codec;

public sealed class IsccExplanationTests
{
    public static TheoryData<string> Codes() => CodeSamples.All();

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_vector_code_explains_consistently(string text)
    {
        var code = IsccCode.Parse(text);
        var explanation = code.Explain();

        Assert.Equal(text, explanation.Iscc);
        Assert.Equal(code.MainType.ToString().ToUpperInvariant(), explanation.MainType);
        Assert.Equal(IsccSubTypes.Name(code.MainType, code.Header.SubType), explanation.SubType);
        Assert.Equal(0, explanation.Version);
        Assert.Equal(code.Header.Length, explanation.LengthField);
        Assert.Equal(code.BodyBits, explanation.BodyBits);
        Assert.Equal(Convert.ToHexStringLower(code.ToBytes()), explanation.HeaderHex + explanation.BodyHex);
        Assert.Equal(Convert.ToHexStringLower(code.Body.Span), explanation.BodyHex);
        Assert.StartsWith($"{explanation.MainType}-{explanation.SubType}-V0-", explanation.TypeId, StringComparison.Ordinal);
        if (code.MainType == MainType.Iscc)
        {
            Assert.Equal(code.Decompose().Select(u => u.ToString()), explanation.Units.Select(u => u.Iscc));
            Assert.EndsWith("DATA+INSTANCE", explanation.Length, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(explanation.Units);
            Assert.Equal($"{code.BodyBits} bits", explanation.Length);
        }
    }

    [Theory]
    [InlineData("iscc_sum", "SUM", "ISCC-SUM-V0-DI", 64)]
    [InlineData("iscc_sum_wide", "WIDE", "ISCC-WIDE-V0-DI", 128)]
    public void Sums_explain_their_subtype_and_units(string output, string subType, string typeId, int unitBits)
    {
        var explanation = IsccCode.Parse(Vectors.ExtendedOutput("splitmix64_s1_1048576", output).GetString()!).Explain();

        Assert.Equal("ISCC", explanation.MainType);
        Assert.Equal(subType, explanation.SubType);
        Assert.Equal(typeId, explanation.TypeId);
        Assert.Equal("DATA+INSTANCE", explanation.Length);
        Assert.Equal(["DATA", "INSTANCE"], explanation.Units.Select(u => u.MainType));
        Assert.All(explanation.Units, u => Assert.Equal(unitBits, u.BodyBits));
        Assert.All(explanation.Units, u => Assert.Equal("NONE", u.SubType));
    }

    [Fact]
    public void A_full_iscc_code_names_all_its_units()
    {
        var testCase = Vectors.IsccCore.GetProperty("gen_iscc_code_v0").GetProperty("test_0000_standard");
        var explanation = IsccCode.Parse(testCase.GetProperty("outputs").GetProperty("iscc").GetString()!).Explain();

        Assert.Equal("TEXT", explanation.SubType);
        Assert.Equal("META+CONTENT+DATA+INSTANCE", explanation.Length);
        Assert.Equal("ISCC-TEXT-V0-MCDI", explanation.TypeId);
    }
}
