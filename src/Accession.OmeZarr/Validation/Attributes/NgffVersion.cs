namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// An OME-NGFF (OME-Zarr) metadata version, as declared by a group (shared/specs/ome-zarr.md §1.1).
/// The members are in release order, so <c>version &lt;= NgffVersion.V04</c> reads as "0.4 or older"
/// once <see cref="Unknown"/> has been ruled out.
/// </summary>
public enum NgffVersion
{
    /// <summary>0.1 (legacy: Zarr v2, flat chunk keys, no axes).</summary>
    V01,

    /// <summary>0.2 (legacy: Zarr v2, nested chunk keys, no axes).</summary>
    V02,

    /// <summary>0.3 (legacy: Zarr v2, axes as a list of letters).</summary>
    V03,

    /// <summary>0.4: Zarr v2, OME keys at the top of <c>.zattrs</c>.</summary>
    V04,

    /// <summary>0.5: Zarr v3, OME keys under <c>attributes.ome</c> of <c>zarr.json</c>.</summary>
    V05,

    /// <summary>0.6 and its previews (<c>0.6rc0</c>, <c>0.6.dev3</c>): newer than this validator supports.</summary>
    V06,

    /// <summary>Missing where it is required, or not a version this validator knows.</summary>
    Unknown,
}
