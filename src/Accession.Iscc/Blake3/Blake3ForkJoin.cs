using System.Runtime.ExceptionServices;

namespace Accession.Iscc.Blake3;

/// <summary>
/// Runs a handful of coarse work items on the calling thread and on thread-pool threads, which take
/// them from one shared counter. It does what <see cref="Parallel.For(int, int, Action{int})"/> does
/// for this case, but its first use costs a fraction of a millisecond instead of about ten (no task
/// scheduler, loop state or event source to set up), which shows in a short-lived process. When the
/// pool is busy the calling thread simply does every item itself.
/// </summary>
internal sealed class Blake3ForkJoin : IThreadPoolWorkItem
{
    private readonly Action<int> _body;
    private readonly int _count;
    private readonly object _gate = new(); // Monitor.Wait needs a monitor, not a Lock.
    private int _next = -1;
    private int _remaining;
    private ExceptionDispatchInfo? _failure;

    private Blake3ForkJoin(int count, Action<int> body)
    {
        _count = count;
        _remaining = count;
        _body = body;
    }

    /// <summary>Calls <paramref name="body"/> once for each of 0 … <paramref name="count"/> − 1, on up to <paramref name="parallelism"/> threads.</summary>
    public static void Run(int count, int parallelism, Action<int> body)
    {
        var job = new Blake3ForkJoin(count, body);
        for (var helper = 1; helper < Math.Min(parallelism, count); helper++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
        }

        job.Execute();
        job.WaitForItemsInProgress();
        job._failure?.Throw();
    }

    /// <summary>Takes items until none are left; a helper that starts late finds nothing and returns.</summary>
    public void Execute()
    {
        int item;
        while ((item = Interlocked.Increment(ref _next)) < _count)
        {
            try
            {
                _body(item);
            }
#pragma warning disable CA1031 // Rethrown on the calling thread.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
            }

            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private void WaitForItemsInProgress()
    {
        lock (_gate)
        {
            while (Volatile.Read(ref _remaining) > 0)
            {
                Monitor.Wait(_gate);
            }
        }
    }
}
