using System.Buffers;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
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
/// (<see cref="RunWorkerAsync"/>) may run at the same time. A file is read by the working threads
/// themselves instead (<see cref="ReadFile"/>, <see cref="WorkOnFile"/>). A failed step stops every
/// loop and wait; <see cref="Error"/> then says why.
/// </remarks>
internal sealed partial class SegmentPipeline : IDisposable
{
    private readonly DataHasher _data;
    private readonly InstanceHasher? _instance;
    private readonly Slot?[] _ring;
    private readonly Stack<Slot> _idle = new();
    private readonly int _bufferSize;
    // A monitor rather than a Lock: the threads that work on a file wait on it (Monitor.Wait).
    private readonly object _gate = new();
    private readonly SemaphoreSlim _workBell = new(0);
    private readonly SemaphoreSlim _freeBell = new(0);
    private readonly CancellationTokenSource _stop = new();
    private int _workWaiters;
    private int _blockedWorkers;
    private bool _producerWaits;
    private bool _closed;

    // Sequence numbers of segments: committed by the producer; ready once their lookahead is known;
    // claimed for chunking; hashed by BLAKE3; joined to the Data-Code chain.
    private long _committed;
    private long _ready;
    private long _claimed;
    private long _hashed;
    private long _joined;
    private long _recycled;
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

    /// <summary>How many buffers the pipeline has taken from the pool: as many as it held at once, not the whole ring.</summary>
    public int BuffersTaken { get; private set; }

    /// <summary>Segments a helping producer keeps read ahead of the chunking.</summary>
    public int ReadAhead { get; init; } = 2;

    private bool IsDone() => _joined == _committed && Released == _committed && (_file is null || _committed == _fileSegments);

    /// <summary>Segments whose buffers may be filled again.</summary>
    private long Released => _instance is null ? _joined : Math.Min(_joined, _hashed);

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
    public void Stop()
    {
        _stop.Cancel();
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Returns the buffers to the pool; only once no worker loop and no wait runs any more.</summary>
    public void Dispose()
    {
        _workBell.Dispose();
        _freeBell.Dispose();
        _stop.Dispose();
        foreach (var slot in _ring)
        {
            if (slot is not null)
            {
                _idle.Push(slot);
            }
        }

        Array.Clear(_ring);
        while (_idle.TryPop(out var slot))
        {
            ArrayPool<byte>.Shared.Return(slot.Buffer);
        }
    }
}
