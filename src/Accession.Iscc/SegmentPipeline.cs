using System.Buffers;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
using Accession.Iscc.Platform;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc;

/// <summary>
/// Hashes an input that arrives in order, one buffer at a time, on every thread that offers to work
/// (shared/specs/iscc-sum.md §8). Each buffer is one segment of the input, followed by room for a
/// copy of the first MaxSize bytes of the next one (the lookahead). The work per segment is
/// BLAKE3 of its bytes (in order, one thread at a time), the speculative Data-Code chunking of the
/// segment (<see cref="SpeculativeSegment"/>, any thread, any order) and joining it to the exact
/// chain (in order, one thread at a time); a buffer goes back to the producer when its segment is
/// both hashed and joined, so memory stays at the ring whatever the input size. The threads take
/// the work in that order of preference, so whichever is free does what is most urgent.
/// </summary>
/// <remarks>
/// One producer fills the buffers (<see cref="NextBufferAsync"/>, <see cref="Commit"/>,
/// <see cref="EndOfInput"/>); it may help with the work while it waits. <see cref="Dispose"/> gives the
/// buffers back once every loop and wait has ended. Any number of worker loops
/// (<see cref="RunWorkerAsync"/>) may run at the same time. A failed step stops every loop and wait;
/// <see cref="Error"/> then says why.
/// </remarks>
internal sealed class SegmentPipeline : IDisposable
{
    private readonly DataHasher _data;
    private readonly InstanceHasher? _instance;
    private readonly Slot?[] _ring;
    private readonly int _bufferSize;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _workBell = new(0);
    private readonly SemaphoreSlim _freeBell = new(0);
    private readonly CancellationTokenSource _stop = new();
    private int _workWaiters;
    private bool _producerWaits;
    private bool _closed;

    // Sequence numbers of segments: committed by the producer; ready once their lookahead is known;
    // claimed for chunking; hashed by BLAKE3; joined to the Data-Code chain.
    private long _committed;
    private long _ready;
    private long _claimed;
    private long _hashed;
    private long _joined;
    private bool _hashing;
    private bool _joining;
    private Exception? _error;
    private long _joinedBytes;

    // Reading a file: every thread reads the segments it chunks (positional reads), so their bytes
    // are in its own cache; there is then no producer, and a segment counts as committed once claimed.
    private SafeFileHandle? _file;
    private long _fileStart;
    private long _fileLength;
    private long _fileSegments;

