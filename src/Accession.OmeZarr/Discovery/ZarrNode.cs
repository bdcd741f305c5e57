using System.Text.Json;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Discovery;

/// <summary>A folder holding Zarr node metadata, with what was read from it.</summary>
internal sealed class ZarrNode
{
    /// <summary>The folder path relative to the archive root; "" for the root.</summary>
    public required string Path { get; init; }

    public required IndexedFolder Folder { get; init; }

    public required ZarrFormat Format { get; init; }

    public required ZarrNodeKind Kind { get; init; }

    /// <summary>The file that defines the node: <c>zarr.json</c>, <c>.zarray</c>, <c>.zgroup</c> or <c>.zattrs</c>.</summary>
    public required string MetadataFile { get; init; }

    /// <summary>The file that holds the attributes (<c>zarr.json</c> or <c>.zattrs</c>); the metadata file when there are none.</summary>
    public required string AttributesFile { get; init; }

    /// <summary>The user attributes (v2 <c>.zattrs</c>, v3 <c>attributes</c>); undefined when absent or unreadable.</summary>
    public JsonElement Attributes { get; init; }

    /// <summary>The array metadata of an array node, when it could be read.</summary>
    public ZarrArrayMetadata? Array { get; init; }

    /// <summary>A v2 group with <c>.zattrs</c> but no <c>.zgroup</c>.</summary>
    public bool LacksZGroup { get; init; }

    /// <summary>The <c>.zattrs</c> file holds a Zarr v3 <c>zarr.json</c> document; it was reported as such.</summary>
    public bool HoldsZarrJson { get; init; }

    /// <summary>The folder also holds metadata of the other Zarr format (ignored in favour of v3).</summary>
    public bool SideBySide { get; init; }

    /// <summary>The object that holds the OME keys, undefined when the node is not an OME node.</summary>
    public JsonElement Ome { get; init; }

    /// <summary>The JSON path of <see cref="Ome"/> inside <see cref="AttributesFile"/>, e.g. <c>$.attributes.ome</c>.</summary>
    public string OmeJsonPath { get; init; } = "$";

    /// <summary>Whether this group carries OME-Zarr metadata (§3.4 step 3).</summary>
    public bool IsOme => Ome.ValueKind == JsonValueKind.Object;

    /// <summary>The last path segment.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public bool IsGroup => Kind == ZarrNodeKind.Group;
}
