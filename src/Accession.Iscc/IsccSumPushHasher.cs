using System.Runtime.ExceptionServices;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc;

/// <summary>
/// ISCC-SUM of bytes a caller pushes from its own read loop, such as an upload or a download
/// passing through (push-style, as iscc-core's <c>DataHasherV0.push</c>): each
/// <see cref="AppendAsync"/> copies the caller's bytes into a small ring of large buffers (or
/// <see cref="AppendFromAsync"/> reads a stream straight into it), and two
/// workers share the hashing of every full buffer: BLAKE3 for the Instance-Code and the Data-Code,
/// whose segments either worker chunks speculatively and one joins to the exact chain
/// (shared/specs/iscc-sum.md §8; <see cref="SegmentPipeline"/>). So when the bytes arrive faster than
/// one core hashes the Data-Code, both cores work on it. The result equals <see cref="IsccSum.Hash"/>
/// of the concatenated bytes, however they were split.
/// </summary>
/// <remarks>
/// <para>
/// Ownership: the bytes are copied before the task returned by <see cref="AppendAsync"/> completes,
/// so the caller may reuse its buffer as soon as the await returns (not before). An append waits
/// only while every ring buffer is still being hashed, which bounds the memory in use to the ring
/// (8 buffers of 1 MiB). Small appends are only copied; the workers take over whole buffers, so no
/// thread hand-off happens per call. Inputs that never fill one buffer are hashed on the calling
/// flow when the result is asked for, and no worker is started.
/// </para>
/// <para>
/// Speaks the vocabulary of System.IO.Hashing where it can. The result is an
/// <see cref="IsccSumResult"/>, not a byte array, and reading it must wait for the workers, hence
/// <see cref="GetCurrentResultAsync"/> and <see cref="GetResultAndResetAsync"/>.
/// </para>
/// <para>
/// After a call fails or is cancelled the workers are stopped, nothing runs in the background, and
/// the hasher only accepts <see cref="DisposeAsync"/>. <see cref="DisposeAsync"/> stops the workers
/// and waits for them; it may be called at any time, also while an append waits for room.
/// </para>
/// <para>
/// Not thread-safe: one caller at a time, awaiting each call before the next (an overlapping call
/// throws <see cref="InvalidOperationException"/>); only <see cref="DisposeAsync"/> may overlap.
/// </para>
/// </remarks>
public sealed partial class IsccSumPushHasher : IAsyncDisposable
{
    // A megabyte lets both kernels run at full width (BLAKE3 wants 16 KiB or more, the Data-Code
    // batches 512 KiB) and stays in a core's cache; eight let the caller fill one while the workers
    // hash the others, with room for the worker that joins to fall a few segments behind.
    private const int DefaultBufferSize = 1 << 20;
    private const int DefaultBufferCount = 8;
    private const int WorkerCount = 2;

    private readonly DataHasher _data = new();
    private readonly InstanceHasher _instance = new();
    private readonly SegmentPipeline _pipeline;
    private Task[]? _workers;
    private Memory<byte> _current;
    private int _currentCount;
    private long _length;
    private int _busy;
    private int _disposed;
    private bool _faulted;

    /// <summary>A hasher with nothing appended. No buffer is allocated and no worker started until bytes arrive.</summary>
    public IsccSumPushHasher()
        : this(DefaultBufferSize, DefaultBufferCount)
    {
    }

    /// <summary>A hasher with a ring of <paramref name="bufferCount"/> buffers of <paramref name="bufferSize"/> bytes (tests use small ones).</summary>
    internal IsccSumPushHasher(int bufferSize, int bufferCount)
    {
        _pipeline = new SegmentPipeline(_data, _instance, bufferSize, bufferCount);
    }

    /// <summary>Called before a worker joins a buffer's Data-Code (tests inject failures here).</summary>
    internal SpanAppender? DataWorkerTap
    {
        init => _pipeline.JoinTap = value;
    }

    /// <summary>What the speculative Data-Code cost since this hasher was created (read once no call runs).</summary>
    internal SpeculationCounters Speculation => _data.Speculation;

    /// <summary>Whether a worker task has not yet ended.</summary>
    internal bool IsHashingInBackground => Volatile.Read(ref _workers) is { } workers && Array.Exists(workers, worker => !worker.IsCompleted);

    /// <summary>Total number of bytes appended since creation or the last reset (hashed or still waiting in the ring).</summary>
    public long Length => Volatile.Read(ref _length);

