using Accession.Iscc.Codec;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc;

/// <summary>
/// The outcome of an ISCC-SUM computation (shared/specs/iscc-sum.md §3.3 and §4.1; iscc-sum
/// <c>IsccSumResult</c>): both 32-byte digests and the byte count, from which every text form follows.
/// Equality compares the digests' contents. Immutable, so thread-safe.
/// </summary>
/// <param name="DataDigest">The 32-byte Data-Code digest (compressed MinHash).</param>
/// <param name="InstanceDigest">The 32-byte Instance-Code digest (BLAKE3).</param>
/// <param name="Filesize">The number of bytes hashed.</param>
public sealed record IsccSumResult(ReadOnlyMemory<byte> DataDigest, ReadOnlyMemory<byte> InstanceDigest, long Filesize)
{
    /// <summary>The BLAKE3 multihash in hex, <c>1e20…</c>.</summary>
    public string Datahash => InstanceHasher.ToMultihash(InstanceDigest.Span);

    /// <summary>
    /// The 256-bit Data-Code and Instance-Code (<c>ISCC:GAD…</c>, <c>ISCC:IAD…</c>), whatever the
    /// width of the ISCC-SUM, as iscc-sum 0.1.0 reports its units.
    /// </summary>
    public IReadOnlyList<string> Units =>
    [
        IsccCode.DataCode(DataDigest.Span, 256).ToString(),
        IsccCode.InstanceCode(InstanceDigest.Span, 256).ToString(),
    ];

    /// <summary>The ISCC-SUM text: narrow <c>ISCC:KUA…</c> (ISO 24138, 2×64 bits) or wide <c>ISCC:K4A…</c> (2×128 bits).</summary>
    public string ToIscc(IsccSumWidth width) => ToCode(width).ToString();

    /// <summary>The ISCC-SUM as a code object.</summary>
    public IsccCode ToCode(IsccSumWidth width) => IsccCode.Sum(DataDigest.Span, InstanceDigest.Span, width);

    public bool Equals(IsccSumResult? other) =>
        other is not null
        && Filesize == other.Filesize
        && DataDigest.Span.SequenceEqual(other.DataDigest.Span)
        && InstanceDigest.Span.SequenceEqual(other.InstanceDigest.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Filesize);
        hash.AddBytes(DataDigest.Span);
        hash.AddBytes(InstanceDigest.Span);
        return hash.ToHashCode();
    }
}
