using System.Text.Json;
using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Zarr;

/// <summary>
/// Reads Zarr node metadata and checks the Zarr-level rules (shared/specs/ome-zarr.md §1.2, §1.3, §1.4,
/// §6; checklist M2): mandatory keys and their types, <c>len(chunks) == len(shape)</c>,
/// <c>dimension_names</c> length, known data types and codecs, chunk key encodings, sharding.
/// </summary>
internal static class ZarrMetadataParser
{
    private static readonly HashSet<string> V3ArrayKeys =
        ["zarr_format", "node_type", "shape", "data_type", "chunk_grid", "chunk_key_encoding", "fill_value", "codecs", "attributes", "storage_transformers", "dimension_names"];

    private static readonly HashSet<string> V3GroupKeys = ["zarr_format", "node_type", "attributes"];

    /// <summary>Checks a <c>.zgroup</c> document.</summary>
    public static void CheckZGroup(JsonElement root, FindingWriter report)
    {
        CheckFormat(root, 2, report);
        foreach (var property in root.EnumerateObject())
        {
            if (!property.NameEquals("zarr_format"))
            {
                report.Error(DatasetRuleIds.ZarrGroupExtraKeys, $"$.{property.Name}", $"'.zgroup' must contain only zarr_format (Zarr v2: other keys MUST NOT be present); move '{property.Name}' to '.zattrs'.");
            }
        }
    }

    /// <summary>Reads a <c>.zarray</c> document; null when shape or chunks are unusable.</summary>
    public static ZarrArrayMetadata? ParseZArray(JsonElement root, FindingWriter report)
    {
        CheckFormat(root, 2, report);
        var shape = ReadShape(root, "shape", allowZero: true, report);
        var chunks = ReadShape(root, "chunks", allowZero: false, report);
        if (shape is not null && chunks is not null && chunks.Length != shape.Length)
        {
            report.Error(DatasetRuleIds.ZarrChunksLength, "$.chunks", $"chunks has {chunks.Length} entries but shape has {shape.Length}; they must have the same length.");
            chunks = null;
        }

        var dataType = new ZarrDataType("?", string.Empty, false);
        if (Required(root, "dtype", report) is { } dtype)
        {
            dataType = ZarrDataType.FromV2(dtype);
            if (!dataType.IsKnown)
            {
                report.Error(DatasetRuleIds.ZarrDataTypeUnknown, "$.dtype", $"dtype {dtype.GetRawText()} is not a NumPy type string such as \"<u2\" or \"|u1\".");
            }
        }

        var codecs = new List<ZarrCodec>();
        if (Required(root, "filters", report) is { } filters)
        {
            if (filters.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var filter in filters.EnumerateArray())
                {
                    AddV2Codec(filter, $"$.filters[{i++}]", codecs, report);
                }
            }
            else if (filters.ValueKind != JsonValueKind.Null)
            {
                report.Error(DatasetRuleIds.ZarrArrayKeyInvalid, "$.filters", "filters must be null or a list of codec objects.");
            }
        }

        if (Required(root, "compressor", report) is { } compressor && compressor.ValueKind != JsonValueKind.Null)
        {
            AddV2Codec(compressor, "$.compressor", codecs, report);
        }

        if (Required(root, "order", report) is { } order && !(order.ValueKind == JsonValueKind.String && order.GetString() is "C" or "F"))
        {
            report.Error(DatasetRuleIds.ZarrArrayKeyInvalid, "$.order", $"order is {order.GetRawText()}; it must be \"C\" or \"F\".");
        }

        var fillValue = Required(root, "fill_value", report) ?? default;
        string? separator = null;
        var encoding = ChunkKeyEncoding.V2Dot;
        if (root.TryGetProperty("dimension_separator", out var sep))
        {
            separator = sep.ValueKind == JsonValueKind.String ? sep.GetString() : sep.GetRawText();
            if (separator == "/")
            {
                encoding = ChunkKeyEncoding.V2Slash;
            }
            else if (separator != ".")
            {
                report.Error(DatasetRuleIds.ZarrChunkLayoutInvalid, "$.dimension_separator", $"dimension_separator is {sep.GetRawText()}; it must be \".\" or \"/\".");
            }
        }

        if (shape is null || chunks is null)
        {
            return null;
        }

