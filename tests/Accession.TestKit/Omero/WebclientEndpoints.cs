namespace Accession.TestKit.Omero;

/// <summary>Session routes of the webclient: keep-alive, logout and the login page redirects lead to (spec omero.md §2.2).</summary>
internal static class WebclientEndpoints
{
    public static Task KeepAliveAsync(OmeroExchange exchange) => OmeroResponses.TextAsync(exchange, 200, "OK");

    /// <summary>POST flushes the web session and closes the OMERO session, then redirects to the login page.</summary>
    public static async Task LogoutAsync(OmeroExchange exchange)
    {
        if (exchange.Request.Method != "POST")
        {
            await OmeroResponses.HtmlAsync(exchange, 200, "<form method=\"post\"><p>Log out?</p></form>");
            return;
        }

        exchange.Server.Sessions.Flush(exchange.WebSessionKey!);
        exchange.Response.Cookies.Delete(OmeroServer.SessionCookie);
        await OmeroResponses.RedirectAsync(exchange, 302, OmeroRoutes.WebclientLogin);
    }

    public static Task LoginPageAsync(OmeroExchange exchange) =>
        OmeroResponses.HtmlAsync(exchange, 200, "<!DOCTYPE html><html><head><title>OMERO.web - Login</title></head><body><form method=\"post\"></form></body></html>");
}
