using System.Diagnostics;
using System.IO.Hashing;

namespace Accession.Iscc.DataCode;

/// <summary>
/// Streaming Data-Code v0 digest (shared/specs/iscc-sum.md §1; iscc-core code_data.py
/// <c>DataHasherV0</c> @ e3cbeab): content-defined chunks, an xxh32 feature per chunk, and a
/// 64-permutation MinHash compressed to 32 bytes. Speaks the vocabulary of System.IO.Hashing
/// (<see cref="Append(ReadOnlySpan{byte})"/>, <see cref="GetCurrentHash()"/>, <see cref="GetHashAndReset()"/>,
/// <see cref="Reset"/>, static <see cref="Hash(ReadOnlySpan{byte})"/>, <see cref="TryHash"/> and
/// <see cref="HashAsync"/>); the "hash" is iscc-core's 32-byte Data-Code digest, from which
/// <see cref="Codec.IsccCode.DataCode"/> takes the bits of a Data-Code. The hash does not depend on
/// how the input is split across <see cref="Append(ReadOnlySpan{byte})"/> calls.
/// </summary>
/// <remarks>Not thread-safe: use one instance from one thread at a time.</remarks>
public sealed partial class DataHasher
{
    /// <summary>Length of the hash (the Data-Code digest) in bytes: 256 bits.</summary>
    public const int HashLengthInBytes = MinHash.DigestLength;

    private const int FeatureBatch = 256;

    // Chunks are cut in batches, then their features are hashed side by side (see Xxh32Lanes).
    // A batch of about 512 KiB stays in the L2 cache between the two passes, and is long enough
    // that the chunker's 64 KiB lane blocks are rarely cut short.
    private const int ChunkBatch = 512;

    // Unchunked bytes wait here, starting at a chunk boundary. Small appends only collect; once
    // PendingLimit bytes wait they are chunked, and the last chunk stays at the front as the
    // "tail carry" (§1.4), since more input could still move its end. The room behind
    // PendingLimit takes one maximum-size chunk's worth of a large append.
    private const int BufferSize = 64 * 1024;
    private const int PendingLimit = BufferSize - CdcConstants.MaxSize;

    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly uint[] _features = new uint[FeatureBatch];
    private readonly int[] _lengths = new int[ChunkBatch];
    private readonly int[] _bounds = new int[ChunkBatch + 1];
    private readonly uint[] _batchFeatures = new uint[ChunkBatch];
    private readonly ulong[] _minima = new ulong[MinHash.Permutations];
    private int _pending;
    private int _featureCount;
    private long _length;

    /// <summary>A hasher with nothing appended.</summary>
    public DataHasher()
    {
        MinHash.Initialize(_minima);
    }

    /// <summary>Total number of bytes appended since creation or the last reset.</summary>
    public long Length => _length;

    /// <summary>Adds data to the hash.</summary>
    public void Append(ReadOnlySpan<byte> source)
    {
        _length += source.Length;
        if (_chunkedAhead > 0)
        {
            // The lookahead of the last segment: already chunked with it.
            var skip = Math.Min(_chunkedAhead, source.Length);
            _chunkedAhead -= skip;
            source = source[skip..];
        }

        // Fewer than PendingLimit bytes wait on entry, so MaxSize more always fit.
        if (_pending + source.Length < PendingLimit || source.Length <= CdcConstants.MaxSize)
        {
            source.CopyTo(_buffer.AsSpan(_pending));
            _pending += source.Length;
            if (_pending >= PendingLimit)
            {
                ChunkHoldingLast(_buffer.AsSpan(0, _pending));
            }

            return;
        }

        source = source[FinishPending(source)..];
        ChunkHoldingLast(source);
    }

    /// <summary>Adds data from an array to the hash.</summary>
    public void Append(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Append(source.AsSpan());
    }

    /// <summary>Reads a stream to its end and adds it to the hash (the stream is not disposed).</summary>
    public Task AppendAsync(Stream stream, CancellationToken cancellationToken = default) =>
        StreamHashing.AppendAsync(stream, Append, StreamHashing.DefaultBufferSize, cancellationToken);

    /// <summary>The 32-byte hash of everything appended so far; the state is not changed.</summary>
    public byte[] GetCurrentHash()
    {
        var hash = new byte[HashLengthInBytes];
        GetCurrentHash(hash);
        return hash;
    }

