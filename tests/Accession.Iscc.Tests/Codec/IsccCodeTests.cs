using Accession.Iscc.Codec;

namespace Accession.Iscc.Tests.Codec;

public sealed class IsccCodeTests
{
    /// <summary>The placeholder from the omero-iscc README: a TEXT ISCC-CODE header with too short a body (§3.4).</summary>
    private const string Placeholder = "ISCC:KAD2XGH4AUDGVPKQFHYMQX3EMHULA";

    public static TheoryData<string> Codes() => CodeSamples.All();

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_vector_code_parses_and_prints_back_unchanged(string text)
    {
        var code = IsccCode.Parse(text);
        Assert.Equal(text, code.ToString());
        Assert.Equal(code.Header.BodyBits, code.BodyBits);
        Assert.Equal(code, IsccCode.FromBytes(code.ToBytes()));
        Assert.True(IsccCode.TryParse(text, out var again));
        Assert.Equal(code, again);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Scheme_case_dashes_and_whitespace_are_cleaned(string text)
    {
        var bare = text["ISCC:".Length..];
        var spaced = string.Join('-', bare.Chunk(8).Select(c => new string(c)));
        foreach (var variant in new[] { bare, bare.ToLowerInvariant(), "iscc:" + bare.ToLowerInvariant(), $"  ISCC: {spaced} \n", "Iscc:" + spaced })
        {
            Assert.Equal(text, IsccCode.Parse(variant).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Composite_codes_decompose_and_compose_back(string text)
    {
        var code = IsccCode.Parse(text);
        var units = code.Decompose();
        if (code.MainType != MainType.Iscc)
        {
            Assert.Equal([code], units);
            return;
        }

        Assert.Equal(MainType.Data, units[^2].MainType);
        Assert.Equal(MainType.Instance, units[^1].MainType);
        Assert.Equal(code, IsccCode.Compose(units, code.Header.SubType == IsccSubTypes.IsccWide ? IsccSumWidth.Wide : IsccSumWidth.Narrow));
    }

    [Fact]
    public void The_placeholder_code_is_rejected_because_its_body_is_too_short()
    {
        var error = Assert.Throws<FormatException>(() => IsccCode.Parse(Placeholder));
        Assert.Contains("expects 40 but got 16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(Placeholder, error.Message, StringComparison.Ordinal);
        Assert.False(IsccCode.TryParse(Placeholder, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ISCC:")]
    [InlineData("ISCC:KUA1T3PT7PO3RSCYK5JRHEQEAWCIY")]
    [InlineData("URN:KUAJT3PT7PO3RSCYK5JRHEQEAWCIY")]
    [InlineData("ISCC:KUAJT3PT7PO3RSCYK5JRHEQEAWCI")]
    [InlineData("ISCC:GAAXL2XYM5BQIAZ3GA")]
    [InlineData("ISCC:GEAXL2XYM5BQIAZ3")]
    public void Malformed_text_is_a_format_error_with_the_text_in_the_message(string text)
    {
        var error = Assert.Throws<FormatException>(() => IsccCode.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(IsccCode.TryParse(text, out _));
    }

    public static TheoryData<string> ComposeCases() => Vectors.CaseNames(Vectors.IsccCore, "gen_iscc_code_v0");

    [Theory]
    [MemberData(nameof(ComposeCases))]
    public void Iscc_core_gen_iscc_code_v0_vectors_match(string name)
    {
        var testCase = Vectors.IsccCore.GetProperty("gen_iscc_code_v0").GetProperty(name);
        var units = testCase.GetProperty("inputs")[0].EnumerateArray().Select(u => IsccCode.Parse(u.GetString()!)).ToList();
        var outputs = new Dictionary<string, object> { ["iscc"] = IsccCode.Compose(units).ToString() };
        JsonAssert.SameObject(testCase.GetProperty("outputs"), outputs, name);
    }

    public static TheoryData<string> ExtendedCases() => Vectors.ExtendedNames();

    [Theory]
    [MemberData(nameof(ExtendedCases))]
    public void Composing_the_256_bit_units_gives_the_narrow_and_wide_sums(string name)
    {
        var data = IsccCode.Parse(Vectors.ExtendedOutput(name, "data_code_256").GetString()!);
        var instance = IsccCode.Parse(Vectors.ExtendedOutput(name, "instance_code_256").GetString()!);
        var narrow = Vectors.ExtendedOutput(name, "iscc_sum").GetString();
        var wide = Vectors.ExtendedOutput(name, "iscc_sum_wide").GetString();

        Assert.Equal(narrow, IsccCode.Compose([instance, data]).ToString());
        Assert.Equal(wide, IsccCode.Compose([instance, data], IsccSumWidth.Wide).ToString());
        Assert.Equal(narrow, IsccCode.Sum(data.Body.Span, instance.Body.Span, IsccSumWidth.Narrow).ToString());
        Assert.Equal(wide, IsccCode.Sum(data.Body.Span, instance.Body.Span, IsccSumWidth.Wide).ToString());
    }

    [Theory]
    [MemberData(nameof(ExtendedCases))]
    public void Sums_decompose_into_64_or_128_bit_units(string name)
    {
        var data256 = IsccCode.Parse(Vectors.ExtendedOutput(name, "data_code_256").GetString()!);
        var instance256 = IsccCode.Parse(Vectors.ExtendedOutput(name, "instance_code_256").GetString()!);

        var narrow = IsccCode.Parse(Vectors.ExtendedOutput(name, "iscc_sum").GetString()!).Decompose();
        Assert.Equal(Vectors.ExtendedOutput(name, "data_code_64").GetString(), narrow[0].ToString());
        Assert.Equal(Vectors.ExtendedOutput(name, "instance_code_64").GetString(), narrow[1].ToString());

        var wide = IsccCode.Parse(Vectors.ExtendedOutput(name, "iscc_sum_wide").GetString()!).Decompose();
        Assert.Equal(IsccCode.DataCode(data256.Body.Span, 128), wide[0]);
        Assert.Equal(IsccCode.InstanceCode(instance256.Body.Span, 128), wide[1]);
    }

    [Fact]
    public void Wide_falls_back_to_the_narrow_sum_when_a_unit_has_only_64_bits()
    {
        // The pitfall of gen_iscc_code_v0 (§3.3): wide=True with a 64-bit unit silently gives SUM.
        var name = "splitmix64_s1_4096";
        var data64 = IsccCode.Parse(Vectors.ExtendedOutput(name, "data_code_64").GetString()!);
        var instance256 = IsccCode.Parse(Vectors.ExtendedOutput(name, "instance_code_256").GetString()!);

        var composed = IsccCode.Compose([data64, instance256], IsccSumWidth.Wide);
        Assert.Equal(IsccSubTypes.IsccSum, composed.Header.SubType);
        Assert.Equal(Vectors.ExtendedOutput(name, "iscc_sum").GetString(), composed.ToString());
    }

    [Fact]
    public void Units_that_cannot_form_an_iscc_code_are_rejected()
    {
        var data = IsccCode.DataCode(new byte[32]);
        var instance = IsccCode.InstanceCode(new byte[32]);
        var shortData = IsccCode.DataCode(new byte[32], 32);
        var sum = IsccCode.Sum(new byte[32], new byte[32], IsccSumWidth.Narrow);

        Assert.Throws<ArgumentException>(() => IsccCode.Compose([data]));
        Assert.Throws<ArgumentException>(() => IsccCode.Compose([data, data]));
        Assert.Throws<ArgumentException>(() => IsccCode.Compose([data, data, instance]));
        Assert.Throws<ArgumentException>(() => IsccCode.Compose([shortData, instance]));
        Assert.Throws<ArgumentException>(() => IsccCode.Compose([sum, data, instance]));
    }

    [Fact]
    public void Unit_factories_check_bits_and_digest_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IsccCode.DataCode(new byte[32], 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsccCode.InstanceCode(new byte[32], 288));
        Assert.Throws<ArgumentException>(() => IsccCode.DataCode(new byte[4], 64));
        Assert.Throws<ArgumentException>(() => IsccCode.Sum(new byte[8], new byte[8], IsccSumWidth.Wide));
        Assert.StartsWith("ISCC:GAB", IsccCode.DataCode(new byte[32], 128).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("ISCC:IAD", IsccCode.InstanceCode(new byte[32], 256).ToString(), StringComparison.Ordinal);
    }
}
