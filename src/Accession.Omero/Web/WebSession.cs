using System.Collections.Immutable;
using System.Net;

namespace Accession.Omero.Web;

/// <summary>
/// One OMERO.web session as requests carry it: the <c>csrftoken</c> and <c>sessionid</c> cookies and the
/// CSRF token to send beside them (shared/specs/omero.md §2.1). Immutable, so a request takes its cookie
/// and its token from the same session; a login builds a new one apart and the client swaps it in whole.
/// Never written to logs. Thread-safe.
/// </summary>
internal sealed class WebSession
{
    private const string CsrfCookie = "csrftoken";

    private readonly ImmutableSortedDictionary<string, string> _cookies;
    private readonly string? _csrfToken;

    private WebSession(ImmutableSortedDictionary<string, string> cookies, string? csrfToken, int number)
    {
        _cookies = cookies;
        _csrfToken = csrfToken;
        Number = number;
        CookieHeader = cookies.IsEmpty ? null : string.Join("; ", cookies.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    /// <summary>No session: no cookies, no token, no login yet.</summary>
    public static WebSession None { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), null, 0);

    /// <summary>Which login made this session (1 for the first); 0 before any login.</summary>
    public int Number { get; }

    /// <summary>The value for a <c>Cookie</c> request header, or null when none is held.</summary>
    public string? CookieHeader { get; }

    /// <summary>The token for <c>X-CSRFToken</c>: the one <c>/api/v0/token/</c> handed out, else the cookie's value.</summary>
    public string? CsrfToken => _csrfToken ?? _cookies.GetValueOrDefault(CsrfCookie);

    /// <summary>This session with the CSRF token <paramref name="token"/>.</summary>
    public WebSession WithCsrfToken(string? token) => new(_cookies, token, Number);

    /// <summary>This session, counted as the one login <paramref name="number"/> made.</summary>
    public WebSession AsLogin(int number) => new(_cookies, _csrfToken, number);

    /// <summary>
    /// This session with the cookies <paramref name="response"/> sets, as the BCL's cookie rules read them
    /// (<see cref="CookieContainer"/>: a past <c>Expires</c> or <c>Max-Age=0</c> removes one; a malformed
    /// one is ignored, as a browser would); itself when it changes none.
    /// </summary>
    public WebSession WithCookiesFrom(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values) || response.RequestMessage?.RequestUri is not { } uri)
        {
            return this;
        }

        var jar = new CookieContainer();
        foreach (var (name, value) in _cookies)
        {
            jar.Add(uri, new Cookie(name, value, "/"));
        }

        foreach (var value in values)
        {
            try
            {
                jar.SetCookies(uri, value);
            }
            catch (CookieException)
            {
                // Not a cookie the server could have meant for us; the others still count.
            }
        }

        var cookies = jar.GetCookies(uri)
            .Where(cookie => !cookie.Expired && cookie.Value.Length > 0)
            .Aggregate(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), (held, cookie) => held.SetItem(cookie.Name, cookie.Value));
        if (cookies.Count == _cookies.Count && cookies.All(pair => _cookies.TryGetValue(pair.Key, out var held) && held == pair.Value))
        {
            return this;
        }

        // A new CSRF secret makes the handed-out token stale; the cookie's own value is then the token (§6).
        var token = cookies.GetValueOrDefault(CsrfCookie) == _cookies.GetValueOrDefault(CsrfCookie) ? _csrfToken : null;
        return new WebSession(cookies, token, Number);
    }
}
