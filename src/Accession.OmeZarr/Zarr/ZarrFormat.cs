namespace Accession.OmeZarr.Zarr;

/// <summary>The Zarr storage format version of a node.</summary>
public enum ZarrFormat
{
    /// <summary>Zarr v2: <c>.zgroup</c>, <c>.zattrs</c>, <c>.zarray</c> (OME-NGFF 0.1–0.4).</summary>
    V2 = 2,

    /// <summary>Zarr v3: <c>zarr.json</c> (OME-NGFF 0.5 and later).</summary>
    V3 = 3,
}

/// <summary>Whether a Zarr node is a group or an array.</summary>
public enum ZarrNodeKind
{
    Group,
    Array,
}
