namespace Accession.TestKit.Pennsieve;

/// <summary>
/// One request the fake answered (or dropped): what arrived, without secrets — the <c>Authorization</c>
/// value keeps only its scheme, presigned signatures are replaced — and how it was answered. Immutable.
/// </summary>
public sealed record RecordedRequest(
    PennsieveRoute Route,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    long BodyLength,
    int StatusCode,
    bool Aborted,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    /// <summary>A header's value (case-insensitive name), or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
