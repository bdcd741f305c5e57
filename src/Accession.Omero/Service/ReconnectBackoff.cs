namespace Accession.Omero.Service;

/// <summary>
/// Waits between attempts to reach OMERO again: the Python service's schedule (shared/specs/omero.md §1.3:
/// 2 s, ×1.5 per attempt, at most 30 s), starting from a configurable first delay. Not thread-safe.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan first)
{
    /// <summary>The longest wait (§1.3).</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _first = first;
    private TimeSpan _next = first;

    /// <summary>Attempts since the last success.</summary>
    public int Attempts { get; private set; }

    /// <summary>The wait before the next attempt; each call lengthens the following one.</summary>
    public TimeSpan Next()
    {
        Attempts++;
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min((long)(_next.Ticks * 1.5), Maximum.Ticks));
        return wait;
    }

    public void Reset()
    {
        Attempts = 0;
        _next = _first;
    }
}
