using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>One request being answered: the HTTP context, the matched route, the session and the parsed form. Not thread-safe.</summary>
internal sealed class OmeroExchange(HttpContext http, OmeroServer server)
{
    public HttpContext Http => http;

    public HttpRequest Request => http.Request;

    public HttpResponse Response => http.Response;

    public OmeroServer Server => server;

    public Match Match { get; set; } = Match.Empty;

    public OmeroSession? Session { get; set; }

    public IFormCollection? Form { get; set; }

    /// <summary>Set when the connection was dropped on purpose or by the client.</summary>
    public bool Aborted { get; set; }

    /// <summary>Set when the response's headers go out (Kestrel reports it started only after its OnStarting callbacks).</summary>
    public bool Started { get; set; }

    /// <summary>Brings this request's record up to date; set by the recorder.</summary>
    public Action<bool>? Recording { get; set; }

    public void Record(bool completed = false) => Recording?.Invoke(completed);

    /// <summary>Drops the connection on purpose, recording that first.</summary>
    public void Abort()
    {
        Aborted = true;
        Record();
        http.Abort();
    }

    /// <summary>The logged-in user; only for routes that require a session.</summary>
    public FakeOmeroUser User => Session!.User;

    /// <summary>The id in the route's path, e.g. the image id of <c>/api/v0/m/images/7/</c>.</summary>
    public long Id => long.Parse(Match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Scheme and host of the request, for the absolute URLs OMERO.web builds.</summary>
    public string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    public string? WebSessionKey => Request.Cookies[OmeroServer.SessionCookie];

    public bool IsAjax => Request.Headers["X-Requested-With"] == "XMLHttpRequest";
}
