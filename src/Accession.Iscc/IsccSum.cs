namespace Accession.Iscc;

/// <summary>One-shot ISCC-SUM computations over spans, streams and files (shared/specs/iscc-sum.md §4).</summary>
public static class IsccSum
{
    /// <summary>The ISCC-SUM of <paramref name="source"/>.</summary>
    public static IsccSumResult Compute(ReadOnlySpan<byte> source)
    {
        var hasher = new IsccSumHasher();
        hasher.Append(source);
        return hasher.GetResult();
    }

    /// <summary>The ISCC-SUM of a stream read to its end (the stream is not disposed).</summary>
    public static async Task<IsccSumResult> ComputeAsync(Stream stream, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var hasher = new IsccSumHasher();
        await hasher.AppendAsync(stream, progress, cancellationToken).ConfigureAwait(false);
        return hasher.GetResult();
    }

    /// <summary>The ISCC-SUM of a file (see <see cref="IsccSumHasher.AppendFileAsync"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static async Task<IsccSumResult> ComputeFileAsync(
        string path, IProgress<long>? progress = null, FileReadMode mode = FileReadMode.Read, CancellationToken cancellationToken = default)
    {
        var hasher = new IsccSumHasher();
        await hasher.AppendFileAsync(path, progress, mode, cancellationToken).ConfigureAwait(false);
        return hasher.GetResult();
    }
}
