using System.Collections.Concurrent;

namespace Accession.TestKit.Omero;

/// <summary>Keeps every answered request with secrets left out (see <see cref="RecordedRequest"/>). Thread-safe.</summary>
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

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. _requests.OrderBy(request => request.StartedAt)];

    public void Clear() => _requests.Clear();

    public void Add(OmeroExchange exchange, DateTimeOffset startedAt, TimeSpan duration)
    {
        var request = exchange.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = PlainHeaders.Contains(header.Key) ? header.Value.ToString() : "(present)";
        }

        _requests.Enqueue(new RecordedRequest(
            startedAt,
            duration,
            request.Method,
            request.Path.Value ?? "/",
            RedactQuery(request.Query),
            exchange.Aborted && !exchange.Response.HasStarted ? 0 : exchange.Response.StatusCode,
            exchange.Aborted,
            headers,
            [.. request.Cookies.Keys],
            exchange.Session?.User.UserName));
    }

    private static string RedactQuery(Microsoft.AspNetCore.Http.IQueryCollection query) =>
        string.Join('&', query.SelectMany(parameter => parameter.Value.Select(value =>
            $"{parameter.Key}={(SecretParameters.Contains(parameter.Key) ? "(redacted)" : value)}")));
}
