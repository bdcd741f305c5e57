using System.Text.Json;
using System.Text.Json.Nodes;

namespace Accession.TestKit.OmeZarr;

/// <summary>
/// Writes small OME-Zarr datasets into a folder, straight from the Zarr v2/v3 and OME-NGFF 0.4/0.5
/// layouts (shared/specs/ome-zarr.md §1.11), without product types. Every method takes an optional
/// edit callback that changes the JSON before it is written, to break one rule at a time.
/// </summary>
public sealed class OmeZarrBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="folder">Where to write; created when missing.</param>
    /// <param name="zarrFormat">2 (OME-NGFF ≤ 0.4) or 3 (OME-NGFF 0.5).</param>
    /// <param name="version">The OME-NGFF version written into the metadata; null writes none.</param>
    public OmeZarrBuilder(string folder, int zarrFormat = 2, string? version = null)
    {
        Folder = folder;
        ZarrFormat = zarrFormat;
        Version = version ?? (zarrFormat == 3 ? "0.5" : "0.4");
        Directory.CreateDirectory(folder);
    }

    public string Folder { get; }

    public int ZarrFormat { get; }

    public string Version { get; }

    /// <summary>Writes a group whose OME attributes are <paramref name="ome"/> (v2: top of .zattrs; v3: attributes.ome with version).</summary>
    public OmeZarrBuilder Group(string path, JsonObject? ome = null, Action<JsonObject>? editMetadata = null)
    {
        if (ZarrFormat == 2)
        {
            var zgroup = new JsonObject { ["zarr_format"] = 2 };
            editMetadata?.Invoke(zgroup);
            WriteJson(Join(path, ".zgroup"), zgroup);
            if (ome is not null)
            {
                WriteJson(Join(path, ".zattrs"), ome);
            }

            return this;
        }

        var document = new JsonObject { ["zarr_format"] = 3, ["node_type"] = "group" };
        if (ome is not null)
        {
            var wrapped = new JsonObject { ["version"] = Version };
            foreach (var (key, value) in ome)
            {
                wrapped[key] = value?.DeepClone();
            }

            document["attributes"] = new JsonObject { ["ome"] = wrapped };
        }
        else
        {
            document["attributes"] = new JsonObject();
        }

        editMetadata?.Invoke(document);
        WriteJson(Join(path, "zarr.json"), document);
        return this;
    }

    /// <summary>Writes array metadata (v2 .zarray with "/" separator; v3 zarr.json with default keys and a bytes codec).</summary>
    public OmeZarrBuilder Array(string path, long[] shape, long[]? chunks = null, string dataType = "uint8", string[]? dimensionNames = null, Action<JsonObject>? edit = null)
    {
        chunks ??= shape.Select(s => Math.Max(1, s)).ToArray();
        JsonObject document;
        if (ZarrFormat == 2)
        {
            document = new JsonObject
            {
                ["zarr_format"] = 2,
                ["shape"] = Numbers(shape),
                ["chunks"] = Numbers(chunks),
                ["dtype"] = NumPyTypeString(dataType),
                ["compressor"] = new JsonObject { ["id"] = "blosc", ["cname"] = "lz4", ["clevel"] = 5, ["shuffle"] = 1, ["blocksize"] = 0 },
                ["fill_value"] = 0,
                ["order"] = "C",
                ["filters"] = null,
                ["dimension_separator"] = "/",
            };
            edit?.Invoke(document);
            WriteJson(Join(path, ".zarray"), document);
            return this;
        }

        document = new JsonObject
        {
            ["zarr_format"] = 3,
            ["node_type"] = "array",
            ["shape"] = Numbers(shape),
            ["data_type"] = dataType,
            ["chunk_grid"] = new JsonObject { ["name"] = "regular", ["configuration"] = new JsonObject { ["chunk_shape"] = Numbers(chunks) } },
            ["chunk_key_encoding"] = new JsonObject { ["name"] = "default", ["configuration"] = new JsonObject { ["separator"] = "/" } },
            ["fill_value"] = 0,
            ["codecs"] = new JsonArray(new JsonObject { ["name"] = "bytes", ["configuration"] = new JsonObject { ["endian"] = "little" } }),
        };
        if (dimensionNames is not null)
        {
            document["dimension_names"] = new JsonArray([.. dimensionNames.Select(n => (JsonNode?)JsonValue.Create(n))]);
        }

        edit?.Invoke(document);
        WriteJson(Join(path, "zarr.json"), document);
        return this;
    }

    /// <summary>
    /// Writes a multiscales image: a group at <paramref name="path"/> and one array per level ("0", "1", …)
    /// with a scale transform per level and one chunk per level dimension unless <paramref name="chunks"/> says otherwise.
    /// </summary>
    public OmeZarrBuilder Image(string path, string[] axes, long[][] levels, string dataType = "uint8", long[]? chunks = null, Action<JsonObject>? editOme = null, string? name = null)
    {
        var ome = new JsonObject { ["multiscales"] = new JsonArray(Multiscale(axes, levels.Length, name)) };
        editOme?.Invoke(ome);
        Group(path, ome);
        for (var i = 0; i < levels.Length; i++)
        {
            Array(Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), levels[i], chunks, dataType, ZarrFormat == 3 ? axes : null);
        }

        return this;
    }

    /// <summary>
    /// The <c>multiscales[0]</c> object: axes (space unless named c or t), datasets "0".."n-1" with
    /// scale 2^i, and the SHOULD fields (name, type, metadata) so a built image is complete.
    /// </summary>
    public JsonObject Multiscale(string[] axes, int levels, string? name = null)
    {
        var multiscale = new JsonObject
        {
            ["name"] = name ?? "image",
            ["type"] = "gaussian",
            ["metadata"] = new JsonObject { ["method"] = "test builder" },
            ["axes"] = new JsonArray([.. axes.Select(a => (JsonNode?)Axis(a))]),
            ["datasets"] = new JsonArray([.. Enumerable.Range(0, levels).Select(i => (JsonNode?)Dataset(i, axes))]),
        };

        if (ZarrFormat == 2)
        {
            multiscale["version"] = Version;
        }

        return multiscale;
    }

    /// <summary>Writes a <c>labels</c> group under an image listing <paramref name="names"/>.</summary>
    public OmeZarrBuilder Labels(string imagePath, params string[] names) =>
        Group(Join(imagePath, "labels"), new JsonObject { ["labels"] = new JsonArray([.. names.Select(n => (JsonNode?)JsonValue.Create(n))]) });

    /// <summary>Writes a label image <c>labels/NAME</c> under an image (multiscales + image-label).</summary>
    public OmeZarrBuilder LabelImage(string imagePath, string name, string[] axes, long[][] levels, string dataType = "uint8", Action<JsonObject>? editOme = null) =>
        Image(Join(Join(imagePath, "labels"), name), axes, levels, dataType, editOme: ome =>
        {
            ome["image-label"] = new JsonObject { ["colors"] = new JsonArray(new JsonObject { ["label-value"] = 1, ["rgba"] = Numbers([255, 0, 0, 255]) }) };
            if (ZarrFormat == 2)
            {
                ome["image-label"]!["version"] = Version;
            }

            editOme?.Invoke(ome);
        });

    /// <summary>
    /// Writes a plate: row groups, well groups and <paramref name="fields"/> field images (2-D y,x, one level) per well.
    /// </summary>
    public OmeZarrBuilder Plate(string path, string[] rows, string[] columns, int fields = 1, Action<JsonObject>? editOme = null)
    {
        var wells = new JsonArray();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                wells.Add(new JsonObject { ["path"] = $"{rows[r]}/{columns[c]}", ["rowIndex"] = r, ["columnIndex"] = c });
            }
        }

        var plate = new JsonObject
        {
            ["name"] = "plate",
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject { ["name"] = r })]),
            ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode?)new JsonObject { ["name"] = c })]),
            ["wells"] = wells,
            ["field_count"] = fields,
        };
        if (ZarrFormat == 2)
        {
            plate["version"] = Version;
        }

        var ome = new JsonObject { ["plate"] = plate };
        editOme?.Invoke(ome);
        Group(path, ome);
        foreach (var row in rows)
        {
            Group(Join(path, row));
            foreach (var column in columns)
            {
                var wellPath = Join(Join(path, row), column);
                var well = new JsonObject { ["images"] = new JsonArray([.. Enumerable.Range(0, fields).Select(f => (JsonNode?)new JsonObject { ["path"] = f.ToString(System.Globalization.CultureInfo.InvariantCulture) })]) };
                if (ZarrFormat == 2)
                {
                    well["version"] = Version;
                }

                Group(wellPath, new JsonObject { ["well"] = well });
                for (var f = 0; f < fields; f++)
                {
                    Image(Join(wellPath, f.ToString(System.Globalization.CultureInfo.InvariantCulture)), ["y", "x"], [[16, 16]]);
                }
            }
        }

        return this;
    }

    /// <summary>
    /// Writes a bioformats2raw collection: the root with <c>bioformats2raw.layout: 3</c>, images "0".."n-1",
    /// an <c>OME</c> group (with <c>series</c> unless <paramref name="withSeries"/> is false) and, unless
    /// <paramref name="xmlImages"/> is negative, <c>OME/METADATA.ome.xml</c> with that many Image elements.
    /// </summary>
    public OmeZarrBuilder Bioformats2Raw(string path, int images, bool withSeries = true, int? xmlImages = null)
    {
        var root = new JsonObject { ["bioformats2raw.layout"] = 3 };
        Group(path, root);
        for (var i = 0; i < images; i++)
        {
            Image(Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ["y", "x"], [[16, 16]]);
        }

        var ome = withSeries
            ? new JsonObject { ["series"] = new JsonArray([.. Enumerable.Range(0, images).Select(i => (JsonNode?)JsonValue.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]) }
            : null;
        Group(Join(path, "OME"), ome);
        var count = xmlImages ?? images;
        if (count >= 0)
        {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">\n"
                + string.Concat(Enumerable.Range(0, count).Select(i => $"  <Image ID=\"Image:{i}\" Name=\"{i}\"><Pixels ID=\"Pixels:{i}\" DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"16\" SizeY=\"16\" SizeZ=\"1\" SizeC=\"1\" SizeT=\"1\"><MetadataOnly/></Pixels></Image>\n"))
                + "</OME>\n";
            Text(Join(Join(path, "OME"), "METADATA.ome.xml"), xml);
        }

        return this;
    }

    /// <summary>Writes chunk files for the given keys (relative to the array folder), <paramref name="length"/> bytes each.</summary>
    public OmeZarrBuilder Chunks(string arrayPath, IEnumerable<string> keys, int length = 8)
    {
        foreach (var key in keys)
        {
            Bytes(Join(arrayPath, key), new byte[length]);
        }

        return this;
    }

    /// <summary>Writes every chunk of a regular grid with nested keys: v2 "i/j", v3 "c/i/j".</summary>
    public OmeZarrBuilder AllChunks(string arrayPath, long[] shape, long[] chunks, int length = 8)
    {
        var grid = shape.Zip(chunks, (s, c) => (s + c - 1) / c).ToArray();
        var keys = new List<string>();
        var index = new long[grid.Length];
        while (grid.All(n => n > 0))
        {
            var key = string.Join("/", index);
            keys.Add(ZarrFormat == 3 ? "c/" + key : key);
            var d = grid.Length - 1;
            while (d >= 0 && ++index[d] == grid[d])
            {
                index[d] = 0;
                d--;
            }

            if (d < 0)
            {
                break;
            }
        }

        return Chunks(arrayPath, keys, length);
    }

    /// <summary>Writes a text file.</summary>
    public OmeZarrBuilder Text(string path, string text)
    {
        var full = Full(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    /// <summary>Writes a binary file.</summary>
    public OmeZarrBuilder Bytes(string path, byte[] bytes)
    {
        var full = Full(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>Reads, edits and rewrites a JSON file of the dataset.</summary>
    public OmeZarrBuilder EditJson(string path, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(Full(path)))!.AsObject();
        edit(node);
        WriteJson(path, node);
        return this;
    }

    /// <summary>Deletes a file of the dataset.</summary>
    public OmeZarrBuilder Delete(string path)
    {
        File.Delete(Full(path));
        return this;
    }

    /// <summary>The object holding the OME keys in a group's metadata (v2 .zattrs root, v3 attributes.ome).</summary>
    public static JsonObject OmeOf(JsonObject metadata) =>
        metadata["attributes"]?["ome"] is JsonObject ome ? ome : metadata;

    /// <summary>The file that holds a group's OME attributes.</summary>
    public string AttributesFile(string groupPath) => Join(groupPath, ZarrFormat == 3 ? "zarr.json" : ".zattrs");

    /// <summary>The file that holds an array's metadata.</summary>
    public string ArrayFile(string arrayPath) => Join(arrayPath, ZarrFormat == 3 ? "zarr.json" : ".zarray");

    public static string Join(string parent, string child) => parent.Length == 0 ? child : $"{parent}/{child}";

    private static JsonObject Dataset(int level, string[] axes)
    {
        var factor = Math.Pow(2, level);
        return new JsonObject
        {
            ["path"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["coordinateTransformations"] = new JsonArray(new JsonObject
            {
                ["type"] = "scale",
                ["scale"] = new JsonArray([.. axes.Select(a => (JsonNode?)JsonValue.Create(a is "c" or "t" ? 1.0 : factor))]),
            }),
        };
    }

    private static JsonObject Axis(string name)
    {
        var type = name switch
        {
            "c" => "channel",
            "t" => "time",
            _ => "space",
        };
        var axis = new JsonObject { ["name"] = name, ["type"] = type };
        if (type == "space")
        {
            axis["unit"] = "micrometer";
        }

        return axis;
    }

    private static string NumPyTypeString(string dataType) => dataType switch
    {
        "bool" => "|b1",
        "int8" => "|i1",
        "uint8" => "|u1",
        "int16" => "<i2",
        "uint16" => "<u2",
        "int32" => "<i4",
        "uint32" => "<u4",
        "int64" => "<i8",
        "uint64" => "<u8",
        "float32" => "<f4",
        "float64" => "<f8",
        _ => dataType,
    };

    private static JsonArray Numbers(IEnumerable<long> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private void WriteJson(string path, JsonObject document) => Text(path, document.ToJsonString(Indented));

    private string Full(string path) => System.IO.Path.Combine(Folder, path);
}