        return new ZarrArrayMetadata
        {
            Format = ZarrFormat.V2,
            Shape = shape,
            ChunkShape = chunks,
            DataType = dataType,
            Codecs = codecs,
            ChunkKeyEncoding = encoding,
            DimensionSeparator = separator,
            FillValue = fillValue,
        };
    }

    /// <summary>Reads a <c>zarr.json</c> document; null when its node type cannot be told.</summary>
    public static ZarrJsonNode? ParseZarrJson(JsonElement root, FindingWriter report)
    {
        CheckFormat(root, 3, report);
        var attributes = default(JsonElement);
        if (root.TryGetProperty("attributes", out var attrs))
        {
            if (attrs.ValueKind == JsonValueKind.Object)
            {
                attributes = attrs;
            }
            else
            {
                report.Error(DatasetRuleIds.ZarrArrayKeyInvalid, "$.attributes", "attributes must be a JSON object.");
            }
        }

        var nodeType = root.TryGetProperty("node_type", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
        switch (nodeType)
        {
            case "group":
                CheckUnknownFields(root, V3GroupKeys, report);
                return new ZarrJsonNode(ZarrNodeKind.Group, attributes, null);
            case "array":
                CheckUnknownFields(root, V3ArrayKeys, report);
                return new ZarrJsonNode(ZarrNodeKind.Array, attributes, ParseV3Array(root, report));
            default:
                report.Error(
                    DatasetRuleIds.ZarrNodeTypeInvalid,
                    "$.node_type",
                    nodeType is null ? "zarr.json has no node_type; it must be \"group\" or \"array\"." : $"node_type is \"{nodeType}\"; it must be \"group\" or \"array\".");
                return null;
        }
    }

    private static ZarrArrayMetadata? ParseV3Array(JsonElement root, FindingWriter report)
    {
        var shape = ReadShape(root, "shape", allowZero: true, report);
        var ndim = shape?.Length ?? -1;

        long[]? chunks = null;
        if (Required(root, "chunk_grid", report) is { } grid)
        {
            var name = ExtensionName(grid);
            if (name != "regular")
            {
                report.Error(DatasetRuleIds.ZarrChunkLayoutInvalid, "$.chunk_grid", name is null
                    ? "chunk_grid must be {\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [...]}}."
                    : $"chunk_grid \"{name}\" is not supported; only \"regular\" is defined by Zarr v3.");
            }
            else if (!grid.TryGetProperty("configuration", out var configuration) || configuration.ValueKind != JsonValueKind.Object)
            {
                report.Error(DatasetRuleIds.ZarrChunkLayoutInvalid, "$.chunk_grid.configuration", "the regular chunk grid needs a configuration with chunk_shape.");
            }
            else
            {
                chunks = ReadShape(configuration, "chunk_shape", allowZero: false, report, "$.chunk_grid.configuration");
            }
        }

        if (shape is not null && chunks is not null && chunks.Length != shape.Length)
        {
            report.Error(DatasetRuleIds.ZarrChunksLength, "$.chunk_grid.configuration.chunk_shape", $"chunk_shape has {chunks.Length} entries but shape has {shape.Length}; they must have the same length.");
            chunks = null;
        }

        var dataType = new ZarrDataType("?", string.Empty, false);
        if (Required(root, "data_type", report) is { } dt)
        {
            dataType = ZarrDataType.FromV3(dt);
            if (!dataType.IsKnown)
            {
                report.Error(DatasetRuleIds.ZarrDataTypeUnknown, "$.data_type", $"data_type {dt.GetRawText()} is not a Zarr v3 data type such as \"uint16\" or \"float32\".");
            }
        }

        var encoding = ReadChunkKeyEncoding(root, report);
        var fillValue = Required(root, "fill_value", report) ?? default;

        var codecs = new List<ZarrCodec>();
        long[]? inner = null;
        if (Required(root, "codecs", report) is { } codecList)
        {
            inner = ReadV3Codecs(codecList, "$.codecs", ndim, chunks, codecs, report);
        }

        IReadOnlyList<string?>? dimensionNames = null;
        if (root.TryGetProperty("dimension_names", out var dn))
        {
            dimensionNames = ReadDimensionNames(dn, ndim, report);
        }

        if (root.TryGetProperty("storage_transformers", out var st) && st.ValueKind == JsonValueKind.Array && st.GetArrayLength() > 0)
        {
            report.Warning(DatasetRuleIds.ZarrStorageTransformer, "$.storage_transformers", "storage transformers are declared; they are not checked and many readers cannot apply them.");
        }

        if (shape is null || chunks is null)
        {
            return null;
        }

        return new ZarrArrayMetadata
        {
            Format = ZarrFormat.V3,
            Shape = shape,
            ChunkShape = chunks,
            InnerChunkShape = inner,
            DataType = dataType,
            Codecs = codecs,
            ChunkKeyEncoding = encoding,
            DimensionNames = dimensionNames,
            FillValue = fillValue,
        };
    }

    private static ChunkKeyEncoding ReadChunkKeyEncoding(JsonElement root, FindingWriter report)
    {
        if (Required(root, "chunk_key_encoding", report) is not { } cke)
        {
            return ChunkKeyEncoding.DefaultSlash;
        }

        var name = ExtensionName(cke);
        var kind = name switch
        {
            "default" => ChunkKeyEncodingKind.Default,
            "v2" => ChunkKeyEncodingKind.V2,
            _ => (ChunkKeyEncodingKind?)null,
        };
        if (kind is null)
        {
            report.Error(DatasetRuleIds.ZarrChunkLayoutInvalid, "$.chunk_key_encoding", $"chunk_key_encoding {cke.GetRawText()} is not \"default\" or \"v2\".");
            return ChunkKeyEncoding.DefaultSlash;
        }

        var separator = kind == ChunkKeyEncodingKind.Default ? '/' : '.';
        if (cke.ValueKind == JsonValueKind.Object && cke.TryGetProperty("configuration", out var configuration)
            && configuration.ValueKind == JsonValueKind.Object && configuration.TryGetProperty("separator", out var sep))
        {
            if (sep.ValueKind == JsonValueKind.String && sep.GetString() is "." or "/")
            {
                separator = sep.GetString()![0];
            }
            else
            {
                report.Error(DatasetRuleIds.ZarrChunkLayoutInvalid, "$.chunk_key_encoding.configuration.separator", $"separator is {sep.GetRawText()}; it must be \".\" or \"/\".");
            }
        }

        return new ChunkKeyEncoding(kind.Value, separator);
    }

    // Reads a v3 codec chain; returns the sharding codec's inner chunk shape when there is one.
    private static long[]? ReadV3Codecs(JsonElement list, string path, int ndim, long[]? outerChunks, List<ZarrCodec> codecs, FindingWriter report)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            report.Error(DatasetRuleIds.ZarrCodecInvalid, path, "codecs must be a non-empty list.");
            return null;
        }

        long[]? inner = null;
        var arrayToBytes = 0;
        var unknown = 0;
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            var name = ExtensionName(item);
            if (name is null)
            {
                report.Error(DatasetRuleIds.ZarrCodecInvalid, itemPath, "a codec must be a name or an object with a \"name\".");
                continue;
            }

            var configuration = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("configuration", out var c) ? c : default;
            var known = KnownCodecs.IsKnownV3(name);
            codecs.Add(new ZarrCodec(name, configuration, known));
            if (!known)
            {
                unknown++;
                if (!(item.ValueKind == JsonValueKind.Object && item.TryGetProperty("must_understand", out var mu) && mu.ValueKind == JsonValueKind.False))
                {
                    report.Warning(DatasetRuleIds.ZarrCodecUnknown, itemPath, $"codec \"{name}\" is not a Zarr v3 core codec; readers may not decode it.");
                }

                continue;
            }

            if (KnownCodecs.V3ArrayToBytes.Contains(name))
            {
                arrayToBytes++;
            }

            if (name == KnownCodecs.Sharding)
            {
                inner = ReadSharding(configuration, itemPath, ndim, outerChunks, report);
            }
        }

        if (arrayToBytes > 1 || (arrayToBytes == 0 && unknown == 0))
        {
            report.Error(DatasetRuleIds.ZarrCodecInvalid, path, $"the codec chain has {arrayToBytes} array-to-bytes codecs (such as \"bytes\"); it must have exactly one.");
        }

        return inner;
    }

    private static long[]? ReadSharding(JsonElement configuration, string path, int ndim, long[]? outerChunks, FindingWriter report)
    {
        if (configuration.ValueKind != JsonValueKind.Object)
        {
            report.Error(DatasetRuleIds.ZarrShardingInvalid, path, "sharding_indexed needs a configuration with chunk_shape and codecs.");
            return null;
        }

        var inner = ReadShape(configuration, "chunk_shape", allowZero: false, report, $"{path}.configuration", DatasetRuleIds.ZarrShardingInvalid);
        if (inner is not null && ndim >= 0 && inner.Length != ndim)
        {
            report.Error(DatasetRuleIds.ZarrShardingInvalid, $"{path}.configuration.chunk_shape", $"the inner chunk_shape has {inner.Length} entries; the array has {ndim} dimensions.");
            inner = null;
        }

        if (inner is not null && outerChunks is not null && outerChunks.Length == inner.Length)
        {
            for (var d = 0; d < inner.Length; d++)
            {
                if (outerChunks[d] % inner[d] != 0)
                {
                    report.Error(DatasetRuleIds.ZarrShardingInvalid, $"{path}.configuration.chunk_shape", $"the shard shape {outerChunks[d]} is not divisible by the inner chunk size {inner[d]} in dimension {d}.");
                    break;
                }
            }
        }

        if (configuration.TryGetProperty("codecs", out var innerCodecs))
        {
            ReadV3Codecs(innerCodecs, $"{path}.configuration.codecs", ndim, inner, [], report);
        }
        else
        {
            report.Error(DatasetRuleIds.ZarrShardingInvalid, $"{path}.configuration", "sharding_indexed needs codecs for its inner chunks.");
        }

        if (configuration.TryGetProperty("index_location", out var location)
            && !(location.ValueKind == JsonValueKind.String && location.GetString() is "start" or "end"))
        {
            report.Error(DatasetRuleIds.ZarrShardingInvalid, $"{path}.configuration.index_location", "index_location must be \"start\" or \"end\".");
        }

        return inner;
    }

    private static string?[]? ReadDimensionNames(JsonElement names, int ndim, FindingWriter report)
    {
        if (names.ValueKind != JsonValueKind.Array)
        {
            report.Error(DatasetRuleIds.ZarrArrayKeyInvalid, "$.dimension_names", "dimension_names must be a list of strings or nulls.");
            return null;
        }

        var result = new string?[names.GetArrayLength()];
        var i = 0;
        foreach (var name in names.EnumerateArray())
        {
            if (name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                report.Error(DatasetRuleIds.ZarrArrayKeyInvalid, $"$.dimension_names[{i}]", "each dimension name must be a string or null.");
            }

            result[i++] = name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }

        if (ndim >= 0 && result.Length != ndim)
        {
            report.Error(DatasetRuleIds.ZarrDimensionNamesLength, "$.dimension_names", $"dimension_names has {result.Length} entries but the array has {ndim} dimensions.");
        }

        return result;
    }

    private static void AddV2Codec(JsonElement codec, string path, List<ZarrCodec> codecs, FindingWriter report)
    {
        if (codec.ValueKind != JsonValueKind.Object || !codec.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            report.Error(DatasetRuleIds.ZarrCodecInvalid, path, "a compressor or filter must be an object with a string \"id\".");
            return;
        }

        var name = id.GetString()!;
        var known = KnownCodecs.V2.Contains(name);
        if (!known)
        {
            report.Warning(DatasetRuleIds.ZarrCodecUnknown, path, $"codec id \"{name}\" is not a common numcodecs codec; readers may not decode it.");
        }

        codecs.Add(new ZarrCodec(name, codec, known));
    }

    private static void CheckFormat(JsonElement root, int expected, FindingWriter report)
    {
        if (!root.TryGetProperty("zarr_format", out var format))
        {
            report.Error(DatasetRuleIds.ZarrFormatInvalid, "$", $"zarr_format is missing; it must be {expected}.");
        }
        else if (!(format.ValueKind == JsonValueKind.Number && format.TryGetInt32(out var value) && value == expected))
        {
            report.Error(DatasetRuleIds.ZarrFormatInvalid, "$.zarr_format", $"zarr_format is {format.GetRawText()}; this file must say {expected}.");
        }
    }

    private static void CheckUnknownFields(JsonElement root, HashSet<string> known, FindingWriter report)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (known.Contains(property.Name) || property.NameEquals("consolidated_metadata"))
            {
                continue;
            }

            var optional = property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("must_understand", out var mu) && mu.ValueKind == JsonValueKind.False;
            if (!optional)
            {
                report.Error(DatasetRuleIds.ZarrFieldUnknown, $"$.{property.Name}", $"field '{property.Name}' is not part of Zarr v3 and is not marked \"must_understand\": false; readers must refuse the node.");
            }
        }
    }

    private static JsonElement? Required(JsonElement root, string name, FindingWriter report)
    {
        if (root.TryGetProperty(name, out var value))
        {
            return value;
        }

        report.Error(DatasetRuleIds.ZarrArrayKeyMissing, "$", $"the mandatory key '{name}' is missing.");
        return null;
    }

    private static long[]? ReadShape(JsonElement root, string name, bool allowZero, FindingWriter report, string parent = "$", string ruleId = DatasetRuleIds.ZarrArrayKeyInvalid)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            report.Error(parent == "$" ? DatasetRuleIds.ZarrArrayKeyMissing : ruleId, parent, $"the mandatory key '{name}' is missing.");
            return null;
        }

        var path = $"{parent}.{name}";
        if (value.ValueKind != JsonValueKind.Array)
        {
            report.Error(ruleId, path, $"{name} must be a list of integers.");
            return null;
        }

        var result = new long[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var n) || n < (allowZero ? 0 : 1))
            {
                report.Error(ruleId, $"{path}[{i}]", $"{name}[{i}] is {item.GetRawText()}; it must be an integer {(allowZero ? "≥ 0" : "≥ 1")}.");
                return null;
            }

            result[i++] = n;
        }

        return result;
    }

    private static string? ExtensionName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object when value.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
        _ => null,
    };
}
