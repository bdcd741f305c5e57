using Accession.Iscc;

namespace Accession.Omero.Hashing;

/// <summary>
/// The one place the service meets the ISCC-SUM library: bytes pushed in as they arrive from HTTP
/// response bodies, one result at the end. Several streams appended one after another hash as their
/// concatenation (tree mode). Not thread-safe; one per image or fileset.
/// </summary>
internal sealed class IsccSumAccumulator
{
    private readonly IsccSumHasher _hasher = new();

    /// <summary>Bytes appended so far.</summary>
    public long Length => _hasher.Length;

    /// <summary>Reads <paramref name="body"/> to its end and adds its bytes (the stream is not disposed).</summary>
    public Task AppendAsync(Stream body, IProgress<long>? progress, CancellationToken cancellationToken) =>
        _hasher.AppendAsync(body, progress, cancellationToken);

    /// <summary>The ISCC-SUM of everything appended.</summary>
    public IsccSumResult GetResult() => _hasher.GetCurrentResult();
}
