using System.Text;

namespace Accession.Iscc.Blake3;

/// <summary>
/// BLAKE3 hashing: regular, keyed and key derivation modes, with extended output of any length.
/// Implemented from the BLAKE3 specification (BLAKE3-team/BLAKE3-specs @ ea51a3a, reference
/// implementation @ 77b257e; summarised in shared/specs/iscc-sum.md §5). Speaks the vocabulary of
/// System.IO.Hashing: <see cref="Append(ReadOnlySpan{byte})"/>, <see cref="GetCurrentHash()"/>
/// (does not disturb the state), <see cref="GetHashAndReset()"/>, <see cref="Reset"/>, and static
/// <see cref="Hash(ReadOnlySpan{byte})"/>, <see cref="TryHash"/> and <see cref="HashAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// BLAKE3 is an extendable-output function, so the overloads that write into a span fill the whole
/// destination, whatever its length, as <c>System.Security.Cryptography.Shake128</c> does; a
/// shorter output is a prefix of a longer one. The overloads that return an array give the
/// 32-byte default hash.
/// </para>
/// <para>
/// The SIMD kernels compress up to sixteen chunks at once, so appends of 16 KiB or more (ideally a
/// MiB or more) run at full speed; small appends run at single-block speed. <see cref="HashFile"/>
/// hashes a file in one pass (through a mapping, on request).
/// </para>
/// <para>
/// Not thread-safe: use one instance from one thread at a time. With
/// <see cref="MaxDegreeOfParallelism"/> above 1, a single large append is itself spread over
/// several threads, and has finished on all of them when it returns.
/// </para>
/// </remarks>
public sealed partial class Blake3Hasher
{
    /// <summary>Length of the default hash in bytes.</summary>
    public const int HashLengthInBytes = Blake3Constants.OutLength;

    /// <summary>Length of a key for <see cref="CreateKeyed"/> in bytes.</summary>
    public const int KeyLengthInBytes = Blake3Constants.KeyLength;

    private State _state;
    private int _maxDegreeOfParallelism = 1;

    /// <summary>A hasher in the regular (unkeyed) mode.</summary>
    public Blake3Hasher()
        : this(Blake3Constants.IV, 0)
    {
    }

    private Blake3Hasher(ReadOnlySpan<uint> key, uint flags)
    {
        Words8 words = default;
        key.CopyTo(words);
        _state = new State(words, flags, Blake3Dispatch.Best);
    }

    /// <summary>
    /// How many threads may hash one large append (-1: one per processor). The default, 1, keeps all
    /// work on the calling thread. Above 1, subtrees of at least 256 KiB are split across cores; the
    /// hash does not depend on this setting.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDegreeOfParallelism is -1 (one thread per processor) or at least 1.");
            }

            _maxDegreeOfParallelism = value;
            _state.Parallelism = value == -1 ? Environment.ProcessorCount : value;
        }
    }

    /// <summary>The compression kernels in use; tests set this to run every path the machine supports.</summary>
    internal Blake3Backend Backend
    {
        get => _state.Backend;
        set
        {
            if (!Blake3Dispatch.IsSupported(value))
            {
                throw new PlatformNotSupportedException($"The BLAKE3 backend {value} does not run on this machine.");
            }

            _state.Backend = value;
        }
    }

    /// <summary>A hasher in keyed mode (a MAC or PRF) with a 32-byte key.</summary>
    public static Blake3Hasher CreateKeyed(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLengthInBytes)
        {
            throw new ArgumentException($"A BLAKE3 key is {KeyLengthInBytes} bytes long, not {key.Length}.", nameof(key));
        }

        var words = Blake3Words.Load(key);
        return new Blake3Hasher(words, Blake3Constants.KeyedHash);
    }

    /// <summary>A hasher in key derivation mode: append the key material, then read the derived key.</summary>
    public static Blake3Hasher CreateDeriveKey(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contextHasher = new Blake3Hasher(Blake3Constants.IV, Blake3Constants.DeriveKeyContext);
        contextHasher.Append(Encoding.UTF8.GetBytes(context));
        Span<byte> contextKey = stackalloc byte[KeyLengthInBytes];
        contextHasher.GetCurrentHash(contextKey);
        var words = Blake3Words.Load(contextKey);
        return new Blake3Hasher(words, Blake3Constants.DeriveKeyMaterial);
    }

    /// <summary>Adds data to the hash.</summary>
    public void Append(ReadOnlySpan<byte> source) => _state.Append(source);

    /// <summary>Adds data from an array segment to the hash.</summary>
    public void Append(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Append(source.AsSpan());
    }

    /// <summary>Reads a stream to its end and adds it to the hash (the stream is not disposed).</summary>
    public Task AppendAsync(Stream stream, CancellationToken cancellationToken = default) =>
        // Larger reads when several threads share each append.
        StreamHashing.AppendAsync(stream, Append, _state.Parallelism > 1 ? 8 << 20 : StreamHashing.DefaultBufferSize, cancellationToken);

    /// <summary>Returns the state to that of a new hasher with the same key and mode.</summary>
    public void Reset() => _state.Reset();

    /// <summary>The 32-byte hash of everything appended so far; the state is not changed.</summary>
    public byte[] GetCurrentHash()
    {
        var hash = new byte[HashLengthInBytes];
        GetCurrentHash(hash);
        return hash;
    }

    /// <summary>
    /// Fills all of <paramref name="destination"/> with output of the hash function (extended output:
    /// any length). The state is not changed.
    /// </summary>
    public void GetCurrentHash(Span<byte> destination) => _state.Finalize(destination, 0);

    /// <summary>
    /// Fills all of <paramref name="destination"/> with extended output starting at byte
    /// <paramref name="offset"/> of the output stream (a multiple of 64). The state is not changed.
    /// </summary>
    public void GetCurrentHash(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset % Blake3Constants.BlockLength != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The output offset must be a non-negative multiple of 64.");
        }

        _state.Finalize(destination, (ulong)offset / Blake3Constants.BlockLength);
    }

    /// <summary>The 32-byte hash of everything appended so far, then <see cref="Reset"/>.</summary>
    public byte[] GetHashAndReset()
    {
        var hash = GetCurrentHash();
        Reset();
        return hash;
    }

    /// <summary>Fills all of <paramref name="destination"/> with output (as <see cref="GetCurrentHash(Span{byte})"/>), then <see cref="Reset"/>.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        GetCurrentHash(destination);
        Reset();
    }

    /// <summary>Total number of bytes appended since creation or the last reset.</summary>
    public long Length => (long)_state.Length;

    /// <summary>The 32-byte BLAKE3 hash of <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashLengthInBytes];
        Hash(source, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="source"/> and fills all of <paramref name="destination"/> with output (extended output: any length).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var hasher = new Blake3Hasher();
        hasher.Append(source);
        hasher.GetCurrentHash(destination);
    }

    /// <summary>Writes the 32-byte hash if the destination is large enough.</summary>
    /// <returns><see langword="false"/> (and nothing written) when <paramref name="destination"/> is shorter than 32 bytes.</returns>
    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        Hash(source, destination[..HashLengthInBytes]);
        bytesWritten = HashLengthInBytes;
        return true;
    }

    /// <summary>The 32-byte hash of a stream read to its end (the stream is not disposed).</summary>
    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var hasher = new Blake3Hasher();
        await hasher.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
        return hasher.GetCurrentHash();
    }
}
