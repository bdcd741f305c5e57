using System.Text.Json;
using Accession.Iscc;
using Accession.Iscc.Codec;
using Accession.TestKit;

namespace Accession.Cli.Tests.Commands;

public class ExplainTests
{
    public static TheoryData<string> VectorNames() => IsccSumVectors.Names();

    [Theory]
    [MemberData(nameof(VectorNames))]
    public async Task Sums_from_the_vectors_decompose_into_their_data_and_instance_units(string name)
    {
        var (input, wide, _, iscc, _) = IsccSumVectors.Case(name);
        var sum = IsccSum.Hash(input);
        var bits = wide ? 128 : 64;

        var result = await CliRunner.RunAsync("explain", "--json", iscc);

        Assert.Equal(0, result.ExitCode);
        var code = Assert.Single(JsonDocument.Parse(result.Output).RootElement.EnumerateArray());
        Assert.Equal(iscc, code.GetProperty("iscc").GetString());
        Assert.Equal("ISCC", code.GetProperty("mainType").GetString());
        Assert.Equal(wide ? "WIDE" : "SUM", code.GetProperty("subType").GetString());
        Assert.Equal(wide ? "5700" : "5500", code.GetProperty("header").GetString());
        Assert.Equal(2 * bits, code.GetProperty("bodyBits").GetInt32());
        var units = code.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["DATA", "INSTANCE"], units.Select(u => u.GetProperty("mainType").GetString()));
        Assert.Equal(Convert.ToHexStringLower(sum.DataDigest.Span[..(bits / 8)]), units[0].GetProperty("body").GetString());
        Assert.Equal(Convert.ToHexStringLower(sum.InstanceDigest.Span[..(bits / 8)]), units[1].GetProperty("body").GetString());
    }

    public static TheoryData<string> CompositeNames()
    {
        var data = new TheoryData<string>();
        foreach (var test in IsccCoreData().GetProperty("gen_iscc_code_v0").EnumerateObject())
        {
            data.Add(test.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CompositeNames))]
    public async Task Composite_codes_from_iscc_core_list_one_unit_per_input_in_main_type_order(string name)
    {
        var test = IsccCoreData().GetProperty("gen_iscc_code_v0").GetProperty(name);
        var iscc = test.GetProperty("outputs").GetProperty("iscc").GetString()!;
        var inputs = test.GetProperty("inputs")[0].EnumerateArray().Select(u => IsccCode.Parse(u.GetString()!)).OrderBy(u => u.MainType).ToList();

        var result = await CliRunner.RunAsync("explain", "--json", iscc);

        Assert.Equal(0, result.ExitCode);
        var units = Assert.Single(JsonDocument.Parse(result.Output).RootElement.EnumerateArray()).GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(inputs.Select(u => u.MainType.ToString().ToUpperInvariant()), units.Select(u => u.GetProperty("mainType").GetString()));
        Assert.Equal(
            inputs.Select(u => Convert.ToHexStringLower(u.Body.Span[..8])),
            units.Select(u => u.GetProperty("body").GetString()));
    }

    private static JsonElement IsccCoreData()
    {
        using var stream = File.OpenRead(SharedData.Path("vectors", "iscc-core", "data.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public async Task Json_is_one_array_for_several_codes_in_order()
    {
        var result = await CliRunner.RunAsync("explain", "--json", "ISCC:GAASL4F2WZY7KBXB", "iaa26e2jxh27ting");

        Assert.Equal(0, result.ExitCode);
        var codes = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["DATA-NONE-V0-64", "INSTANCE-NONE-V0-64"], codes.Select(c => c.GetProperty("typeId").GetString()));
        Assert.Equal("64 bits", codes[0].GetProperty("length").GetString());
        Assert.Empty(codes[0].GetProperty("units").EnumerateArray());
        Assert.Equal("ISCC:IAA26E2JXH27TING", codes[1].GetProperty("iscc").GetString());
    }

    [Fact]
    public async Task Human_output_names_every_field_and_lists_units()
    {
        var result = await CliRunner.RunAsync("explain", "ISCC:KUAIFYXGML3SRNH25MIWPM3HVHBXQ");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ISCC:KUAIFYXGML3SRNH25MIWPM3HVHBXQ", result.Lines[0]);
        Assert.Contains("  type      ISCC-SUM-V0-DI", result.Lines);
        Assert.Contains("  length    DATA+INSTANCE (field 0)", result.Lines);
        Assert.Contains("  body      128 bits 82e2e662f728b4faeb1167b367a9c378", result.Lines);
        Assert.Contains("    ISCC:GAAYFYXGML3SRNH2", result.Lines);
        Assert.Contains("      body      64 bits eb1167b367a9c378", result.Lines);
    }

    [Fact]
    public async Task An_invalid_code_is_named_on_stderr_and_the_others_are_still_explained()
    {
        var result = await CliRunner.RunAsync("explain", "--json", "ISCC:KAD2XGH4AUDGVPKQFHYMQX3EMHULA", "ISCC:GAASL4F2WZY7KBXB", "hello!");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Length);
        Assert.StartsWith("accession explain: 'ISCC:KAD2XGH4AUDGVPKQFHYMQX3EMHULA' is not a valid ISCC: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("'hello!'", result.ErrorLines[1], StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(result.Output).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_code_is_required()
    {
        var result = await CliRunner.RunAsync("explain");

        Assert.Equal(2, result.ExitCode);
    }
}
