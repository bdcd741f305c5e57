namespace Accession.Iscc;

// The work on the segments: which step is most urgent, running it, and waking who waits for it.
internal sealed partial class SegmentPipeline
{
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
                var slot = ClaimSlot(_committed);
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

            Stop();
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
                    RecycleReleased();
                    break;
                case StepKind.Hash:
                    _hashing = false;
                    _hashed++;
                    RecycleReleased();
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

    /// <summary>Wakes every waiting worker and the producer to look again (under the gate).</summary>
    private void Wake()
    {
        ReleaseWaiters();
        if (_blockedWorkers > 0)
        {
            Monitor.PulseAll(_gate);
        }

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
}
