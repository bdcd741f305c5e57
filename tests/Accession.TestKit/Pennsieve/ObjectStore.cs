using System.Buffers;
using System.Security.Cryptography;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The fake S3's bucket: objects in memory when small, in a temp folder when big (or always, or as
/// hashes or lengths only, per <see cref="FakeObjectStorage"/>), so a 512 MiB upload never sits in memory.
/// Counts PUT attempts and completed uploads per key. Thread-safe.
/// </summary>
internal sealed class ObjectStore(FakeObjectStorage mode, TimeProvider time) : IDisposable
{
    private const long MemoryLimit = 1024 * 1024;
    private const int BufferSize = 1024 * 1024;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeStoredObject> _objects = [];
    private readonly Dictionary<string, int> _attempts = [];
    private readonly Dictionary<string, int> _uploads = [];
    private string? _folder;

    /// <summary>Counts one more valid PUT to <paramref name="key"/> and returns its 1-based number.</summary>
    public int NextAttempt(string key)
    {
        lock (_lock)
        {
            return _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
        }
    }

    public int Attempts(string key)
    {
        lock (_lock) { return _attempts.GetValueOrDefault(key); }
    }

    public int Uploads(string key)
    {
        lock (_lock) { return _uploads.GetValueOrDefault(key); }
    }

    public FakeStoredObject? Find(string key)
    {
        lock (_lock) { return _objects.GetValueOrDefault(key); }
    }

    public IReadOnlyList<FakeStoredObject> Snapshot()
    {
        lock (_lock) { return [.. _objects.Values.OrderBy(o => o.StoredAt)]; }
    }

    /// <summary>
    /// Reads exactly <paramref name="length"/> bytes and stores them; null when their MD5 differs from
    /// <paramref name="expectedMd5"/> (a <c>Content-MD5</c> header). Nothing is stored when it returns
    /// null or throws (<see cref="IOException"/> when the body ends early).
    /// </summary>
    public async Task<FakeStoredObject?> WriteAsync(string importId, string uploadKey, Stream body, long length, byte[]? expectedMd5, CancellationToken cancellation)
    {
        using var md5 = mode != FakeObjectStorage.LengthOnly || expectedMd5 is not null ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
        var inMemory = mode == FakeObjectStorage.Auto && length <= MemoryLimit;
        var keepsBytes = mode is FakeObjectStorage.Auto or FakeObjectStorage.Disk;
        string? file = !keepsBytes || inMemory ? null : Path.Combine(Folder(), Guid.NewGuid().ToString("N"));
        using var memory = inMemory ? new MemoryStream((int)length) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var complete = false;
        try
        {
            await using (var target = file is null ? memory ?? Stream.Null : new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                long total = 0;
                int read;
                while (total < length && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, length - total)), cancellation)) > 0)
                {
                    md5?.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
                    total += read;
                }

                if (total < length)
                {
                    throw new EndOfStreamException($"The body of {importId}/{uploadKey} ended after {total} of {length} bytes.");
                }
            }

            var hash = md5?.GetHashAndReset();
            if (expectedMd5 is not null && !hash.AsSpan().SequenceEqual(expectedMd5))
            {
                return null;
            }

            var key = $"{importId}/{uploadKey}";
            var md5Hex = hash is null || mode == FakeObjectStorage.LengthOnly ? null : Convert.ToHexStringLower(hash);
            var stored = new FakeStoredObject(importId, uploadKey, length, md5Hex, time.GetUtcNow(), memory?.ToArray(), file);
            lock (_lock)
            {
                // A replaced object's file stays until dispose: a test may still hold the old snapshot.
                _objects[key] = stored;
                _uploads[key] = _uploads.GetValueOrDefault(key) + 1;
            }

            complete = true;
            return stored;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!complete && file is not null)
            {
                File.Delete(file);
            }
        }
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A reader still holds a file; the OS cleans temp eventually.
            }
        }
    }

    private string Folder()
    {
        lock (_lock)
        {
            return _folder ??= Directory.CreateTempSubdirectory("accession-fake-s3-").FullName;
        }
    }
}