    /// <summary>
    /// Copies <paramref name="source"/> into the ring; full buffers go to the workers. Returns once
    /// every byte is copied, waiting only while the ring is full.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the hasher is then unusable.</exception>
    /// <exception cref="InvalidOperationException">A previous call failed or was cancelled, or another call is still running.</exception>
    /// <exception cref="ObjectDisposedException">The hasher was disposed.</exception>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (!source.IsEmpty)
            {
                if (_current.IsEmpty)
                {
                    _current = await _pipeline.NextBufferAsync(help: false, cancellationToken).ConfigureAwait(false);
                }

                var take = Math.Min(source.Length, _current.Length - _currentCount);
                source.Span[..take].CopyTo(_current.Span[_currentCount..]);
                _currentCount += take;
                source = source[take..];
                Volatile.Write(ref _length, _length + take);
                if (_currentCount == _current.Length)
                {
                    Commit();
                }
            }
        }
        catch (Exception error)
        {
            await FailAsync(error, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>The ISCC-SUM of everything appended so far, once the workers have hashed it; more appends may follow.</summary>
    /// <inheritdoc cref="AppendAsync" path="/exception"/>
    public ValueTask<IsccSumResult> GetCurrentResultAsync(CancellationToken cancellationToken = default) =>
        GetResultAsync(reset: false, cancellationToken);

    /// <summary>
    /// The ISCC-SUM of everything appended so far, then the state of a new hasher; the ring and the
    /// workers are kept for the next input.
    /// </summary>
    /// <inheritdoc cref="AppendAsync" path="/exception"/>
    public ValueTask<IsccSumResult> GetResultAndResetAsync(CancellationToken cancellationToken = default) =>
        GetResultAsync(reset: true, cancellationToken);

    /// <summary>Stops the workers, waits until they have stopped, and returns the ring's buffers. Bytes not yet hashed are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopWorkersAsync().ConfigureAwait(false);

        // A call still running (disposal from another flow) may yet write into a buffer: leave
        // those to the garbage collector rather than hand them to someone else.
        if (Volatile.Read(ref _busy) == 0)
        {
            _pipeline.Dispose();
        }
    }

    private async ValueTask<IsccSumResult> GetResultAsync(bool reset, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
            var result = new IsccSumResult(_data.GetCurrentHash(), _instance.GetCurrentHash(), _length);
            if (reset)
            {
                _data.Reset();
                _instance.Reset();
                Volatile.Write(ref _length, 0);
            }

            return result;
        }
        catch (Exception error)
        {
            await FailAsync(error, cancellationToken).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Enter()
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("Another call into this ISCC-SUM hasher is still running; await each call before the next.");
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            Volatile.Write(ref _busy, 0);
            ObjectDisposedException.ThrowIf(true, this);
        }

        if (_faulted)
        {
            Volatile.Write(ref _busy, 0);
            throw new InvalidOperationException("A previous call into this ISCC-SUM hasher failed or was cancelled; dispose it and start a new one.");
        }
    }

    /// <summary>Hands the current buffer to the workers, starting them with the first one.</summary>
    private void Commit()
    {
        if (_workers is null)
        {
            var workers = new Task[WorkerCount];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(_pipeline.RunWorkerAsync, CancellationToken.None);
            }

            Volatile.Write(ref _workers, workers);
        }

        _pipeline.Commit(_currentCount);
        _current = Memory<byte>.Empty;
        _currentCount = 0;
    }

    /// <summary>Brings every appended byte into both digests: hands over the partial buffer and waits until the workers are done with every buffer.</summary>
    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_workers is null)
        {
            // Nothing ever filled a buffer: hashing here costs less than waking two threads.
            _data.Append(_current.Span[.._currentCount]);
            _instance.Append(_current.Span[.._currentCount]);
            _currentCount = 0;
            return;
        }

        if (_currentCount > 0)
        {
            Commit();
        }

        _pipeline.EndOfInput();
        await _pipeline.WaitUntilDoneAsync(help: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the hasher unusable, stops the workers and waits for them, then throws what explains
    /// the failure best: the caller's cancellation, a worker's error, disposal, or the error itself.
    /// </summary>
    private async Task FailAsync(Exception error, CancellationToken cancellationToken)
    {
        _faulted = true;
        await StopWorkersAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (_pipeline.Error is { } workerError)
        {
            ExceptionDispatchInfo.Throw(workerError);
        }

        ObjectDisposedException.ThrowIf(error is OperationCanceledException && Volatile.Read(ref _disposed) != 0, this);

        ExceptionDispatchInfo.Throw(error);
    }

    private async Task StopWorkersAsync()
    {
        _pipeline.Stop();

        // Their errors are read from the pipeline; here it only matters that they have ended.
        if (Volatile.Read(ref _workers) is { } workers)
        {
            await Task.WhenAll(workers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
