using Accession.Iscc.DataCode;

namespace Accession.Iscc;

// The producer's side: buffers handed out, filled and committed in order, and its waits.
internal sealed partial class SegmentPipeline
{
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
            return ClaimSlot(_committed).Buffer.AsMemory(0, SegmentLength);
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

    /// <summary>Waits until every committed segment is hashed and joined; call <see cref="EndOfInput"/> first.</summary>
    public ValueTask WaitUntilDoneAsync(bool help, CancellationToken cancellationToken) =>
        WaitAsync(IsDone, IsDone, help, cancellationToken);

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
}
