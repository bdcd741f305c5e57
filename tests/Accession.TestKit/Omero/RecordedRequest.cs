namespace Accession.TestKit.Omero;

/// <summary>
/// One request the fake OMERO.web answered: when, what, the answer's status, the headers that matter to
/// the OMERO.web contract and the names of the cookies sent. Values of secrets (CSRF tokens, cookies,
/// passwords, session keys) are never kept: such headers read <c>(present)</c>. Immutable.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string Method,
    string Path,
    string Query,
    int StatusCode,
    bool Aborted,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> CookieNames,
    string? UserName)
{
    /// <summary>A recorded header value, or null when the header was not sent.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
