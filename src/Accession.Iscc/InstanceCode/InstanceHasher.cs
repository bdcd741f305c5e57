using Accession.Iscc.Blake3;

namespace Accession.Iscc.InstanceCode;

/// <summary>
/// Streaming Instance-Code v0 digest: the BLAKE3 hash of the whole stream (shared/specs/iscc-sum.md §2;
/// iscc-core code_instance.py <c>InstanceHasherV0</c> @ e3cbeab). Shaped like the System.IO.Hashing types.
/// </summary>
public sealed class InstanceHasher
{
    /// <summary>Length of the digest in bytes (256 bits).</summary>
    public const int DigestLength = Blake3Hasher.HashLengthInBytes;

    // Multihash prefix: 0x1e = blake3 multicodec, 0x20 = 32-byte digest.
    private const string MultihashPrefix = "1e20";

    private readonly Blake3Hasher _blake3 = new();

    /// <summary>Total number of bytes appended since creation or the last reset (the filesize).</summary>
    public long Length => (long)_blake3.Length;

    /// <summary>The digest as a lower-case hex multihash, <c>1e20</c> followed by 64 hex digits (the <c>datahash</c>).</summary>
    public string Multihash => ToMultihash(GetCurrentDigest());

    /// <summary>Adds data to the digest.</summary>
    public void Append(ReadOnlySpan<byte> source) => _blake3.Append(source);

    /// <summary>The 32-byte digest of everything appended so far; the state is not changed.</summary>
    public byte[] GetCurrentDigest() => _blake3.GetCurrentHash();

    /// <summary>Writes the 32-byte digest of everything appended so far; the state is not changed.</summary>
    /// <returns>The number of bytes written (32).</returns>
    public int GetCurrentDigest(Span<byte> destination)
    {
        if (destination.Length < DigestLength)
        {
            throw new ArgumentException($"The destination must hold {DigestLength} bytes.", nameof(destination));
        }

        _blake3.GetCurrentHash(destination[..DigestLength]);
        return DigestLength;
    }

    /// <summary>Returns the state to that of a new hasher.</summary>
    public void Reset() => _blake3.Reset();

    /// <summary>The 32-byte Instance-Code digest of <paramref name="source"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> source) => Blake3Hasher.Hash(source);

    /// <summary>The <c>1e20…</c> multihash text of a 32-byte BLAKE3 digest.</summary>
    public static string ToMultihash(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != DigestLength)
        {
            throw new ArgumentException($"A BLAKE3 digest has {DigestLength} bytes, not {digest.Length}.", nameof(digest));
        }

        return MultihashPrefix + Convert.ToHexStringLower(digest);
    }
}
