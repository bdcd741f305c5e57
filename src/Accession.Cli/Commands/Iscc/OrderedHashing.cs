using System.Runtime.ExceptionServices;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Hashes a sequence of inputs on one thread per core and hands each outcome on in the order of the
/// sequence, as soon as it and every input before it are done. A file of a few KiB is hashed on the thread that
/// took it (<see cref="Accession.Iscc.IsccSum.HashFileAsync(string, long, IProgress{long}?, Accession.Iscc.FileReadMode, CancellationToken)"/> hashes it synchronously), so the
/// threads hash different files side by side and meet only to take the next input and to hand
/// outcomes on. Nobody spins: a thread with nothing to do waits on a monitor, and at most
/// <see cref="Window"/> outcomes wait to be handed on, so memory stays flat however many inputs there
/// are (the sequence is read as inputs are taken). Outcomes are handed on by one thread at a time,
/// outside the lock, in a batch each time.
/// </summary>
/// <typeparam name="TInput">One thing to hash (a file, a checksum line).</typeparam>
/// <typeparam name="TOutcome">What hashing one input gives.</typeparam>
internal sealed class OrderedHashing<TInput, TOutcome>
{
    /// <summary>How far hashing may run ahead of handing on.</summary>
    public const int Window = 256;

    private readonly IEnumerable<TInput> _inputs;
    private readonly TInput[] _taken = new TInput[Window];
    private readonly Func<TInput, ValueTask<TOutcome>> _hash;
    private readonly Action<TInput, TOutcome> _handOn;
    private readonly Action _afterBatch;
    private readonly CancellationToken _cancellationToken;
    private readonly object _gate = new();
    private readonly TOutcome[] _outcomes = new TOutcome[Window];
    private readonly bool[] _done = new bool[Window];
    private int _next;
    private int _handedOn;
    private bool _handingOn;
    private int _waiting;
    private bool _stopped;
    private IEnumerator<TInput>? _source;
    private ExceptionDispatchInfo? _failure;

    /// <param name="inputs">What to hash, in the order outcomes are handed on.</param>
    /// <param name="hash">Hashes one input; may run on any thread, several at once.</param>
    /// <param name="handOn">Receives each outcome, in order, on one thread at a time.</param>
    /// <param name="afterBatch">Runs after each batch of outcomes handed on (to flush output).</param>
    /// <param name="cancellationToken">Stops taking further inputs.</param>
    public OrderedHashing(
        IEnumerable<TInput> inputs,
        Func<TInput, ValueTask<TOutcome>> hash,
        Action<TInput, TOutcome> handOn,
        Action afterBatch,
        CancellationToken cancellationToken)
    {
        _inputs = inputs;
        _hash = hash;
        _handOn = handOn;
        _afterBatch = afterBatch;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Hashes every input on up to <paramref name="threads"/> threads; one thread means the calling flow,
    /// in order. A sequence of one input is hashed by the calling flow too (a large file is still hashed
    /// on every core), so a short run starts no threads.
    /// </summary>
    public async Task RunAsync(int threads)
    {
        using var inputs = _inputs.GetEnumerator();
        if (threads <= 1)
        {
            while (inputs.MoveNext())
            {
                await HashInOrderAsync(inputs.Current).ConfigureAwait(false);
            }

            return;
        }

        if (!inputs.MoveNext())
        {
            return;
        }

        var first = inputs.Current;
        if (!inputs.MoveNext())
        {
            await HashInOrderAsync(first).ConfigureAwait(false);
            return;
        }

        // Dedicated threads, not the thread pool: they block while a large file's two-core pipeline,
        // which needs pool threads, runs.
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = threads;
        using (_source = Resume(first, inputs))
        {
            for (var t = 0; t < threads; t++)
            {
                new Thread(() =>
                {
                    Work();
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        finished.SetResult();
                    }
                })
                {
                    IsBackground = true,
                    Name = "ISCC-SUM of files",
                }.Start();
            }

            await finished.Task.ConfigureAwait(false);
        }

        _failure?.Throw();
        _cancellationToken.ThrowIfCancellationRequested();
    }

    // The sequence again from its first input, after the second was taken to see whether there is one.
    private static IEnumerator<TInput> Resume(TInput first, IEnumerator<TInput> fromSecond)
    {
        yield return first;
        do
        {
            yield return fromSecond.Current;
        }
        while (fromSecond.MoveNext());
    }

    private async ValueTask HashInOrderAsync(TInput input)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _handOn(input, await _hash(input).ConfigureAwait(false));
        _afterBatch();
    }

    private void Work()
    {
        try
        {
            while (TryTake(out var index))
            {
                var pending = _hash(_taken[index % Window]);
                var outcome = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
                if (Complete(index, outcome))
                {
                    HandOnReady();
                }
            }
        }
        catch (Exception e)
        {
            Stop(ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Takes the next input, waiting while the window is full; false when there is nothing left to take.</summary>
    private bool TryTake(out int index)
    {
        lock (_gate)
        {
            while (!_stopped && _next - _handedOn >= Window)
            {
                _waiting++;
                Monitor.Wait(_gate);
                _waiting--;
            }

            // The sequence is read under the lock: a folder is listed by whichever thread reaches it.
            if (_stopped || _cancellationToken.IsCancellationRequested || !_source!.MoveNext())
            {
                index = -1;
                return false;
            }

            index = _next++;
            _taken[index % Window] = _source.Current;
            return true;
        }
    }

    /// <summary>Stores an outcome; true when the caller is to hand on what is ready (nobody else is doing so).</summary>
    private bool Complete(int index, TOutcome outcome)
    {
        lock (_gate)
        {
            _outcomes[index % Window] = outcome;
            _done[index % Window] = true;
            if (_handingOn || index != _handedOn)
            {
                return false;
            }

            _handingOn = true;
            return true;
        }
    }

    /// <summary>Hands on every outcome that is next in order, in batches, until the next one is not done yet.</summary>
    private void HandOnReady()
    {
        var batch = new List<(TInput Input, TOutcome Outcome)>();
        while (true)
        {
            batch.Clear();
            lock (_gate)
            {
                for (var i = _handedOn; i < _next && _done[i % Window]; i++)
                {
                    batch.Add((_taken[i % Window], _outcomes[i % Window]));
                    _done[i % Window] = false;
                    _outcomes[i % Window] = default!;
                    _taken[i % Window] = default!;
                }

                if (batch.Count == 0 || _stopped)
                {
                    _handingOn = false;
                    return;
                }
            }

            foreach (var (input, outcome) in batch)
            {
                _handOn(input, outcome);
            }

            _afterBatch();
            lock (_gate)
            {
                _handedOn += batch.Count;
                if (_waiting > 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private void Stop(ExceptionDispatchInfo failure)
    {
        lock (_gate)
        {
            _failure ??= failure;
            _stopped = true;
            _handingOn = false;
            Monitor.PulseAll(_gate);
        }
    }
}
