using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>Small helpers the fake's routes share for reading bodies and writing JSON answers.</summary>
internal static class FakeHttp
{
    private static readonly object DroppedKey = new();

    /// <summary>Writes <paramref name="body"/> as JSON with <paramref name="status"/>.</summary>
    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode? body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body?.ToJsonString() ?? "", context.RequestAborted);
    }

    /// <summary>An API Gateway / Pennsieve Go service error: <c>{"message": …}</c> (spec §2.8).</summary>
    public static Task WriteMessageAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["message"] = message });

    /// <summary>Drops the connection without an answer, and marks the request so the recorder says so.</summary>
    public static void Drop(HttpContext context)
    {
        context.Items[DroppedKey] = true;
        context.Abort();
    }

    /// <summary>True when the fake dropped the connection or the client went away.</summary>
    public static bool WasDropped(HttpContext context) =>
        context.Items.ContainsKey(DroppedKey) || context.RequestAborted.IsCancellationRequested;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The body parsed as a JSON object, or null when it is not one.</summary>
    public static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string value of <paramref name="name"/>, or null when absent, not a string or empty.</summary>
    public static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
