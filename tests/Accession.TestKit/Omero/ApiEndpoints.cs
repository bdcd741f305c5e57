using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>The api app's discovery routes and the CSRF token route (spec omero.md §2.1, §2.2).</summary>
internal static class ApiEndpoints
{
    // url:schema of api_base (spec omero.md §2.2).
    private const string Schema = "http://www.openmicroscopy.org/Schemas/OME/2016-06";

    // Default OMERO server port (spec omero.md §2.2, server_list).
    private const int ServerPort = 4064;

    public static Task VersionsAsync(OmeroExchange exchange) =>
        OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            writer.WriteString("url:base", exchange.BaseUrl + OmeroRoutes.ApiBase);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, api: true);

    public static Task BaseAsync(OmeroExchange exchange)
    {
        var v0 = exchange.BaseUrl + OmeroRoutes.ApiBase;
        return OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            foreach (var kind in new[] { "experimenters", "experimentergroups", "projects", "datasets", "images", "screens", "plates", "rois" })
            {
                writer.WriteString("url:" + kind, $"{v0}m/{kind}/");
            }

            writer.WriteString("url:token", v0 + "token/");
            writer.WriteString("url:servers", v0 + "servers/");
            writer.WriteString("url:login", v0 + "login/");
            writer.WriteString("url:save", v0 + "m/save/");
            writer.WriteString("url:schema", Schema);
            writer.WriteEndObject();
        }, api: true);
    }

    /// <summary>Django's get_token: keeps a well-formed secret from the cookie or makes one, sets the cookie, returns a masked token.</summary>
    public static Task TokenAsync(OmeroExchange exchange)
    {
        var secret = DjangoCsrf.SecretOf(exchange.Request.Cookies[DjangoCsrf.CookieName]) ?? DjangoCsrf.NewSecret();
        exchange.Response.Cookies.Append(DjangoCsrf.CookieName, secret, new CookieOptions
        {
            Path = "/",
            MaxAge = DjangoCsrf.CookieAge,
            // The client judges expiry by its own clock, so the real time, not the fake's clock.
            Expires = DateTimeOffset.UtcNow + DjangoCsrf.CookieAge,
            SameSite = SameSiteMode.Lax,
        });
        return OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("data", DjangoCsrf.Mask(secret));
            writer.WriteEndObject();
        }, api: true);
    }

    public static Task ServersAsync(OmeroExchange exchange) =>
        OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            writer.WriteStartObject();
            writer.WriteNumber("id", 1);
            writer.WriteString("host", exchange.Server.Options.ServerHost);
            writer.WriteNumber("port", ServerPort);
            writer.WriteString("server", "omero");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, api: true);
}
