using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>S3's REST error answer: an XML <c>&lt;Error&gt;</c> document with <c>Code</c>, <c>Message</c> and request ids.</summary>
internal static class S3Errors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, params (string Name, string Value)[] extra)
    {
        var error = new XElement("Error", new XElement("Code", code), new XElement("Message", message));
        foreach (var (name, value) in extra)
        {
            error.Add(new XElement(name, value));
        }

        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        error.Add(new XElement("RequestId", requestId), new XElement("HostId", Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        context.Response.Headers["x-amz-request-id"] = requestId;
        return context.Response.WriteAsync(
            new XDocument(new XDeclaration("1.0", "UTF-8", null), error).Declaration + error.ToString(SaveOptions.DisableFormatting),
            context.RequestAborted);
    }

    /// <summary>The code S3 uses for a server-side status (500 InternalError, 503 SlowDown).</summary>
    public static Task WriteStatusAsync(HttpContext context, int status) => status switch
    {
        StatusCodes.Status503ServiceUnavailable => WriteAsync(context, status, "SlowDown", "Please reduce your request rate."),
        StatusCodes.Status500InternalServerError => WriteAsync(context, status, "InternalError", "We encountered an internal error. Please try again."),
        StatusCodes.Status403Forbidden => WriteAsync(context, status, "AccessDenied", "Access Denied"),
        _ => WriteAsync(context, status, "ServiceUnavailable", "Service is unable to handle request."),
    };
}
