namespace Accession.Omero.Web;

/// <summary>
/// The two cookies an OMERO.web session lives on, <c>csrftoken</c> and <c>sessionid</c>
/// (shared/specs/omero.md §2.1), kept here rather than in the handler's cookie container so they
/// survive handler changes and are never written to logs. Thread-safe.
/// </summary>
internal sealed class SessionCookies
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The value for a <c>Cookie</c> request header, or null when none is held.</summary>
    public string? Header()
    {
        lock (_lock)
        {
            return _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(pair => $"{pair.Key}={pair.Value}"));
        }
    }

    public string? Get(string name)
    {
        lock (_lock)
        {
            return _cookies.GetValueOrDefault(name);
        }
    }

    /// <summary>Takes the cookies a response sets (an empty value or a past expiry removes one).</summary>
    public void Update(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        lock (_lock)
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                var name = pair[..equals].Trim();
                var content = pair[(equals + 1)..].Trim().Trim('"');
                var expired = value.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase)
                    || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (content.Length == 0 || expired)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = content;
                }
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _cookies.Clear();
        }
    }
}
