namespace Accession.Iscc.Codec;

/// <summary>
/// How many bits of each digest an ISCC-SUM carries (shared/specs/iscc-sum.md §3.3): the ISO 24138
/// form or iscc-sum's WIDE subtype.
/// </summary>
public enum IsccSumWidth
{
    /// <summary>Header <c>55 00</c>, 64 bits of the Data-Code and 64 of the Instance-Code (<c>ISCC:KUA…</c>, ISO 24138).</summary>
    Narrow,

    /// <summary>Header <c>57 00</c>, 128 bits of each (<c>ISCC:K4A…</c>), iscc-sum's default.</summary>
    Wide,
}
