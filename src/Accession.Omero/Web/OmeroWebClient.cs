using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Web;

/// <summary>
/// A logged-in conversation with OMERO.web over its JSON API, webgateway and webclient routes
/// (shared/specs/omero.md §2). It logs in with a CSRF token and a session cookie, sends
/// <c>X-Requested-With</c> so an expired session shows as 403 rather than a redirect to the login page
/// (§2.3), and logs in again once when the session has gone. A login builds its session (cookies and
/// CSRF token) apart and swaps it in whole when it is complete, so a request running beside a login
/// carries either the old session or the new one, never half of each. Thread-safe: requests may run in parallel.
/// </summary>
public sealed partial class OmeroWebClient : IDisposable
{
    private const string CsrfHeader = "X-CSRFToken";

    /// <summary>New logins one request may cause before the session counts as unusable.</summary>
    private const int SessionRenewals = 4;

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly int _server;
    private readonly string _username;
    private readonly string _password;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _login = new(1, 1);

    // Replaced whole (by a login, or when a response sets cookies), never changed in place.
    private WebSession _session = WebSession.None;

    /// <summary>Creates a client for the OMERO.web at <paramref name="baseUrl"/> (not yet logged in).</summary>
    public OmeroWebClient(Uri baseUrl, int server, string username, string password, ILogger logger, TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _base = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _server = server;
        _username = username;
        _password = password;
        _logger = logger;
        _http = OmeroHttp.Create(retryDelay ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Logins so far (the first one included).</summary>
    public int Logins => Volatile.Read(ref _session).Number;

    /// <summary>Logs in (again), replacing any earlier session.</summary>
    /// <exception cref="OmeroLoginException">The credentials or the server id were refused.</exception>
    /// <exception cref="OmeroUnavailableException">OMERO.web cannot be reached.</exception>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _login.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }

    /// <summary>
    /// Logs in on a session of its own, starting with no cookies, and makes it the client's session once
    /// OMERO.web has accepted it; until then requests keep using the previous one. The caller holds <see cref="_login"/>.
    /// </summary>
    private async Task LoginCoreAsync(CancellationToken cancellationToken)
    {
        var pending = WebSession.None;
        using (var token = await SendRawAsync(() => Get("api/v0/token/"), pending, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(token, "api/v0/token/", cancellationToken).ConfigureAwait(false);
            using var json = await ReadJsonAsync(token, cancellationToken).ConfigureAwait(false);
            pending = pending.WithCookiesFrom(token).WithCsrfToken(
                json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String ? data.GetString() : null);
        }

        using var login = await SendRawAsync(
            () => Post("api/v0/login/", [
                KeyValuePair.Create("server", _server.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                KeyValuePair.Create("username", _username),
                KeyValuePair.Create("password", _password),
            ]),
            pending,
            cancellationToken).ConfigureAwait(false);
        if (login.StatusCode == HttpStatusCode.Forbidden)
        {
            var message = await ReadMessageAsync(login, cancellationToken).ConfigureAwait(false);
            throw new OmeroLoginException($"OMERO.web at {_base} refused the login of user '{_username}': {message} Check username, password and server.");
        }

        await EnsureSuccessAsync(login, "api/v0/login/", cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _session, pending.WithCookiesFrom(login).AsLogin(Logins + 1));
        LogLoggedIn(_logger, _base, _username);
    }

    /// <summary>
    /// Sends a request built by <paramref name="build"/>; when OMERO.web says the session is gone it logs
    /// in again (once for all requests that noticed the same lost session) and sends the request again.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = Volatile.Read(ref _session);
            var response = await SendRawAsync(build, session, cancellationToken).ConfigureAwait(false);
            KeepCookies(session, response);
            if (!await IsLoggedOutAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
            if (attempt == SessionRenewals)
            {
                throw new OmeroWebException($"OMERO.web at {_base} kept ending the session right after new logins; check the server's session settings.");
            }

            await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Logins == session.Number)
                {
                    LogSessionExpired(_logger);
                    await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _login.Release();
            }
        }
    }

    /// <summary>Sends a request built by <paramref name="build"/> with the cookies and, for a POST, the CSRF token of <paramref name="session"/>.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> build, WebSession session, CancellationToken cancellationToken)
    {
        using var request = build();
        if (session.CookieHeader is { } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }

        // Django's CSRF check (§2.1): the token in a header beside the cookie.
        if (request.Method != HttpMethod.Get && session.CsrfToken is { } token)
        {
            request.Headers.Add(CsrfHeader, token);
        }

        var path = request.RequestUri!.AbsolutePath;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new OmeroUnavailableException($"OMERO.web at {_base} did not answer {request.Method} {path}: {e.Message.TrimEnd('.')}.", e);
        }

        return response;
    }

    /// <summary>
    /// Takes the cookies a response sets into the client's session, unless a login has replaced the
    /// session the request was sent with (its cookies belong to a session no longer in use).
    /// </summary>
    private void KeepCookies(WebSession sentWith, HttpResponseMessage response)
    {
        while (Volatile.Read(ref _session) is var current && current.Number == sentWith.Number)
        {
            var updated = current.WithCookiesFrom(response);
            if (ReferenceEquals(updated, current) || ReferenceEquals(Interlocked.CompareExchange(ref _session, updated, current), current))
            {
                return;
            }
        }
    }

    /// <summary>Not logged in, per app (§2.3): api 403 "Not logged in"; webclient/webgateway 403 empty or 302 to the login page.</summary>
    private static async Task<bool> IsLoggedOutAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            return response.Headers.Location?.OriginalString.Contains("/webclient/login", StringComparison.Ordinal) == true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // Buffer the (small) 403 body so the caller can still read it.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 || body.Contains("Not logged in", StringComparison.Ordinal);
    }

    private HttpRequestMessage Get(string relative)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, relative));
        AddCommonHeaders(request);
        return request;
    }

    private HttpRequestMessage Post(string relative, IEnumerable<KeyValuePair<string, string>> form)
    {
        var url = new Uri(_base, relative);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        AddCommonHeaders(request);

        // Django checks the Referer of HTTPS POSTs (§2.1).
        request.Headers.Referrer = url;
        return request;
    }

    private static void AddCommonHeaders(HttpRequestMessage request)
    {
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = await ReadMessageAsync(response, cancellationToken).ConfigureAwait(false);
        throw new OmeroWebException($"OMERO.web at {_base} answered {(int)response.StatusCode} to {route}: {message}");
    }

    /// <summary>The <c>message</c> of a JSON error body, else the start of the text body.</summary>
    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "(empty body)" : line[..Math.Min(line.Length, 200)];
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new OmeroWebException($"OMERO.web at {_base} sent malformed JSON for {response.RequestMessage?.RequestUri?.AbsolutePath}: {e.Message}", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged in to OMERO.web at {BaseUrl} as {Username}")]
    private static partial void LogLoggedIn(ILogger logger, Uri baseUrl, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "OMERO.web session expired; logging in again")]
    private static partial void LogSessionExpired(ILogger logger);
}
