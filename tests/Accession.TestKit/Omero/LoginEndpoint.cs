using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>
/// <c>POST /api/v0/login/</c> (spec omero.md §2.2): form or JSON fields <c>server</c>, <c>username</c>,
/// <c>password</c>; 200 with the event context and a <c>sessionid</c> cookie, 403 with OMERO.web's messages
/// otherwise; a session uuid as username and password joins that session.
/// </summary>
internal static class LoginEndpoint
{
    public const string BadCredentials = "Connection not available, please check your user name and password.";

    public static async Task LoginAsync(OmeroExchange exchange)
    {
        if (!HttpMethods.IsPost(exchange.Request.Method))
        {
            await OmeroResponses.MessageAsync(exchange, 405, "POST only with username, password, server and csrftoken", api: true);
            return;
        }

        var fields = await ReadFieldsAsync(exchange);
        fields.TryGetValue("server", out var server);
        fields.TryGetValue("username", out var userName);
        fields.TryGetValue("password", out var password);
        if (exchange.Session is { } current && string.IsNullOrEmpty(server) && string.IsNullOrEmpty(userName) && string.IsNullOrEmpty(password))
        {
            await EventContextAsync(exchange, current);
            return;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(server))
        {
            errors.Add("Server: This field is required.");
        }
        else if (server.Trim() != "1")
        {
            errors.Add($"Server: Select a valid choice. {server} is not one of the available choices.");
        }

        if (string.IsNullOrWhiteSpace(userName))
        {
            errors.Add("Username: This field is required.");
        }
        else if (userName.Trim() == "guest")
        {
            errors.Add("Username: Guest account is not supported.");
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            errors.Add("Password: This field is required.");
        }

        if (errors.Count > 0)
        {
            await OmeroResponses.MessageAsync(exchange, 403, string.Join(' ', errors), api: true);
            return;
        }

        var session = Authenticate(exchange.Server, userName!.Trim(), password!);
        if (session is null)
        {
            await OmeroResponses.MessageAsync(exchange, 403, BadCredentials, api: true);
            return;
        }

        var key = exchange.Server.Sessions.Bind(session);
        exchange.Session = session;
        exchange.Response.Cookies.Append(OmeroServer.SessionCookie, key, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
        });
        await EventContextAsync(exchange, session);
    }

    private static OmeroSession? Authenticate(OmeroServer server, string userName, string password)
    {
        if (server.Faults.LoginsRejected)
        {
            return null;
        }

        if (userName == password && server.Sessions.Join(userName) is { } joined)
        {
            return joined;
        }

        var user = server.Database.FindUser(userName);
        return user is not null && user.Password == password ? server.Sessions.Open(user) : null;
    }

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(OmeroExchange exchange)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (exchange.Form is { } form)
        {
            foreach (var field in form)
            {
                fields[field.Key] = field.Value.ToString();
            }
        }
        else if (exchange.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(exchange.Request.Body, cancellationToken: exchange.Http.RequestAborted);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    }
                }
            }
            catch (JsonException)
            {
                // An unreadable body is an empty form, which fails validation.
            }
        }

        return fields;
    }

    private static Task EventContextAsync(OmeroExchange exchange, OmeroSession session) =>
        OmeroResponses.JsonAsync(exchange, 200, writer =>
        {
            var user = session.User;
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartObject("eventContext");
            writer.WriteNumber("sessionId", session.Id);
            writer.WriteString("sessionUuid", session.Uuid);
            writer.WriteNumber("userId", user.Id);
            writer.WriteString("userName", user.UserName);
            if (session.Group is { } group)
            {
                writer.WriteNumber("groupId", group.Id);
                writer.WriteString("groupName", group.Name);
            }

            writer.WriteBoolean("isAdmin", user.IsAdmin);
            writer.WriteNumber("eventId", -1);
            writer.WriteString("eventType", "User");
            writer.WriteStartArray("memberOfGroups");
            foreach (var member in user.Groups)
            {
                writer.WriteNumberValue(member.Id);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("leaderOfGroups");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, api: true);
}
