using System.Buffers;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
using Accession.Iscc.Platform;

namespace Accession.Iscc;

/// <summary>
/// Streaming ISCC-SUM: every byte feeds the Data-Code and the Instance-Code (shared/specs/iscc-sum.md §4.1;
/// iscc-sum <c>IsccSumProcessor</c>). <see cref="AppendAsync"/> reads large buffers once and hashes
/// them on two cores at the same time; it may be called several times to hash a concatenation.
/// </summary>
/// <remarks>
/// <para>
/// Speaks the vocabulary of System.IO.Hashing (<see cref="Append(ReadOnlySpan{byte})"/>,
/// <see cref="Reset"/>; one-shot helpers on <see cref="IsccSum"/>), except that the result is not a
/// byte array but an <see cref="IsccSumResult"/> (two digests and a length), so it is read with
/// <see cref="GetCurrentResult"/> and <see cref="GetResultAndReset"/>. For a read loop the caller
/// owns (an upload, a download), <see cref="IsccSumPushHasher"/> hashes pushed buffers on two cores.
/// </para>
/// <para>Not thread-safe: use one instance from one flow at a time, awaiting each call before the next.</para>
/// </remarks>
public sealed class IsccSumHasher
{
    /// <summary>
    /// Regular files shorter than this are read whole and hashed on the calling thread; the same limit
    /// under which <see cref="IsccSumPipeline"/> hashes a stream on the calling flow.
    /// </summary>
    internal const int SmallFileLimit = 1 << 20;

    private readonly DataHasher _data = new();
    private readonly InstanceHasher _instance = new();
    private bool _interrupted;

    /// <summary>Total number of bytes appended since creation or the last reset.</summary>
    public long Length => _instance.Length;

    /// <summary>What the speculative Data-Code cost since this hasher was created.</summary>
    internal SpeculationCounters Speculation => _data.Speculation;

    /// <summary>Adds data to both digests on the calling thread.</summary>
    public void Append(ReadOnlySpan<byte> source)
    {
        ThrowIfInterrupted();
        _data.Append(source);
        _instance.Append(source);
    }

