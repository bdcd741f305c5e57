using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc;

/// <summary>
/// ISCC-SUM of bytes a caller pushes from its own read loop, such as an upload or a download
/// passing through (push-style, as iscc-core's <c>DataHasherV0.push</c>): each
/// <see cref="AppendAsync"/> copies the caller's bytes into a small ring of large buffers, and two
/// workers hash every full buffer at the same time, the Data-Code on one core and the Instance-Code
/// on another (shared/specs/iscc-sum.md §8). The result equals <see cref="IsccSum.Hash"/> of the
/// concatenated bytes, however they were split.
/// </summary>
/// <remarks>
/// <para>
/// Ownership: the bytes are copied before the task returned by <see cref="AppendAsync"/> completes,
/// so the caller may reuse its buffer as soon as the await returns (not before). An append waits
/// only while every ring buffer is still being hashed, which bounds the memory in use to the ring
/// (4 buffers of 1 MiB). Small appends are only copied; the workers take over whole buffers, so no
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
public sealed class IsccSumPushHasher : IAsyncDisposable
{
    // 1 MiB lets both kernels run at full width (BLAKE3 wants 16 KiB or more, the Data-Code batches
    // 512 KiB); four of them let the caller fill one while the workers hash up to three.
    private const int DefaultBufferSize = 1 << 20;
    private const int DefaultBufferCount = 4;

    private readonly DataHasher _data = new();
    private readonly InstanceHasher _instance = new();
    private readonly int _bufferSize;
    private readonly int _bufferCount;
    private readonly List<Slot> _slots = [];
    private readonly Channel<Slot> _free = Channel.CreateUnbounded<Slot>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Worker? _dataWorker;
    private Worker? _instanceWorker;
    private Slot? _current;
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
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferCount, 1);
        _bufferSize = bufferSize;
        _bufferCount = bufferCount;
    }

    /// <summary>Called by the Data-Code worker before it hashes a buffer (tests inject failures here).</summary>
    internal SpanAppender? DataWorkerTap { get; init; }

    /// <summary>Whether a worker task has not yet ended.</summary>
    internal bool IsHashingInBackground =>
        _dataWorker is { Completion.IsCompleted: false } || _instanceWorker is { Completion.IsCompleted: false };

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
                // A worker that failed stops the caller at the next buffer, not only when the ring is full.
                _stop.Token.ThrowIfCancellationRequested();
                var slot = _current ??= await NextFreeSlotAsync(cancellationToken).ConfigureAwait(false);
                var take = Math.Min(source.Length, _bufferSize - slot.Count);
                source.Span[..take].CopyTo(slot.Buffer.AsSpan(slot.Count));
                slot.Count += take;
                source = source[take..];
                Volatile.Write(ref _length, _length + take);
                if (slot.Count == _bufferSize)
                {
                    Publish(slot);
                    _current = null;
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
            foreach (var slot in _slots)
            {
                ArrayPool<byte>.Shared.Return(slot.Buffer);
            }

            _slots.Clear();
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

    /// <summary>A free ring buffer: a returned one, a new one while the ring is not full, or the next one the workers release.</summary>
    private async ValueTask<Slot> NextFreeSlotAsync(CancellationToken cancellationToken)
    {
        if (!_free.Reader.TryRead(out var slot))
        {
            if (_slots.Count < _bufferCount)
            {
                slot = new Slot(ArrayPool<byte>.Shared.Rent(_bufferSize));
                _slots.Add(slot);
                return slot;
            }

            slot = await ReadFreeAsync(cancellationToken).ConfigureAwait(false);
        }

        slot.Count = 0;
        return slot;
    }

    /// <summary>Waits for a buffer the workers release; wakes when the caller cancels, a worker fails or the hasher is disposed.</summary>
    private async ValueTask<Slot> ReadFreeAsync(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await _free.Reader.ReadAsync(_stop.Token).ConfigureAwait(false);
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        return await _free.Reader.ReadAsync(either.Token).ConfigureAwait(false);
    }

    /// <summary>Hands a buffer to both workers, starting them with the first one.</summary>
    private void Publish(Slot slot)
    {
        _dataWorker ??= new Worker(DataWorkerTap is { } tap ? source => { tap(source); _data.Append(source); } : _data.Append, _free.Writer, _stop);
        _instanceWorker ??= new Worker(_instance.Append, _free.Writer, _stop);
        slot.Pending = 2;
        _dataWorker.Enqueue(slot);
        _instanceWorker.Enqueue(slot);
    }

    /// <summary>Brings every appended byte into both digests: hands over the partial buffer and waits until the workers release every buffer.</summary>
    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_dataWorker is null)
        {
            // Nothing ever filled a buffer: hashing here costs less than waking two threads.
            if (_current is { Count: > 0 } small)
            {
                _data.Append(small.Buffer.AsSpan(0, small.Count));
                _instance.Append(small.Buffer.AsSpan(0, small.Count));
                small.Count = 0;
            }

            return;
        }

        if (_current is { Count: > 0 } partial)
        {
            Publish(partial);
            _current = null;
        }

        List<Slot> released = [];
        try
        {
            var held = _current is null ? 0 : 1;
            while (released.Count + held < _slots.Count)
            {
                released.Add(await ReadFreeAsync(cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            foreach (var slot in released)
            {
                _free.Writer.TryWrite(slot);
            }
        }
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
        if ((_dataWorker?.Error ?? _instanceWorker?.Error) is { } workerError)
        {
            ExceptionDispatchInfo.Throw(workerError);
        }

        ObjectDisposedException.ThrowIf(error is OperationCanceledException && Volatile.Read(ref _disposed) != 0, this);

        ExceptionDispatchInfo.Throw(error);
    }

    private async Task StopWorkersAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        var running = new List<Task>(2);
        foreach (var worker in new[] { _dataWorker, _instanceWorker })
        {
            if (worker is not null)
            {
                worker.Complete();
                running.Add(worker.Completion);
            }
        }

        // Their errors are read from Worker.Error; here it only matters that they have ended.
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One ring buffer; <see cref="Pending"/> counts the workers still hashing it.</summary>
    private sealed class Slot(byte[] buffer)
    {
        public int Pending;

        public byte[] Buffer { get; } = buffer;

        public int Count { get; set; }
    }

    /// <summary>A thread-pool loop that appends every queued buffer to one digest, in order.</summary>
    private sealed class Worker
    {
        private readonly Channel<Slot> _queue = Channel.CreateUnbounded<Slot>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        public Worker(SpanAppender append, ChannelWriter<Slot> free, CancellationTokenSource stop)
        {
            Completion = Task.Run(() => RunAsync(append, free, stop), CancellationToken.None);
        }

        public Task Completion { get; }

        /// <summary>What made the loop fail, if anything but a stop did.</summary>
        public Exception? Error => Completion.IsFaulted ? Completion.Exception?.InnerException : null;

        public void Enqueue(Slot slot) => _queue.Writer.TryWrite(slot);

        public void Complete() => _queue.Writer.TryComplete();

        private async Task RunAsync(SpanAppender append, ChannelWriter<Slot> free, CancellationTokenSource stop)
        {
            try
            {
                while (await _queue.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    while (_queue.Reader.TryRead(out var slot))
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        append(slot.Buffer.AsSpan(0, slot.Count));
                        if (Interlocked.Decrement(ref slot.Pending) == 0)
                        {
                            free.TryWrite(slot);
                        }
                    }
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Wake the caller, which may be waiting for a buffer this worker will never release.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}
