namespace Accession.TestKit.Omero;

/// <summary>
/// An image of the fake OMERO with its fileset, owner, group and import time (the creation event time the
/// webclient reports as <c>date</c>). Immutable.
/// </summary>
public sealed record FakeOmeroImage(
    long Id,
    string Name,
    FakeOmeroFileset Fileset,
    DateTimeOffset ImportedAt)
{
    /// <summary>The owner (the fileset's).</summary>
    public FakeOmeroUser Owner => Fileset.Owner;

    /// <summary>The group (the fileset's).</summary>
    public FakeOmeroGroup Group => Fileset.Group;

    /// <summary>Acquisition date, if any; the JSON API reports it in epoch milliseconds.</summary>
    public DateTimeOffset? AcquisitionDate { get; init; }

    /// <summary>Pixel sizes reported in <c>Pixels</c>.</summary>
    public int SizeX { get; init; } = 512;

    public int SizeY { get; init; } = 512;

    public int SizeZ { get; init; } = 1;

    public int SizeC { get; init; } = 1;

    public int SizeT { get; init; } = 1;

    /// <summary>OMERO pixel type, e.g. <c>uint8</c>, <c>uint16</c>.</summary>
    public string PixelsType { get; init; } = "uint8";
}
