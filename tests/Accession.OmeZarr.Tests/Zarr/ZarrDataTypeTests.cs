using System.Text.Json;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Tests.Zarr;

public class ZarrDataTypeTests
{
    [Theory]
    [InlineData("|u1", "uint8", true)]
    [InlineData("<u2", "uint16", true)]
    [InlineData(">i4", "int32", true)]
    [InlineData("<i8", "int64", true)]
    [InlineData("<f4", "float32", false)]
    [InlineData("<f8", "float64", false)]
    [InlineData("|b1", "bool", false)]
    [InlineData("<c16", "complex128", false)]
    [InlineData("<M8[ns]", "<M8[ns]", false)]
    public void NumPy_type_strings_are_normalised_to_v3_names(string typeString, string name, bool isInteger)
    {
        var type = ZarrDataType.FromV2(JsonDocument.Parse($"\"{typeString}\"").RootElement);

        Assert.True(type.IsKnown);
        Assert.Equal(name, type.Name);
        Assert.Equal(isInteger, type.IsInteger);
    }

    [Theory]
    [InlineData("\"u2\"")]
    [InlineData("\"<u3\"")]
    [InlineData("\"uint16\"")]
    [InlineData("42")]
    public void Malformed_v2_types_are_unknown(string json)
    {
        Assert.False(ZarrDataType.FromV2(JsonDocument.Parse(json).RootElement).IsKnown);
    }

    [Theory]
    [InlineData("\"uint16\"", true)]
    [InlineData("\"float32\"", true)]
    [InlineData("\"r16\"", true)]
    [InlineData("{\"name\": \"int8\"}", true)]
    [InlineData("\"r12\"", false)]
    [InlineData("\"<u2\"", false)]
    [InlineData("\"quaternion\"", false)]
    public void V3_data_types_are_known_by_name(string json, bool known)
    {
        Assert.Equal(known, ZarrDataType.FromV3(JsonDocument.Parse(json).RootElement).IsKnown);
    }
}
