using System.Diagnostics.CodeAnalysis;

namespace Accession.Iscc.Codec;

/// <summary>
/// One ISCC: a header and a body whose length the header announces (shared/specs/iscc-sum.md §3;
/// IEP-0001, IEP-0010; iscc-core codec.py and iscc_code.py @ e3cbeab). Parsing validates the
/// header and the body length; <see cref="ToString"/> gives the canonical <c>ISCC:…</c> form.
/// Immutable, so thread-safe.
/// </summary>
public sealed class IsccCode : IEquatable<IsccCode>
{
    /// <summary>The URI scheme of the canonical text form.</summary>
    public const string Scheme = "ISCC";

    private const string Prefix = Scheme + ":";

    private readonly byte[] _body;

    private IsccCode(IsccHeader header, byte[] body)
    {
        Header = header;
        _body = body;
    }

    public IsccHeader Header { get; }

    public MainType MainType => Header.MainType;

    public ReadOnlyMemory<byte> Body => _body;

    public int BodyBits => _body.Length * 8;

    /// <summary>Header and body, the bytes that the text form encodes.</summary>
    public byte[] ToBytes()
    {
        var length = Header.EncodedLength;
        var bytes = new byte[length + _body.Length];
        Header.WriteTo(bytes);
        _body.CopyTo(bytes, length);
        return bytes;
    }

    /// <summary>The canonical form: <c>ISCC:</c> followed by upper-case unpadded base32.</summary>
    public override string ToString() => Prefix + Base32.Encode(ToBytes());