    /// <summary>Writes the 32-byte hash of everything appended so far; the state is not changed.</summary>
    /// <returns>The number of bytes written (32).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public int GetCurrentHash(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            throw new ArgumentException($"The destination must hold {HashLengthInBytes} bytes.", nameof(destination));
        }

        Debug.Assert(_chunkedAhead == 0, "A segment's lookahead was never appended.");
        Span<ulong> minima = stackalloc ulong[MinHash.Permutations];
        _minima.CopyTo(minima);
        MinHash.Update(minima, _features.AsSpan(0, _featureCount));

        // Chunk the pending bytes to the end, last chunk included, on the side. Empty input is one
        // empty chunk.
        Span<uint> feature = stackalloc uint[1];
        var rest = _buffer.AsSpan(0, _pending);
        while (true)
        {
            var cut = CdcChunker.FindCutPoint(rest);
            feature[0] = XxHash32.HashToUInt32(rest[..cut]);
            MinHash.Update(minima, feature);
            if (cut == rest.Length)
            {
                break;
            }

            rest = rest[cut..];
        }

        MinHash.Compress(minima, destination);
        return HashLengthInBytes;
    }

    /// <summary>The 32-byte hash of everything appended so far, then <see cref="Reset"/>.</summary>
    public byte[] GetHashAndReset()
    {
        var hash = GetCurrentHash();
        Reset();
        return hash;
    }

    /// <summary>Writes the 32-byte hash of everything appended so far, then <see cref="Reset"/>.</summary>
    /// <returns>The number of bytes written (32).</returns>
    public int GetHashAndReset(Span<byte> destination)
    {
        var written = GetCurrentHash(destination);
        Reset();
        return written;
    }

    /// <summary>Returns the state to that of a new hasher.</summary>
    public void Reset()
    {
        MinHash.Initialize(_minima);
        _pending = 0;
        _featureCount = 0;
        _length = 0;
        _chunkedAhead = 0;
    }

    /// <summary>The 32-byte Data-Code digest of <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        var hasher = new DataHasher();
        hasher.Append(source);
        return hasher.GetCurrentHash();
    }

    /// <summary>Writes the 32-byte Data-Code digest of <paramref name="source"/>.</summary>
    /// <returns>The number of bytes written (32).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var hasher = new DataHasher();
        hasher.Append(source);
        return hasher.GetCurrentHash(destination);
    }

    /// <summary>Writes the 32-byte Data-Code digest if the destination is large enough.</summary>
    /// <returns><see langword="false"/> (and nothing written) when <paramref name="destination"/> is shorter than 32 bytes.</returns>
    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = Hash(source, destination);
        return true;
    }

    /// <summary>The 32-byte Data-Code digest of a stream read to its end (the stream is not disposed).</summary>
    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var hasher = new DataHasher();
        await hasher.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
        return hasher.GetCurrentHash();
    }

    /// <summary>
    /// Ends the chunks that start among the pending bytes with the first bytes of
    /// <paramref name="source"/>, which is longer than MaxSize, and empties the buffer.
    /// </summary>
    /// <returns>How many bytes of <paramref name="source"/> those chunks took: the rest starts at a chunk start.</returns>
    private int FinishPending(ReadOnlySpan<byte> source)
    {
        if (_pending == 0)
        {
            return 0;
        }

        // With MaxSize bytes of source behind the pending ones, every chunk that starts among the
        // pending bytes ends inside the buffer and is final.
        source[..CdcConstants.MaxSize].CopyTo(_buffer.AsSpan(_pending));
        var window = _buffer.AsSpan(0, _pending + CdcConstants.MaxSize);
        var start = 0;
        while (start < _pending)
        {
            var cut = CdcChunker.FindCutPoint(window[start..]);
            AddFeature(XxHash32.HashToUInt32(window.Slice(start, cut)));
            start += cut;
        }

        var taken = start - _pending;
        _pending = 0;
        return taken;
    }

    /// <summary>Chunks <paramref name="data"/> completely, hashes every chunk but the last, and keeps the last as the tail.</summary>
    private void ChunkHoldingLast(ReadOnlySpan<byte> data)
    {
        var lengths = _lengths.AsSpan();
        var bounds = _bounds;
        var start = 0;
        while (true)
        {
            var count = CdcChunker.FindCutPoints(data[start..], lengths);
            bounds[0] = start;
            var end = start;
            for (var i = 0; i < count; i++)
            {
                end += lengths[i];
                bounds[i + 1] = end;
            }

            if (end == data.Length)
            {
                // The chunk that reaches the end of the data is the tail; CopyTo handles the
                // overlap when the tail moves to the front of its own buffer.
                var tailStart = count == 0 ? start : bounds[count - 1];
                HashBatch(data, Math.Max(0, count - 1));
                data[tailStart..].CopyTo(_buffer);
                _pending = data.Length - tailStart;
                return;
            }

            HashBatch(data, count);
            start = end;
        }
    }

    private void HashBatch(ReadOnlySpan<byte> data, int chunks)
    {
        if (chunks == 0)
        {
            return;
        }

        var features = _batchFeatures.AsSpan(0, chunks);
        Xxh32Lanes.HashChunks(data, _bounds.AsSpan(0, chunks + 1), features);
        MinHash.Update(_minima, features);
    }

    private void AddFeature(uint feature)
    {
        _features[_featureCount++] = feature;
        if (_featureCount == FeatureBatch)
        {
            MinHash.Update(_minima, _features);
            _featureCount = 0;
        }
    }
}
