namespace Accession.Iscc;

/// <summary>
/// One-shot ISCC-SUMs of spans, streams and files (shared/specs/iscc-sum.md §4): the static
/// <c>Hash</c> helpers of the System.IO.Hashing vocabulary for <see cref="IsccSumHasher"/>. There is
/// no <c>TryHash</c>: the result is an <see cref="IsccSumResult"/>, not bytes written to a span.
/// Thread-safe: every call uses its own hasher.
/// </summary>
public static class IsccSum
{
    [ThreadStatic]
    private static IsccSumHasher? _spareHasher;

    /// <summary>The ISCC-SUM of <paramref name="source"/>.</summary>
    public static IsccSumResult Hash(ReadOnlySpan<byte> source)
    {
        var hasher = new IsccSumHasher();
        hasher.Append(source);
        return hasher.GetCurrentResult();
    }

    /// <summary>The ISCC-SUM of a stream read to its end (the stream is not disposed).</summary>
    public static async Task<IsccSumResult> HashAsync(Stream stream, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var hasher = new IsccSumHasher();
        await hasher.AppendAsync(stream, progress, cancellationToken).ConfigureAwait(false);
        return hasher.GetCurrentResult();
    }

    /// <summary>The ISCC-SUM of a file (see <see cref="IsccSumHasher.AppendFileAsync(string, IProgress{long}?, FileReadMode, CancellationToken)"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Task<IsccSumResult> HashFileAsync(
        string path, IProgress<long>? progress = null, FileReadMode mode = FileReadMode.Read, CancellationToken cancellationToken = default) =>
        HashFileAsync(path, -1, progress, mode, cancellationToken);

    /// <summary>
    /// The ISCC-SUM of a file a folder listing found to be a regular file of <paramref name="listedLength"/>
    /// bytes (see <see cref="IsccSumHasher.AppendFileAsync(string, long, IProgress{long}?, FileReadMode, CancellationToken)"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static async Task<IsccSumResult> HashFileAsync(
        string path, long listedLength, IProgress<long>? progress, FileReadMode mode, CancellationToken cancellationToken)
    {
        // A hasher holds some 80 KiB of buffers; for files of a few KiB making one per file would cost
        // more than hashing, so each thread keeps one (taken out while in use, so calls never share it).
        var hasher = _spareHasher ?? new IsccSumHasher();
        _spareHasher = null;
        try
        {
            await hasher.AppendFileAsync(path, listedLength, progress, mode, cancellationToken).ConfigureAwait(false);
            return hasher.GetCurrentResult();
        }
        finally
        {
            hasher.Reset();
            _spareHasher = hasher;
        }
    }
}
