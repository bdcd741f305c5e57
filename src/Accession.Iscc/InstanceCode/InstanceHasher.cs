using Accession.Iscc.Blake3;

namespace Accession.Iscc.InstanceCode;

/// <summary>
/// Streaming Instance-Code v0 digest: the BLAKE3 hash of the whole stream (shared/specs/iscc-sum.md §2;
/// iscc-core code_instance.py <c>InstanceHasherV0</c> @ e3cbeab). Speaks the vocabulary of
/// System.IO.Hashing, like <see cref="Blake3Hasher"/>; unlike it, the hash is always the 32-byte
/// digest the Instance-Code is cut from, not extended output, and <see cref="Multihash"/> gives
/// iscc-sum's <c>datahash</c> text.
/// </summary>
/// <remarks>Not thread-safe: use one instance from one thread at a time.</remarks>
public sealed class InstanceHasher
{
    /// <summary>Length of the hash (the Instance-Code digest) in bytes: 256 bits.</summary>
    public const int HashLengthInBytes = Blake3Hasher.HashLengthInBytes;

    // Multihash prefix: 0x1e = blake3 multicodec, 0x20 = 32-byte digest.
    private const string MultihashPrefix = "1e20";

    private readonly Blake3Hasher _blake3 = new();

    /// <summary>Total number of bytes appended since creation or the last reset (the filesize).</summary>
    public long Length => _blake3.Length;

    /// <summary>The current hash as a lower-case hex multihash, <c>1e20</c> followed by 64 hex digits (the <c>datahash</c>).</summary>
    public string Multihash => ToMultihash(GetCurrentHash());

    /// <summary>Adds data to the hash.</summary>
    public void Append(ReadOnlySpan<byte> source) => _blake3.Append(source);

    /// <summary>Adds data from an array to the hash.</summary>
    public void Append(byte[] source) => _blake3.Append(source);

    /// <summary>Reads a stream to its end and adds it to the hash (the stream is not disposed).</summary>
    public Task AppendAsync(Stream stream, CancellationToken cancellationToken = default) => _blake3.AppendAsync(stream, cancellationToken);

    /// <summary>The 32-byte hash of everything appended so far; the state is not changed.</summary>
    public byte[] GetCurrentHash() => _blake3.GetCurrentHash();

    /// <summary>Writes the 32-byte hash of everything appended so far; the state is not changed.</summary>
    /// <returns>The number of bytes written (32).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public int GetCurrentHash(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            throw new ArgumentException($"The destination must hold {HashLengthInBytes} bytes.", nameof(destination));
        }

        _blake3.GetCurrentHash(destination[..HashLengthInBytes]);
        return HashLengthInBytes;
    }

    /// <summary>The 32-byte hash of everything appended so far, then <see cref="Reset"/>.</summary>
    public byte[] GetHashAndReset() => _blake3.GetHashAndReset();

    /// <summary>Writes the 32-byte hash of everything appended so far, then <see cref="Reset"/>.</summary>
    /// <returns>The number of bytes written (32).</returns>
    public int GetHashAndReset(Span<byte> destination)
    {
        var written = GetCurrentHash(destination);
        Reset();
        return written;
    }

    /// <summary>Returns the state to that of a new hasher.</summary>
    public void Reset() => _blake3.Reset();

    /// <summary>The 32-byte Instance-Code digest of <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source) => Blake3Hasher.Hash(source);

    /// <summary>Writes the 32-byte Instance-Code digest of <paramref name="source"/>.</summary>
    /// <returns>The number of bytes written (32).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!TryHash(source, destination, out var written))
        {
            throw new ArgumentException($"The destination must hold {HashLengthInBytes} bytes.", nameof(destination));
        }

        return written;
    }

    /// <summary>Writes the 32-byte Instance-Code digest if the destination is large enough.</summary>
    /// <returns><see langword="false"/> (and nothing written) when <paramref name="destination"/> is shorter than 32 bytes.</returns>
    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten) =>
        Blake3Hasher.TryHash(source, destination, out bytesWritten);

    /// <summary>The 32-byte Instance-Code digest of a stream read to its end (the stream is not disposed).</summary>
    public static Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Blake3Hasher.HashAsync(stream, cancellationToken);

    /// <summary>The <c>1e20…</c> multihash text of a 32-byte BLAKE3 digest.</summary>
    public static string ToMultihash(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != HashLengthInBytes)
        {
            throw new ArgumentException($"A BLAKE3 digest has {HashLengthInBytes} bytes, not {digest.Length}.", nameof(digest));
        }

        return MultihashPrefix + Convert.ToHexStringLower(digest);
    }
}
