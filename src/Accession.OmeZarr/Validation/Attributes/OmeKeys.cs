namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>The OME-NGFF attribute names (shared/specs/ome-zarr.md §1.1, §1.5–§1.9).</summary>
internal static class OmeKeys
{
    public const string Ome = "ome";
    public const string Version = "version";
    public const string Multiscales = "multiscales";
    public const string Omero = "omero";
    public const string Labels = "labels";
    public const string ImageLabel = "image-label";
    public const string Plate = "plate";
    public const string Well = "well";
    public const string Bioformats2RawLayout = "bioformats2raw.layout";
    public const string Series = "series";

    /// <summary>The keys that make a group an OME-Zarr node (§3.4 step 3); <c>omero</c> only rides along with multiscales.</summary>
    public static readonly string[] NodeKeys = [Multiscales, Labels, ImageLabel, Plate, Well, Bioformats2RawLayout, Series];

    /// <summary>The objects that carry their own <c>version</c> field in 0.4 and older.</summary>
    public static readonly string[] VersionedObjects = [Omero, Plate, Well, ImageLabel];
}
