using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The fake's outermost step: applies the per-route delay and one-shot failure faults, then records
/// every request with its answer for assertions. Thread-safe.
/// </summary>
internal sealed class RequestRecorder(FakePennsieveFaults faults, Action recorded)
{
    private static readonly string[] SecretHeaders = ["Authorization", "X-Amz-Security-Token", "Cookie"];
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_lock) { return [.. _requests]; }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteTag>()?.Route ?? PennsieveRoute.Unknown;
        var body = new CountingStream(context.Request.Body);
        context.Request.Body = body;
        try
        {
            if (faults.DelayFor(route) is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (faults.TakeFailure(route) is { } status)
            {
                await WriteFailureAsync(context, route, status);
            }
            else
            {
                await next(context);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left during a delay or a body.
        }
        finally
        {
            Record(context, route, body.Count, startedAt);
        }
    }

    private static Task WriteFailureAsync(HttpContext context, PennsieveRoute route, int status) => route switch
    {
        PennsieveRoute.Put => S3Errors.WriteStatusAsync(context, status),
        PennsieveRoute.InitiateAuth => FakeHttp.WriteJsonAsync(
            context, status, new System.Text.Json.Nodes.JsonObject { ["__type"] = "InternalErrorException", ["message"] = "Internal error" }, "application/x-amz-json-1.1"),
        _ => FakeHttp.WriteMessageAsync(context, status, ReasonPhrase(status)),
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private void Record(HttpContext context, PennsieveRoute route, long bodyLength, DateTimeOffset startedAt)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            var value = values.ToString();
            headers[name] = SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Redact(value) : value;
        }

        var query = string.Join('&', context.Request.Query.Select(p => $"{p.Key}={(p.Key == "X-Amz-Signature" ? "redacted" : p.Value.ToString())}"));
        var aborted = FakeHttp.WasDropped(context);
        var request = new RecordedRequest(
            route, context.Request.Method, context.Request.Path.Value ?? "", query, headers, bodyLength,
            aborted ? 0 : context.Response.StatusCode, aborted, startedAt, DateTimeOffset.UtcNow);
        lock (_lock)
        {
            _requests.Add(request);
        }

        recorded();
    }

    /// <summary>Keeps the scheme (<c>Bearer</c>, <c>Callback</c>) so tests can tell what was sent, never the credential.</summary>
    private static string Redact(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? $"{value[..space]} redacted" : "redacted";
    }

    /// <summary>Endpoint metadata naming the route.</summary>
    internal sealed record RouteTag(PennsieveRoute Route);

    /// <summary>Counts the request body bytes the fake reads.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Add(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Add(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Add(int read)
        {
            Interlocked.Add(ref _count, read);
            return read;
        }
    }
}
