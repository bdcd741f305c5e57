using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The fake S3 <c>PUT /{bucket}/{importId}/{uploadKey}</c> on a presigned URL (spec §2.7), with S3's rules:
/// one auth mechanism only (no <c>Authorization</c> beside a presigned query), no chunked bodies (501),
/// a <c>Content-Length</c> (411), a valid unexpired signature (403), an optional <c>Content-MD5</c>
/// (400 BadDigest), and an answer carrying the quoted MD5 <c>ETag</c>. PUT faults apply per try. Thread-safe.
/// </summary>
internal sealed class S3Endpoint(FakePennsieveSeed seed, FakePennsieveFaults faults, PresignedUrls urls, ObjectStore store)
{
    public async Task PutAsync(HttpContext context)
    {
        var request = context.Request;
        var bucket = (string)request.RouteValues["bucket"]!;
        var key = (string?)request.RouteValues["key"] ?? "";
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (bucket != seed.Bucket)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status404NotFound, "NoSuchBucket", "The specified bucket does not exist", ("BucketName", bucket));
            return;
        }

        if (request.Headers.Authorization.Count > 0)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified", ("ArgumentName", "Authorization"));
            return;
        }

        if (request.Headers.TransferEncoding.Count > 0)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status501NotImplemented, "NotImplemented", "A header you provided implies functionality that is not implemented", ("Header", "Transfer-Encoding"));
            return;
        }

        if (request.ContentLength is not { } length)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status411LengthRequired, "MissingContentLength", "You must provide the Content-Length HTTP header.");
            return;
        }

        if (urls.Check(request) is { } refusal)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status403Forbidden, refusal.Code, refusal.Message);
            return;
        }

        if (slash <= 0)
        {
            // Unreachable through a URL the fake signed; kept so a hand-made key cannot crash the handler.
            await S3Errors.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "Keys are {importId}/{uploadKey}");
            return;
        }

        var importId = key[..slash];
        var uploadKey = key[(slash + 1)..];
        var attempt = store.NextAttempt(key);
        if (faults.PutFaultFor(uploadKey, attempt) is { } fault)
        {
            if (fault.StatusCode is { } status)
            {
                await S3Errors.WriteStatusAsync(context, status);
            }
            else
            {
                await SkipAsync(request.Body, Math.Min(fault.DropAfterBytes, length), context.RequestAborted);
                FakeHttp.Drop(context);
            }

            return;
        }

        FakeStoredObject? stored;
        try
        {
            stored = await store.WriteAsync(importId, uploadKey, request.Body, length, ContentMd5(request), context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went away mid-body: S3 stores nothing and has no one to answer.
            FakeHttp.Drop(context);
            return;
        }

        if (stored is null)
        {
            await S3Errors.WriteAsync(context, StatusCodes.Status400BadRequest, "BadDigest", "The Content-MD5 you specified did not match what we received.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.ETag = stored.ETag;
        context.Response.Headers["x-amz-request-id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
    }

    private static async Task SkipAsync(Stream body, long count, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while (count > 0 && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellation)) > 0)
        {
            count -= read;
        }
    }

    private static byte[]? ContentMd5(HttpRequest request)
    {
        var header = request.Headers.ContentMD5.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(header);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