    /// <summary>Adds data from an array to both digests on the calling thread.</summary>
    public void Append(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Append(source.AsSpan());
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end and adds it. Inputs of a megabyte or more are hashed
    /// by two threads that share a small ring of large read buffers; smaller inputs on the calling flow.
    /// </summary>
    /// <param name="stream">The stream to read; it is not disposed.</param>
    /// <param name="progress">Receives the number of bytes of this stream hashed so far, after every buffer.</param>
    /// <param name="cancellationToken">Stops reading and hashing.</param>
    /// <remarks>If the call fails or is cancelled, the hasher must be <see cref="Reset"/> before further use.</remarks>
    public async Task AppendAsync(Stream stream, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await AppendWithOptionsAsync(stream, progress, IsccSumPipeline.Options.Default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a file to its end and adds it. A regular file under a megabyte is read with one read and
    /// hashed on the calling thread (the task is then complete when the call returns), so many small
    /// files can be hashed side by side on several threads. Larger files are read in blocks of a
    /// megabyte that two threads hash, BLAKE3 and the Data-Code both shared between them, which is
    /// safe whatever happens to the file meanwhile. Both read modes do so: reading a block into a
    /// buffer that stays in the cache costs less than faulting in and reading a mapping
    /// (docs/performance.md, "One file on every core").
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="progress">Receives the number of bytes of this file hashed so far.</param>
    /// <param name="mode">How to read the file; the ISCC-SUM reads into buffers in both modes.</param>
    /// <param name="cancellationToken">Stops reading and hashing.</param>
    /// <remarks>If the call fails or is cancelled, the hasher must be <see cref="Reset"/> before further use.</remarks>
    /// <exception cref="IOException">The file cannot be read, or its length changed while it was read.</exception>
    public Task AppendFileAsync(
        string path, IProgress<long>? progress = null, FileReadMode mode = FileReadMode.Read, CancellationToken cancellationToken = default) =>
        AppendFileAsync(path, -1, progress, mode, cancellationToken);

    /// <summary>
    /// <see cref="AppendFileAsync(string, IProgress{long}?, FileReadMode, CancellationToken)"/> for a file
    /// that a folder listing found to be a regular file of <paramref name="listedLength"/> bytes (a
    /// <see cref="TreeWalk.TreeEntry.Length"/> of <see cref="TreeWalk.TreeWalker.WalkFolder(string, Action{TreeWalk.TreeWalkException}?, CancellationToken)"/>):
    /// a small one is then read without asking its size again, one system call less per file. A file
    /// that changed since it was listed is hashed as it is when read, exactly as without the size.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="listedLength">The size the listing gave; -1 when unknown.</param>
    /// <param name="progress">Receives the number of bytes of this file hashed so far.</param>
    /// <param name="mode">How to read the file; the ISCC-SUM reads into buffers in both modes.</param>
    /// <param name="cancellationToken">Stops reading and hashing.</param>
    /// <remarks>If the call fails or is cancelled, the hasher must be <see cref="Reset"/> before further use.</remarks>
    /// <exception cref="IOException">The file cannot be read, or its length changed while it was read.</exception>
    public async Task AppendFileAsync(
        string path, long listedLength, IProgress<long>? progress, FileReadMode mode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfInterrupted();
        cancellationToken.ThrowIfCancellationRequested();
        if (listedLength is >= 0 and < SmallFileLimit && TryAppendListedFile(path, listedLength, progress))
        {
            return;
        }

        var opened = ReadOnlyFile.Open(path);
        if (opened.IsRegularFile && opened.Length < SmallFileLimit)
        {
            using (opened)
            {
                AppendSmallFile(opened, progress);
            }

            return;
        }

        FileStream file;
        try
        {
            opened.AdviseSequential();
            file = opened.ToStream();
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        await using (file.ConfigureAwait(false))
        {
            var length = file.CanSeek ? file.Length : 0;
            var before = _instance.Length;
            await AppendAsync(file, progress, cancellationToken).ConfigureAwait(false);
            if (file.CanSeek && _instance.Length - before != length)
            {
                _interrupted = true;
                throw new IOException(MappedMemory.FileChangedMessage);
            }
        }
    }

    /// <summary>The ISCC-SUM of everything appended so far; the state is not changed.</summary>
    public IsccSumResult GetCurrentResult()
    {
        ThrowIfInterrupted();
        return new IsccSumResult(_data.GetCurrentHash(), _instance.GetCurrentHash(), _instance.Length);
    }

    /// <summary>The ISCC-SUM of everything appended so far, then <see cref="Reset"/>.</summary>
    public IsccSumResult GetResultAndReset()
    {
        var result = GetCurrentResult();
        Reset();
        return result;
    }

    /// <summary>Returns the state to that of a new hasher.</summary>
    public void Reset()
    {
        _data.Reset();
        _instance.Reset();
        _interrupted = false;
    }

    /// <summary>Same as the public overload with explicit buffer settings (tests use small buffers to exercise the ring).</summary>
    internal async Task AppendWithOptionsAsync(Stream stream, IProgress<long>? progress, IsccSumPipeline.Options options, CancellationToken cancellationToken)
    {
        ThrowIfInterrupted();
        _interrupted = true;
        await IsccSumPipeline.RunAsync(stream, _data, _instance, progress, options, cancellationToken).ConfigureAwait(false);
        _interrupted = false;
    }

    /// <summary>
    /// A regular file that fits one read buffer is read with one read and hashed on the calling thread:
    /// handing a few KiB to a second core costs more than hashing them (shared/specs/iscc-sum.md §8
    /// asks for the two cores on large inputs). Appending nothing when the file changed leaves the state usable.
    /// </summary>
    private void AppendSmallFile(ReadOnlyFile file, IProgress<long>? progress)
    {
        if (!TryAppendWhole(file, progress))
        {
            throw new IOException(MappedMemory.FileChangedMessage);
        }
    }

    // A listed file whose bytes are not the listed size changed since it was listed (it may even be a
    // folder now, which fails the read): nothing is appended, and it is opened afresh as it is now.
    private bool TryAppendListedFile(string path, long listedLength, IProgress<long>? progress)
    {
        using var file = ReadOnlyFile.OpenListed(path, listedLength);
        try
        {
            return file is not null && TryAppendWhole(file, progress);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads the whole file, expecting <see cref="ReadOnlyFile.Length"/> bytes, and appends it if that is what it holds.</summary>
    private bool TryAppendWhole(ReadOnlyFile file, IProgress<long>? progress)
    {
        var length = (int)file.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length + 1);
        try
        {
            var read = file.ReadWhole(buffer.AsSpan(0, length + 1));
            if (read != length)
            {
                return false;
            }

            Append(buffer.AsSpan(0, read));
            progress?.Report(read);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ThrowIfInterrupted()
    {
        if (_interrupted)
        {
            throw new InvalidOperationException("A previous read into this ISCC-SUM hasher failed or was cancelled (or is still running); call Reset before using it again.");
        }
    }
}
