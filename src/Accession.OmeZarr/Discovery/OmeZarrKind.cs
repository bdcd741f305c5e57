namespace Accession.OmeZarr.Discovery;

/// <summary>What the root group of a dataset is (shared/specs/ome-zarr.md §3.4 step 6).</summary>
public enum OmeZarrKind
{
    /// <summary>A multiscales image.</summary>
    Image,

    /// <summary>A high-content screening plate (also when it is a bioformats2raw plate).</summary>
    Plate,

    /// <summary>A bioformats2raw collection of images (<c>bioformats2raw.layout</c> without <c>plate</c>).</summary>
    Bioformats2RawCollection,

    /// <summary>A single well (legal as a root but unusual).</summary>
    Well,

    /// <summary>A <c>labels</c> group (unusual as a root).</summary>
    Labels,

    /// <summary>A label image (<c>image-label</c>; unusual as a root).</summary>
    LabelImage,

    /// <summary>A bioformats2raw <c>OME</c> group with <c>series</c> (unusual as a root).</summary>
    Series,
}
