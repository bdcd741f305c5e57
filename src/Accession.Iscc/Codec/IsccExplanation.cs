using System.Globalization;

namespace Accession.Iscc.Codec;

/// <summary>
/// A readable breakdown of one ISCC (shared/specs/iscc-sum.md §3): the header fields by name, what
/// the length field means, the body, and for an ISCC-CODE its units. Immutable, so thread-safe.
/// </summary>
/// <param name="Iscc">The canonical <c>ISCC:…</c> form.</param>
/// <param name="TypeId">The type identifier as iscc-core <c>iscc_type_id</c> forms it, e.g. <c>ISCC-SUM-V0-DI</c> or <c>DATA-NONE-V0-64</c>.</param>
/// <param name="MainType">The MainType name, e.g. <c>ISCC</c> or <c>DATA</c>.</param>
/// <param name="SubType">The SubType name within the MainType, e.g. <c>SUM</c>, <c>WIDE</c> or <c>NONE</c>.</param>
/// <param name="Version">The version field (0 for every defined code).</param>
/// <param name="LengthField">The raw length field of the header.</param>
/// <param name="Length">What the length field means: the body bits of a unit (<c>64 bits</c>), or the unit combination of an ISCC-CODE (<c>DATA+INSTANCE</c>).</param>
/// <param name="BodyBits">Number of body bits.</param>
/// <param name="HeaderHex">The header bytes in lower-case hex.</param>
/// <param name="BodyHex">The body bytes in lower-case hex.</param>
/// <param name="Units">The units of an ISCC-CODE, each explained; empty for a unit.</param>
public sealed record IsccExplanation(
    string Iscc,
    string TypeId,
    string MainType,
    string SubType,
    int Version,
    int LengthField,
    string Length,
    int BodyBits,
    string HeaderHex,
    string BodyHex,
    IReadOnlyList<IsccExplanation> Units)
{
    internal static IsccExplanation Of(IsccCode code)
    {
        var header = code.Header;
        var mainType = MainTypeName(header.MainType);
        var subType = IsccSubTypes.Name(header.MainType, header.SubType);
        string length;
        string typeLength;
        IReadOnlyList<IsccExplanation> units;
        if (header.MainType == Codec.MainType.Iscc)
        {
            var parts = code.Decompose();
            length = string.Join('+', parts.Select(u => MainTypeName(u.MainType)));
            typeLength = string.Concat(parts.Select(u => MainTypeName(u.MainType)[0]));
            units = parts.Select(Of).ToList();
        }
        else
        {
            length = $"{header.BodyBits} bits";
            typeLength = header.BodyBits.ToString(CultureInfo.InvariantCulture);
            units = [];
        }

        var bytes = code.ToBytes();
        var headerLength = header.EncodedLength;
        return new IsccExplanation(
            code.ToString(),
            $"{mainType}-{subType}-V{header.Version}-{typeLength}",
            mainType,
            subType,
            header.Version,
            header.Length,
            length,
            code.BodyBits,
            Convert.ToHexStringLower(bytes.AsSpan(0, headerLength)),
            Convert.ToHexStringLower(bytes.AsSpan(headerLength)),
            units);
    }

    private static string MainTypeName(Codec.MainType mainType) => mainType.ToString().ToUpperInvariant();
}