    /// <param name="data">The Data-Code hasher the segments are joined to.</param>
    /// <param name="instance">The Instance-Code hasher, or null to compute the Data-Code alone.</param>
    /// <param name="bufferSize">Bytes per buffer; from 2 × MaxSize on, MaxSize of them hold the lookahead.</param>
    /// <param name="bufferCount">Buffers in the ring; speculation needs at least 2.</param>
    public SegmentPipeline(DataHasher data, InstanceHasher? instance, int bufferSize, int bufferCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferCount, 1);
        _data = data;
        _instance = instance;
        _bufferSize = bufferSize;
        _ring = new Slot?[bufferCount];
        SegmentLength = bufferCount >= 2 && bufferSize >= 2 * CdcConstants.MaxSize ? bufferSize - CdcConstants.MaxSize : bufferSize;
    }

    /// <summary>How many bytes of input each buffer takes.</summary>
    public int SegmentLength { get; }

    /// <summary>Receives the number of bytes joined so far, after every segment (from whichever thread joined it).</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Called with a segment's bytes before its Data-Code is joined (tests inject failures here).</summary>
    public SpanAppender? JoinTap { get; set; }

    /// <summary>Why the pipeline stopped, if a step failed.</summary>
    public Exception? Error
    {
        get
        {
            lock (_gate)
            {
                return _error;
            }
        }
    }

    /// <summary>
    /// The buffer for the next segment (<see cref="SegmentLength"/> bytes), once one is free. With
    /// <paramref name="help"/>, the caller does pending work while it waits.
    /// </summary>
    public async ValueTask<Memory<byte>> NextBufferAsync(bool help, CancellationToken cancellationToken)
    {
        // A helping producer reads only as far ahead as keeps every thread busy, and otherwise works:
        // a segment chunked soon after it was read is still in the cache.
        await WaitAsync(
            () => _committed - Released < _ring.Length && (!help || _committed - Math.Max(_claimed, _joined) < ReadAhead),
            () => _committed - Released < _ring.Length,
            help,
            cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var slot = _ring[_committed % _ring.Length] ??= new Slot(ArrayPool<byte>.Shared.Rent(_bufferSize));
            return slot.Buffer.AsMemory(0, SegmentLength);
        }
    }

    /// <summary>
    /// Hands over the buffer last returned by <see cref="NextBufferAsync"/>, holding
    /// <paramref name="count"/> bytes (1 to <see cref="SegmentLength"/>); the previous segment takes
    /// its lookahead from them.
    /// </summary>
    public void Commit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, SegmentLength);
        lock (_gate)
        {
            var slot = _ring[_committed % _ring.Length]!;
            slot.Count = count;
            if (_ready < _committed)
            {
                var previous = _ring[(_committed - 1) % _ring.Length]!;
                var lookahead = Math.Min(CdcConstants.MaxSize, count);
                slot.Buffer.AsSpan(0, lookahead).CopyTo(previous.Buffer.AsSpan(previous.Count));
                previous.MakeReady(lookahead);
                _ready++;
            }

            _committed++;
            if (SegmentLength == _bufferSize)
            {
                // No room for a lookahead: the segment is appended as it is.
                slot.MakeReady(0);
                _ready++;
            }

            Wake();
        }
    }

    /// <summary>Marks the end of the input so far: the last segment is appended without a lookahead.</summary>
    public void EndOfInput()
    {
        lock (_gate)
        {
            if (_ready < _committed)
            {
                _ring[(_committed - 1) % _ring.Length]!.MakeReady(0);
                _ready++;
                Wake();
            }
        }
    }

    /// <summary>
    /// Takes the input from <paramref name="length"/> bytes of <paramref name="file"/> from
    /// <paramref name="start"/> on instead of from a producer: the working threads read the segments
    /// themselves. Call once, before any work, then <see cref="WaitUntilDoneAsync"/>. A file that is
    /// shorter than that when read fails the run with an <see cref="IOException"/>.
    /// </summary>
    public void ReadFile(SafeFileHandle file, long start, long length)
    {
        if (SegmentLength == _bufferSize)
        {
            throw new InvalidOperationException("Reading a file needs buffers with room for a lookahead.");
        }

        lock (_gate)
        {
            _file = file;
            _fileStart = start;
            _fileLength = length;
            _fileSegments = (length + SegmentLength - 1) / SegmentLength;
            Wake();
        }
    }

    /// <summary>Waits until every committed segment is hashed and joined; call <see cref="EndOfInput"/> first.</summary>
    public ValueTask WaitUntilDoneAsync(bool help, CancellationToken cancellationToken) =>
        WaitAsync(IsDone, IsDone, help, cancellationToken);

    /// <summary>Does the work of committed segments until <see cref="Close"/> or <see cref="Stop"/> is called.</summary>
    public async Task RunWorkerAsync()
    {
        while (true)
        {
            Step step;
            lock (_gate)
            {
                step = TakeStep();
                if (step.Kind == StepKind.None)
                {
                    if (_closed || _stop.IsCancellationRequested)
                    {
                        return;
                    }

                    _workWaiters++;
                }
            }

            if (step.Kind != StepKind.None)
            {
                Run(step);
                continue;
            }

            try
            {
                await _workBell.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Lets the worker loops end once they run out of work.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            ReleaseWaiters();
        }
    }

    /// <summary>Stops every worker loop and wait at once.</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Returns the buffers to the pool; only once no worker loop and no wait runs any more.</summary>
    public void Dispose()
    {
        _workBell.Dispose();
        _freeBell.Dispose();
        _stop.Dispose();
        for (var i = 0; i < _ring.Length; i++)
        {
            if (_ring[i] is { } slot)
            {
                ArrayPool<byte>.Shared.Return(slot.Buffer);
                _ring[i] = null;
            }
        }
    }

    /// <summary>Segments a helping producer keeps read ahead of the chunking.</summary>
    public int ReadAhead { get; init; } = 2;

    private bool IsDone() => _joined == _committed && Released == _committed && (_file is null || _committed == _fileSegments);

    /// <summary>Segments whose buffers may be filled again.</summary>
    private long Released => _instance is null ? _joined : Math.Min(_joined, _hashed);

    /// <summary>
    /// Waits until <paramref name="ready"/> holds, or <paramref name="readyWhenIdle"/> does and there is no
    /// work to help with.
    /// </summary>
    private async ValueTask WaitAsync(Func<bool> ready, Func<bool> readyWhenIdle, bool help, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step step;
            lock (_gate)
            {
                if (_error is not null)
                {
                    throw new OperationCanceledException("A hashing step failed.", _stop.Token);
                }

                if (ready())
                {
                    return;
                }

                step = help ? TakeStep() : default;
                if (step.Kind == StepKind.None)
                {
                    if (readyWhenIdle())
                    {
                        return;
                    }

                    _producerWaits = true;
                }
            }

            if (step.Kind != StepKind.None)
            {
                Run(step);
                continue;
            }

            if (!cancellationToken.CanBeCanceled)
            {
                await _freeBell.WaitAsync(_stop.Token).ConfigureAwait(false);
                continue;
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            await _freeBell.WaitAsync(either.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The most urgent step nobody has taken: a join frees buffers, BLAKE3 is serial, chunking parallel.</summary>
    private Step TakeStep()
    {
        if (_stop.IsCancellationRequested)
        {
            return default;
        }

        if (!_joining && _joined < _ready && _ring[_joined % _ring.Length]!.IsChunked)
        {
            _joining = true;
            return new Step(StepKind.Join, _joined);
        }

        if (_instance is not null && !_hashing && _hashed < (_file is null ? _committed : _ready))
        {
            _hashing = true;
            return new Step(StepKind.Hash, _hashed);
        }

        if (_file is not null)
        {
            // Claim the next segment to read and chunk while a buffer is free for it.
            if (_committed < _fileSegments && _committed - Released < _ring.Length)
            {
                var slot = _ring[_committed % _ring.Length] ??= new Slot(ArrayPool<byte>.Shared.Rent(_bufferSize));
                slot.IsChunked = false;
                return new Step(StepKind.Read, _committed++);
            }

            return default;
        }

        // Segments joined without chunking (no lookahead) were never claimed; their slots may hold others by now.
        _claimed = Math.Max(_claimed, _joined);
        while (_claimed < _ready)
        {
            var sequence = _claimed++;
            if (!_ring[sequence % _ring.Length]!.IsChunked)
            {
                return new Step(StepKind.Chunk, sequence);
            }
        }

        return default;
    }

    private void Run(Step step)
    {
        var slot = _ring[step.Sequence % _ring.Length]!;
        try
        {
            switch (step.Kind)
            {
                case StepKind.Join:
                    JoinTap?.Invoke(slot.Buffer.AsSpan(0, slot.Count));
                    _data.AppendSegment(slot.Segment);
                    break;
                case StepKind.Hash:
                    _instance!.Append(slot.Buffer.AsSpan(0, slot.Count));
                    break;
                case StepKind.Read:
                    ReadSegment(slot, step.Sequence);
                    if (slot.Segment.CanSpeculate)
                    {
                        slot.Segment.Chunk();
                    }

                    break;
                default:
                    slot.Segment.Chunk();
                    break;
            }
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                _error ??= error;
            }

            _stop.Cancel();
            throw;
        }

        lock (_gate)
        {
            switch (step.Kind)
            {
                case StepKind.Join:
                    _joining = false;
                    _joined++;
                    _joinedBytes += slot.Count;
                    Progress?.Report(_joinedBytes);
                    break;
                case StepKind.Hash:
                    _hashing = false;
                    _hashed++;
                    break;
                default:
                    slot.IsChunked = true;
                    break;
            }

            if (_file is not null)
            {
                // Read segments become ready in order, whichever thread read them.
                while (_ready < _committed && _ring[_ready % _ring.Length]!.IsChunked)
                {
                    _ready++;
                }
            }

            Wake();
        }
    }

    /// <summary>Reads segment <paramref name="sequence"/> of the file with its lookahead, and sets it.</summary>
    private void ReadSegment(Slot slot, long sequence)
    {
        var offset = sequence * SegmentLength;
        var wanted = (int)Math.Min(_bufferSize, _fileLength - offset);
        var buffer = slot.Buffer.AsSpan(0, wanted);
        var filled = 0;
        while (filled < wanted)
        {
            var read = RandomAccess.Read(_file!, buffer[filled..], _fileStart + offset + filled);
            if (read == 0)
            {
                throw new IOException(MappedMemory.FileChangedMessage);
            }

            filled += read;
        }

        // Whether it is chunked is set under the gate once the step is done (MakeReady would set it here).
        slot.Count = (int)Math.Min(SegmentLength, _fileLength - offset);
        slot.Segment.Set(slot.Buffer.AsMemory(0, wanted), slot.Count);
    }

    /// <summary>Wakes every waiting worker and the producer to look again (under the gate).</summary>
    private void Wake()
    {
        ReleaseWaiters();
        if (_producerWaits)
        {
            _producerWaits = false;
            _freeBell.Release();
        }
    }

    private void ReleaseWaiters()
    {
        if (_workWaiters > 0)
        {
            _workBell.Release(_workWaiters);
            _workWaiters = 0;
        }
    }

    private enum StepKind
    {
        None,
        Join,
        Hash,
        Chunk,
        Read,
    }

    private readonly record struct Step(StepKind Kind, long Sequence);

    /// <summary>One ring buffer and the segment it holds.</summary>
    private sealed class Slot(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;

        public SpeculativeSegment Segment { get; } = new();

        public int Count { get; set; }

        /// <summary>Whether the segment needs no more chunking before it is joined.</summary>
        public bool IsChunked { get; set; }

        /// <summary>Sets the segment with the <paramref name="lookahead"/> bytes now behind it; without a whole one it is not chunked.</summary>
        public void MakeReady(int lookahead)
        {
            Segment.Set(Buffer.AsMemory(0, Count + lookahead), Count);
            IsChunked = !Segment.CanSpeculate;
        }
    }
}
