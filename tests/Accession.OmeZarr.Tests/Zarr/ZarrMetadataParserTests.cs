using System.Text.Json;
using System.Text.Json.Nodes;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Tests.Zarr;

public class ZarrMetadataParserTests
{
    private static JsonObject V2Array() => new()
    {
        ["zarr_format"] = 2,
        ["shape"] = new JsonArray(200, 200),
        ["chunks"] = new JsonArray(100, 100),
        ["dtype"] = "<f8",
        ["compressor"] = new JsonObject { ["id"] = "blosc", ["cname"] = "lz4", ["clevel"] = 5, ["shuffle"] = 1 },
        ["fill_value"] = 0,
        ["order"] = "C",
        ["filters"] = null,
        ["dimension_separator"] = "/",
    };

    private static JsonObject V3Array() => new()
    {
        ["zarr_format"] = 3,
        ["node_type"] = "array",
        ["shape"] = new JsonArray(2, 64, 64),
        ["data_type"] = "uint16",
        ["chunk_grid"] = new JsonObject { ["name"] = "regular", ["configuration"] = new JsonObject { ["chunk_shape"] = new JsonArray(1, 32, 32) } },
        ["chunk_key_encoding"] = new JsonObject { ["name"] = "default" },
        ["fill_value"] = 0,
        ["codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes" }, new JsonObject { ["name"] = "zstd", ["configuration"] = new JsonObject { ["level"] = 0 } }),
        ["dimension_names"] = new JsonArray("c", "y", "x"),
    };

    [Fact]
    public void A_sample_zarray_is_read_with_its_codec_and_nested_keys()
    {
        var path = Samples.OmeZarr("ome-zarr-examples", "data", "valid", "image-02.zarr", "0", ".zarray");
        var (array, findings) = ParseV2(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

        Assert.Empty(findings);
        Assert.Equal([200L, 200L], array!.Shape);
        Assert.Equal([100L, 100L], array.ChunkShape);
        Assert.Equal("float64", array.DataType.Name);
        Assert.Equal(ChunkKeyEncoding.V2Slash, array.ChunkKeyEncoding);
        Assert.Equal("blosc(blocksize=0, clevel=5, cname=lz4, shuffle=1)", Assert.Single(array.Codecs).Describe());
        Assert.Equal(4, array.GridSize());
    }

    [Fact]
    public void Without_dimension_separator_v2_keys_are_dotted()
    {
        var document = V2Array();
        document.Remove("dimension_separator");

        var (array, findings) = ParseV2(document);

        Assert.Empty(findings);
        Assert.Null(array!.DimensionSeparator);
        Assert.Equal(ChunkKeyEncoding.V2Dot, array.ChunkKeyEncoding);
    }

    [Theory]
    [InlineData("zarr_format")]
    [InlineData("shape")]
    [InlineData("chunks")]
    [InlineData("dtype")]
    [InlineData("compressor")]
    [InlineData("fill_value")]
    [InlineData("order")]
    [InlineData("filters")]
    public void Every_mandatory_zarray_key_is_required(string key)
    {
        var document = V2Array();
        document.Remove(key);

        var (_, findings) = ParseV2(document);

        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(key, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunks_and_shape_must_have_the_same_length()
    {
        var document = V2Array();
        document["chunks"] = new JsonArray(100);

        var (array, findings) = ParseV2(document);

        Assert.Null(array);
        Assert.Equal(DatasetRuleIds.ZarrChunksLength, Assert.Single(findings).RuleId);
    }

    [Theory]
    [InlineData("shape", "[-1, 2]")]
    [InlineData("chunks", "[0, 100]")]
    [InlineData("order", "\"X\"")]
    [InlineData("dimension_separator", "\"-\"")]
    [InlineData("filters", "{}")]
    public void Wrongly_typed_zarray_values_are_errors(string key, string json)
    {
        var document = V2Array();
        document[key] = JsonNode.Parse(json);

        var (_, findings) = ParseV2(document);

        Assert.Equal(Severity.Error, Assert.Single(findings).Severity);
    }

    [Fact]
    public void An_unknown_dtype_is_an_error_and_an_unknown_compressor_a_warning()
    {
        var document = V2Array();
        document["dtype"] = "uint16";
        document["compressor"] = new JsonObject { ["id"] = "imagecodecs_jpegxl" };

        var (_, findings) = ParseV2(document);

        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.ZarrDataTypeUnknown && f.Severity == Severity.Error);
        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.ZarrCodecUnknown && f.Severity == Severity.Warning && f.JsonPath == "$.compressor");
    }

    [Fact]
    public void A_v3_array_is_read_with_its_codecs_and_dimension_names()
    {
        var (node, findings) = ParseV3(V3Array());

        Assert.Empty(findings);
        var array = node!.Array!;
        Assert.Equal(ZarrNodeKind.Array, node.Kind);
        Assert.Equal("uint16", array.DataType.Name);
        Assert.Equal(ChunkKeyEncoding.DefaultSlash, array.ChunkKeyEncoding);
        Assert.Equal(["c", "y", "x"], array.DimensionNames!);
        Assert.Equal(["bytes", "zstd(level=0)"], array.Codecs.Select(c => c.Describe()));
        Assert.False(array.IsSharded);
        Assert.Equal(8, array.GridSize());
    }

    [Fact]
    public void The_repository_sample_arrays_parse_cleanly()
    {
        foreach (var level in new[] { "0", "1" })
        {
            var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples.Cells, level, "zarr.json")))!.AsObject();
            var (node, findings) = ParseV3(document);
            Assert.Empty(findings);
            Assert.Equal("gzip(level=6)", node!.Array!.Codecs[1].Describe());
        }
    }

    [Fact]
    public void Dimension_names_must_match_the_number_of_dimensions()
    {
        var document = V3Array();
        document["dimension_names"] = new JsonArray("y", "x");

        var (_, findings) = ParseV3(document);

        Assert.Equal(DatasetRuleIds.ZarrDimensionNamesLength, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void Sharding_gives_the_inner_chunk_shape_and_each_key_is_a_shard()
    {
        var document = V3Array();
        document["codecs"] = new JsonArray(new JsonObject
        {
            ["name"] = "sharding_indexed",
            ["configuration"] = new JsonObject
            {
                ["chunk_shape"] = new JsonArray(1, 16, 16),
                ["codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes" }, new JsonObject { ["name"] = "blosc" }),
                ["index_codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes" }, new JsonObject { ["name"] = "crc32c" }),
                ["index_location"] = "end",
            },
        });

        var (node, findings) = ParseV3(document);

        Assert.Empty(findings);
        Assert.True(node!.Array!.IsSharded);
        Assert.Equal([1L, 16L, 16L], node.Array.InnerChunkShape!);
        Assert.Equal([1L, 32L, 32L], node.Array.ChunkShape);
    }

    [Fact]
    public void Inner_chunks_must_divide_the_shard_shape()
    {
        var document = V3Array();
        document["codecs"] = new JsonArray(new JsonObject
        {
            ["name"] = "sharding_indexed",
            ["configuration"] = new JsonObject { ["chunk_shape"] = new JsonArray(1, 12, 16), ["codecs"] = new JsonArray("bytes") },
        });

        var (_, findings) = ParseV3(document);

        Assert.Equal(DatasetRuleIds.ZarrShardingInvalid, Assert.Single(findings).RuleId);
    }

    [Theory]
    [InlineData("[{\"name\": \"zstd\"}]")]
    [InlineData("[{\"name\": \"bytes\"}, {\"name\": \"bytes\"}]")]
    [InlineData("[]")]
    public void A_codec_chain_needs_exactly_one_array_to_bytes_codec(string codecs)
    {
        var document = V3Array();
        document["codecs"] = JsonNode.Parse(codecs);

        var (_, findings) = ParseV3(document);

        Assert.Equal(DatasetRuleIds.ZarrCodecInvalid, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void An_unknown_v3_codec_is_a_warning()
    {
        var document = V3Array();
        document["codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes" }, new JsonObject { ["name"] = "numcodecs.lzma" });

        var (_, findings) = ParseV3(document);

        var finding = Assert.Single(findings);
        Assert.Equal(DatasetRuleIds.ZarrCodecUnknown, finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Unknown_fields_must_be_marked_must_understand_false()
    {
        var document = V3Array();
        document["custom_extension"] = new JsonObject { ["must_understand"] = false };
        Assert.Empty(ParseV3(document).Findings);

        document["required_extension"] = new JsonObject { ["value"] = 1 };
        Assert.Equal(DatasetRuleIds.ZarrFieldUnknown, Assert.Single(ParseV3(document).Findings).RuleId);
    }

    [Theory]
    [InlineData("{\"name\": \"v2\"}", ChunkKeyEncodingKind.V2, '.')]
    [InlineData("{\"name\": \"v2\", \"configuration\": {\"separator\": \"/\"}}", ChunkKeyEncodingKind.V2, '/')]
    [InlineData("{\"name\": \"default\", \"configuration\": {\"separator\": \".\"}}", ChunkKeyEncodingKind.Default, '.')]
    [InlineData("\"default\"", ChunkKeyEncodingKind.Default, '/')]
    public void Chunk_key_encodings_take_their_default_separators(string json, ChunkKeyEncodingKind kind, char separator)
    {
        var document = V3Array();
        document["chunk_key_encoding"] = JsonNode.Parse(json);

        var (node, findings) = ParseV3(document);

        Assert.Empty(findings);
        Assert.Equal(new ChunkKeyEncoding(kind, separator), node!.Array!.ChunkKeyEncoding);
    }

    [Theory]
    [InlineData("{\"zarr_format\": 3}")]
    [InlineData("{\"zarr_format\": 3, \"node_type\": \"folder\"}")]
    public void A_zarr_json_without_a_known_node_type_is_an_error(string json)
    {
        var (node, findings) = ParseV3(JsonNode.Parse(json)!.AsObject());

        Assert.Null(node);
        Assert.Equal(DatasetRuleIds.ZarrNodeTypeInvalid, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void Extra_zgroup_keys_and_a_wrong_format_are_errors()
    {
        var findings = new List<ValidationFinding>();
        ZarrMetadataParser.CheckZGroup(JsonDocument.Parse("{\"zarr_format\": 3, \"multiscales\": []}").RootElement, new FindingWriter(".zgroup", findings));

        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.ZarrFormatInvalid && f.Severity == Severity.Error);
        Assert.Contains(findings, f => f.RuleId == DatasetRuleIds.ZarrGroupExtraKeys && f.Severity == Severity.Error);
    }

    private static (ZarrArrayMetadata? Array, List<ValidationFinding> Findings) ParseV2(JsonObject document)
    {
        var findings = new List<ValidationFinding>();
        var array = ZarrMetadataParser.ParseZArray(JsonDocument.Parse(document.ToJsonString()).RootElement, new FindingWriter("0/.zarray", findings));
        return (array, findings);
    }

    private static (ZarrJsonNode? Node, List<ValidationFinding> Findings) ParseV3(JsonObject document)
    {
        var findings = new List<ValidationFinding>();
        var node = ZarrMetadataParser.ParseZarrJson(JsonDocument.Parse(document.ToJsonString()).RootElement, new FindingWriter("0/zarr.json", findings));
        return (node, findings);
    }
}
