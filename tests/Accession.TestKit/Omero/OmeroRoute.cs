using System.Text.RegularExpressions;

namespace Accession.TestKit.Omero;

/// <summary>The Django app a route belongs to; it decides what "not logged in" looks like (spec omero.md §2.3).</summary>
internal enum OmeroApp
{
    Api,
    Webclient,
    Webgateway,
}

/// <summary>Whether a route needs a logged-in session.</summary>
internal enum RouteAccess
{
    /// <summary>No session needed or looked at.</summary>
    Anonymous,

    /// <summary>The session is used when there is one (login answers an empty POST with the current event context).</summary>
    Optional,

    LoggedIn,

    /// <summary>Logged-in route that answers 200 <c>Connection Failed</c> instead of refusing (keepalive_ping).</summary>
    LoggedInOrFailed,
}

/// <summary>One route: its path pattern, app, access rule, allowed methods and handler. Immutable.</summary>
internal sealed record OmeroRoute(Regex Pattern, OmeroApp App, RouteAccess Access, string[] Methods, Func<OmeroExchange, Task> Handle)
{
    public static readonly string[] Get = ["GET", "HEAD"];
    public static readonly string[] Post = ["POST"];
    public static readonly string[] GetOrPost = ["GET", "HEAD", "POST"];

    public static OmeroRoute Of(string pattern, OmeroApp app, RouteAccess access, string[] methods, Func<OmeroExchange, Task> handle) =>
        new(new Regex("^" + pattern + "$", RegexOptions.CultureInvariant), app, access, methods, handle);
}
