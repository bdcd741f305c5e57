using System.Collections.Concurrent;
using System.Diagnostics;

namespace Accession.TestKit.Omero;

/// <summary>
/// Keeps every request with secrets left out (see <see cref="RecordedRequest"/>). A request is visible from
/// its arrival and its record is brought up to date when the response starts, when the fake drops its
/// connection and when it completes, so a client that has seen an answer also finds it recorded. Thread-safe.
/// </summary>
internal sealed class RequestRecorder
{
    // Headers whose values say how a client speaks OMERO.web and carry no secret.
    private static readonly HashSet<string> PlainHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "Origin", "Referer", "User-Agent", "X-Requested-With", "Host",
    };

    // Query parameters that carry credentials (spec omero.md §2.2, "Alternatives to login").
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "bsession", "csrfmiddlewaretoken",
    };

    private readonly ConcurrentQueue<Slot> _slots = new();

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. _slots.Select(slot => slot.Value).OrderBy(request => request.StartedAt)];

    public void Clear() => _slots.Clear();

    /// <summary>Records a request that has just arrived; <see cref="OmeroExchange.Record"/> updates it later.</summary>
    public void Begin(OmeroExchange exchange, DateTimeOffset startedAt)
    {
        var slot = new Slot(startedAt);
        exchange.Recording = completed => slot.Value = Describe(exchange, slot, completed);
        slot.Value = Describe(exchange, slot, completed: false);
        _slots.Enqueue(slot);
    }

    private static RecordedRequest Describe(OmeroExchange exchange, Slot slot, bool completed)
    {
        var request = exchange.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = PlainHeaders.Contains(header.Key) ? header.Value.ToString() : "(present)";
        }

        var started = exchange.Started || exchange.Response.HasStarted;
        var answered = started || completed;
        return new RecordedRequest(
            slot.StartedAt,
            slot.Watch.Elapsed,
            request.Method,
            request.Path.Value ?? "/",
            RedactQuery(request.Query),
            answered && !(exchange.Aborted && !started) ? exchange.Response.StatusCode : 0,
            exchange.Aborted,
            completed,
            headers,
            [.. request.Cookies.Keys],
            exchange.Session?.User.UserName);
    }

    private static string RedactQuery(Microsoft.AspNetCore.Http.IQueryCollection query) =>
        string.Join('&', query.SelectMany(parameter => parameter.Value.Select(value =>
            $"{parameter.Key}={(SecretParameters.Contains(parameter.Key) ? "(redacted)" : value)}")));

    private sealed class Slot(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt => startedAt;

        public Stopwatch Watch { get; } = Stopwatch.StartNew();

        public volatile RecordedRequest Value = null!;
    }
}
