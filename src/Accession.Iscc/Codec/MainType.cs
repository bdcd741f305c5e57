namespace Accession.Iscc.Codec;

/// <summary>
/// The MainType field of an ISCC header (shared/specs/iscc-sum.md §3.1; iscc-core codec <c>MT</c>).
/// </summary>
public enum MainType
{
    Meta = 0,
    Semantic = 1,
    Content = 2,
    Data = 3,
    Instance = 4,
    Iscc = 5,
    Id = 6,
    Flake = 7,
}
