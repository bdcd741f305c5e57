using System.Diagnostics;

namespace Accession.Cli.Terminal;

/// <summary>
/// Tells, on Linux, whether a SIGINT or SIGTERM that already reached this process may still be on its
/// way to <see cref="TerminationSignal"/>'s handler. .NET carries a signal there through a chain of
/// threads: the thread the kernel interrupts runs the runtime's native handler, which writes the signal
/// to a pipe; the runtime's signal thread reads it, calls into managed code and starts one more thread,
/// which runs the handlers. Each hop waits for a core, so how long the chain takes has no bound. But
/// while the signal is on its way, it is pending or one of those threads is runnable, so a process whose
/// other threads all sleep and that has no such signal pending carries none. Stateless; thread-safe.
/// </summary>
internal static class SignalsInFlight
{
    // SIGINT is 2 and SIGTERM 15 on Linux (signal(7)); bit n-1 of a /proc mask stands for signal n.
    private const ulong TerminationSignals = (1UL << (2 - 1)) | (1UL << (15 - 1));

    /// <summary>
    /// Blocks the calling thread until no termination signal can be on its way to the handler, the
    /// token is cancelled, or <paramref name="limit"/> has passed. Returns at once where this cannot be
    /// told (not Linux, or no /proc).
    /// </summary>
    public static void WaitUntilSettled(TimeSpan limit, CancellationToken cancellationToken)
    {
        // Polled on this thread, not by a timer: a timer's wake-ups would themselves keep the timer
        // thread and a pool thread runnable at the moments of looking.
        var start = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && MayBeInFlight() && Stopwatch.GetElapsedTime(start) < limit)
        {
            Thread.Sleep(1);
        }
    }

    /// <summary>True when a termination signal is pending for this process or another of its threads is runnable.</summary>
    public static bool MayBeInFlight()
    {
        if (!OperatingSystem.IsLinux() || new FileInfo("/proc/thread-self").LinkTarget is not { } threadSelf)
        {
            return false;
        }

        try
        {
            return IsTerminationSignalPending() || AnotherThreadIsRunnable(Path.GetFileName(threadSelf));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsTerminationSignalPending()
    {
        // ShdPnd: signals sent to the process and not yet taken by any of its threads (proc(5)).
        var pending = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("ShdPnd:", StringComparison.Ordinal));
        return pending is not null && (Convert.ToUInt64(pending["ShdPnd:".Length..].Trim(), 16) & TerminationSignals) != 0;
    }

    private static bool AnotherThreadIsRunnable(string self)
    {
        foreach (var thread in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (Path.GetFileName(thread) == self)
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(thread, "stat"));
            }
            catch (IOException)
            {
                continue; // The thread ended meanwhile.
            }

            // The state follows the name in parentheses (proc(5)): R runnable; a thread on the way may
            // also be in D, an uninterruptible wait such as for a page, or stopped by a tracer (t, T).
            var nameEnd = stat.LastIndexOf(')');
            if (nameEnd >= 0 && nameEnd + 2 < stat.Length && stat[nameEnd + 2] is 'R' or 'D' or 't' or 'T')
            {
                return true;
            }
        }

        return false;
    }
}
