namespace Accession.TestKit.Omero;

/// <summary>
/// One request to the fake OMERO.web: when, what, the answer's status (0 until the response starts, or
/// when the connection was dropped before it), how long it took so far, whether the connection was dropped
/// (<see cref="Aborted"/>) and whether it is over (<see cref="Completed"/>), the headers that matter to the
/// OMERO.web contract and the names of the cookies sent. Values of secrets (CSRF tokens, cookies,
/// passwords, session keys) are never kept: such headers read <c>(present)</c>, such query values
/// <c>(redacted)</c>. Immutable.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string Method,
    string Path,
    string Query,
    int StatusCode,
    bool Aborted,
    bool Completed,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> CookieNames,
    string? UserName)
{
    /// <summary>A recorded header value, or null when the header was not sent.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