    /// <summary>
    /// Parses an ISCC in text form. The <c>ISCC:</c> scheme is optional and case-insensitive;
    /// whitespace and <c>-</c> separators are removed (as iscc-core <c>iscc_clean</c> does).
    /// </summary>
    /// <exception cref="FormatException">The text is not a well-formed ISCC; the message says why.</exception>
    public static IsccCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code, out var error) ? code : throw new FormatException(error);
    }

    /// <summary>Parses an ISCC in text form; false if it is not well-formed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IsccCode? code)
    {
        if (text is null)
        {
            code = null;
            return false;
        }

        return TryParse(text, out code, out _);
    }

    /// <summary>Builds a code from its binary form (header followed by body).</summary>
    /// <exception cref="FormatException">The bytes are not a well-formed ISCC.</exception>
    public static IsccCode FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Builds a code from a header and a body of exactly the length the header announces.</summary>
    public static IsccCode Create(IsccHeader header, ReadOnlySpan<byte> body)
    {
        var error = Validate(header, body.Length);
        return error is null ? new IsccCode(header, body.ToArray()) : throw new ArgumentException(error, nameof(body));
    }

    /// <summary>A Data-Code unit of <paramref name="bits"/> bits (32 to 256, a multiple of 32) from a Data-Code digest.</summary>
    public static IsccCode DataCode(ReadOnlySpan<byte> digest, int bits = 64) => Unit(MainType.Data, digest, bits);

    /// <summary>An Instance-Code unit of <paramref name="bits"/> bits (32 to 256, a multiple of 32) from a BLAKE3 digest.</summary>
    public static IsccCode InstanceCode(ReadOnlySpan<byte> digest, int bits = 64) => Unit(MainType.Instance, digest, bits);

    /// <summary>
    /// An ISCC-SUM of the given <paramref name="width"/>: header <c>55 00</c> with 64 bits of each
    /// digest (ISO 24138), or the WIDE form <c>57 00</c> with 128 bits of each (§3.3).
    /// </summary>
    public static IsccCode Sum(ReadOnlySpan<byte> dataDigest, ReadOnlySpan<byte> instanceDigest, IsccSumWidth width)
    {
        var wide = width == IsccSumWidth.Wide;
        var unitBytes = wide ? 16 : 8;
        if (dataDigest.Length < unitBytes || instanceDigest.Length < unitBytes)
        {
            throw new ArgumentException($"An ISCC-SUM{(wide ? " WIDE" : string.Empty)} needs digests of at least {unitBytes} bytes.");
        }

        var body = new byte[2 * unitBytes];
        dataDigest[..unitBytes].CopyTo(body);
        instanceDigest[..unitBytes].CopyTo(body.AsSpan(unitBytes));
        var subType = wide ? IsccSubTypes.IsccWide : IsccSubTypes.IsccSum;
        return new IsccCode(new IsccHeader(MainType.Iscc, subType, 0, 0), body);
    }

    /// <summary>
    /// Composes ISCC-UNITs into an ISCC-CODE like iscc-core <c>gen_iscc_code_v0</c>: units are sorted
    /// by MainType, Data and Instance are required, and 64 bits of each unit enter the body. WIDE
    /// (128 bits of each) applies only when <paramref name="width"/> is wide and the units are exactly
    /// one Data and one Instance of at least 128 bits each; otherwise the result silently falls back
    /// to the narrow form, as the reference does.
    /// </summary>
    /// <exception cref="ArgumentException">The units cannot form an ISCC-CODE; the message says why.</exception>
    public static IsccCode Compose(IEnumerable<IsccCode> units, IsccSumWidth width = IsccSumWidth.Narrow)
    {
        ArgumentNullException.ThrowIfNull(units);
        var sorted = units.OrderBy(u => u.MainType).ToList();
        if (sorted.Count < 2)
        {
            throw new ArgumentException("An ISCC-CODE needs at least two units (a Data-Code and an Instance-Code).", nameof(units));
        }

        foreach (var unit in sorted)
        {
            if (unit.MainType is MainType.Iscc or MainType.Id or MainType.Flake)
            {
                throw new ArgumentException($"{unit} is an {unit.MainType.ToString().ToUpperInvariant()} code, not an ISCC-UNIT that can enter an ISCC-CODE.", nameof(units));
            }

            if (unit.BodyBits < 64)
            {
                throw new ArgumentException($"{unit} is shorter than 64 bits; an ISCC-CODE needs units of 64 bits or more.", nameof(units));
            }
        }

        if (sorted[^2].MainType != MainType.Data || sorted[^1].MainType != MainType.Instance)
        {
            throw new ArgumentException("An ISCC-CODE needs exactly one Data-Code and one Instance-Code.", nameof(units));
        }

        var optional = sorted.Take(sorted.Count - 2).ToList();
        var unitsField = 0;
        foreach (var unit in optional)
        {
            // LN bits: Meta = 4, Semantic = 2, Content = 1 (iscc-core UNITS order).
            var flag = unit.MainType switch { MainType.Meta => 4, MainType.Semantic => 2, _ => 1 };
            if ((unitsField & flag) != 0 || unit.MainType is MainType.Data or MainType.Instance)
            {
                throw new ArgumentException($"An ISCC-CODE holds at most one unit of each MainType; {unit.MainType} appears twice.", nameof(units));
            }

            unitsField |= flag;
        }

        int subType;
        var isWide = width == IsccSumWidth.Wide && sorted.Count == 2 && sorted.All(u => u.Header.BodyBits >= 128);
        if (isWide)
        {
            subType = IsccSubTypes.IsccWide;
        }
        else
        {
            var contentTypes = optional.Where(u => u.MainType is MainType.Semantic or MainType.Content)
                .Select(u => u.Header.SubType).Distinct().ToList();
            if (contentTypes.Count > 1)
            {
                throw new ArgumentException("The Semantic-Code and the Content-Code of an ISCC-CODE must have the same SubType.", nameof(units));
            }

            subType = contentTypes.Count == 1 ? contentTypes[0]
                : sorted.Count == 2 ? IsccSubTypes.IsccSum
                : IsccSubTypes.IsccNone;
        }

        var unitBytes = isWide ? 16 : 8;
        var body = new byte[sorted.Count * unitBytes];
        for (var i = 0; i < sorted.Count; i++)
        {
            sorted[i]._body.AsSpan(0, unitBytes).CopyTo(body.AsSpan(i * unitBytes));
        }

        return new IsccCode(new IsccHeader(MainType.Iscc, subType, 0, unitsField), body);
    }

    /// <summary>
    /// The units of this code: the code itself for an ISCC-UNIT; for an ISCC-CODE its optional
    /// 64-bit units followed by Data and Instance (64 bits, or 128 bits for WIDE), like iscc-core
    /// <c>iscc_decompose</c>.
    /// </summary>
    public IReadOnlyList<IsccCode> Decompose()
    {
        if (MainType != MainType.Iscc)
        {
            return [this];
        }

        var units = new List<IsccCode>();
        var offset = 0;
        foreach (var (flag, mainType) in (ReadOnlySpan<(int, MainType)>)[(4, MainType.Meta), (2, MainType.Semantic), (1, MainType.Content)])
        {
            if ((Header.Length & flag) != 0)
            {
                var subType = mainType == MainType.Meta ? IsccSubTypes.None : Header.SubType;
                units.Add(new IsccCode(new IsccHeader(mainType, subType, Header.Version, 1), _body.AsSpan(offset, 8).ToArray()));
                offset += 8;
            }
        }

        var unitBytes = Header.SubType == IsccSubTypes.IsccWide ? 16 : 8;
        var lengthField = (unitBytes * 8 / 32) - 1;
        units.Add(new IsccCode(new IsccHeader(MainType.Data, IsccSubTypes.None, Header.Version, lengthField), _body.AsSpan(_body.Length - (2 * unitBytes), unitBytes).ToArray()));
        units.Add(new IsccCode(new IsccHeader(MainType.Instance, IsccSubTypes.None, Header.Version, lengthField), _body.AsSpan(_body.Length - unitBytes, unitBytes).ToArray()));
        return units;
    }

    /// <summary>A readable breakdown of the header, the body and the units (what <c>accession explain</c> shows).</summary>
    public IsccExplanation Explain() => IsccExplanation.Of(this);

    public bool Equals(IsccCode? other) =>
        other is not null && Header == other.Header && _body.AsSpan().SequenceEqual(other._body);

    public override bool Equals(object? obj) => Equals(obj as IsccCode);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Header);
        hash.AddBytes(_body);
        return hash.ToHashCode();
    }

    public static bool operator ==(IsccCode? left, IsccCode? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(IsccCode? left, IsccCode? right) => !(left == right);

    private static IsccCode Unit(MainType mainType, ReadOnlySpan<byte> digest, int bits)
    {
        if (bits < 32 || bits > 256 || bits % 32 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "A unit has 32 to 256 bits in steps of 32.");
        }

        if (digest.Length < bits / 8)
        {
            throw new ArgumentException($"A {bits}-bit unit needs a digest of at least {bits / 8} bytes, not {digest.Length}.", nameof(digest));
        }

        return new IsccCode(new IsccHeader(mainType, IsccSubTypes.None, 0, (bits / 32) - 1), digest[..(bits / 8)].ToArray());
    }

    private static bool TryParse(string text, [NotNullWhen(true)] out IsccCode? code, out string error)
    {
        code = null;
        var cleaned = Clean(text, out error);
        if (cleaned is null)
        {
            return false;
        }

        if (!Base32.TryDecode(cleaned, out var bytes))
        {
            error = $"'{text}' is not an ISCC: its code part is not base32 (letters A-Z and digits 2-7).";
            return false;
        }

        if (!TryFromBytes(bytes, out code, out error))
        {
            error = $"'{text}' is not a valid ISCC: {error}";
            return false;
        }

        return true;
    }

    private static bool TryFromBytes(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out IsccCode? code, out string error)
    {
        code = null;
        if (!IsccHeader.TryDecode(bytes, out var header, out var headerLength))
        {
            error = "the header is malformed.";
            return false;
        }

        var body = bytes[headerLength..];
        var problem = Validate(header, body.Length);
        if (problem is not null)
        {
            error = problem;
            return false;
        }

        code = new IsccCode(header, body.ToArray());
        error = string.Empty;
        return true;
    }

    /// <summary>Null if the header is known and announces exactly <paramref name="bodyBytes"/> bytes; otherwise why not.</summary>
    private static string? Validate(IsccHeader header, int bodyBytes)
    {
        if ((int)header.MainType is < 0 or > 7)
        {
            return $"MainType {(int)header.MainType} is unknown (0 to 7 are defined).";
        }

        if (header.Version != 0)
        {
            return $"version {header.Version} is not supported (only V0 is defined).";
        }

        if (header.MainType is MainType.Data or MainType.Instance && header.SubType != IsccSubTypes.None)
        {
            return $"SubType {header.SubType} is unknown for a {header.MainType.ToString().ToUpperInvariant()} unit (only 0, NONE, is defined).";
        }

        if (header.MainType == MainType.Iscc)
        {
            if (header.SubType > IsccSubTypes.IsccWide)
            {
                return $"SubType {header.SubType} is unknown for an ISCC-CODE (0 to 7 are defined).";
            }

            if (header.Length > 7)
            {
                return $"unit combination {header.Length} is unknown for an ISCC-CODE (0 to 7 are defined).";
            }

            if (header.SubType == IsccSubTypes.IsccWide && header.Length != 0)
            {
                return "a WIDE ISCC-CODE holds only a Data-Code and an Instance-Code, but the header names more units.";
            }
        }

        var expected = header.BodyBits / 8;
        return expected == bodyBytes ? null : $"header expects {expected} but got {bodyBytes} bytes.";
    }

    /// <summary>Removes the scheme, whitespace and dashes (iscc-core <c>iscc_clean</c>).</summary>
    private static string? Clean(string text, out string error)
    {
        error = string.Empty;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var scheme = trimmed[..colon].Trim();
            if (!scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase))
            {
                error = $"'{text}' is not an ISCC: it should start with 'ISCC:', not '{scheme}:'.";
                return null;
            }

            trimmed = trimmed[(colon + 1)..];
        }

        var cleaned = new string(trimmed.Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
        if (cleaned.Length == 0)
        {
            error = $"'{text}' is not an ISCC: the code after the scheme is empty.";
            return null;
        }

        return cleaned;
    }
}
