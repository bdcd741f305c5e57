using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Accession.TestKit.Omero;

/// <summary>Writers for the answers OMERO.web gives: JSON (with the API version header for the api app), text, HTML, redirects.</summary>
internal static class OmeroResponses
{
    // API_VERSION of omero-web's api app (spec omero.md §2.2).
    private const string ApiVersion = "0.2";

    public static async Task JsonAsync(OmeroExchange exchange, int status, Action<Utf8JsonWriter> write, bool api)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var response = exchange.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (api)
        {
            response.Headers["X-OMERO-ApiVersion"] = ApiVersion;
        }

        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, exchange.Http.RequestAborted);
    }

    /// <summary>A JSON object <c>{"message": …}</c>.</summary>
    public static Task MessageAsync(OmeroExchange exchange, int status, string message, bool api) =>
        JsonAsync(exchange, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }, api);

    public static async Task TextAsync(OmeroExchange exchange, int status, string text, string contentType = "text/plain; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        exchange.Response.StatusCode = status;
        exchange.Response.ContentType = contentType;
        exchange.Response.ContentLength = bytes.Length;
        await exchange.Response.Body.WriteAsync(bytes, exchange.Http.RequestAborted);
    }

    public static Task HtmlAsync(OmeroExchange exchange, int status, string html) =>
        TextAsync(exchange, status, html, "text/html; charset=utf-8");

    public static Task EmptyAsync(OmeroExchange exchange, int status)
    {
        exchange.Response.StatusCode = status;
        exchange.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task RedirectAsync(OmeroExchange exchange, int status, string location)
    {
        exchange.Response.StatusCode = status;
        exchange.Response.Headers.Location = location;
        exchange.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>OMERO.web's handler500: plain text for AJAX requests, an HTML page otherwise.</summary>
    public static Task ServerErrorAsync(OmeroExchange exchange, string message) =>
        exchange.IsAjax
            ? TextAsync(exchange, 500, message)
            : HtmlAsync(exchange, 500, $"<html><body><h1>Server Error (500)</h1><pre>{System.Net.WebUtility.HtmlEncode(message)}</pre></body></html>");
}
