using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// Presigned PUT URLs in S3's query-string form (<c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>,
/// <c>X-Amz-Date</c>, <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c>), signed
/// with the fake's own HMAC over the method, the path and the sorted decoded query — so a client that
/// alters the URL beyond S3's own canonical form fails as it would on S3. Thread-safe.
/// </summary>
internal sealed class PresignedUrls(FakePennsieveSeed seed, FakePennsieveFaults faults)
{
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string SignatureParameter = "X-Amz-Signature";
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The fake's base URL, set once the server listens.</summary>
    public string BaseUrl { get; set; } = "";

    public string Issue(string importId, string uploadKey)
    {
        var lifetime = Math.Max(1, (long)Math.Ceiling(faults.PresignedUrlLifetime.TotalSeconds));
        var now = seed.Time.GetUtcNow();
        var signedAt = faults.TakeExpiredUrl() ? now.AddSeconds(-lifetime - 1) : now;
        var path = $"/{seed.Bucket}/{importId}/{uploadKey}";
        var query = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            new("X-Amz-Credential", $"AKIAFAKEPENNSIEVE000/{signedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{seed.Region}/s3/aws4_request"),
            new("X-Amz-Date", signedAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)),
            new("X-Amz-Expires", lifetime.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        var signature = Sign(path, query);
        var encoded = string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return $"{BaseUrl}{path}?{encoded}&{SignatureParameter}={signature}";
    }

    /// <summary>Checks the request's presigned query; null when valid, else S3's error code and message.</summary>
    public (string Code, string Message)? Check(HttpRequest request)
    {
        var query = request.Query.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())).ToList();
        var given = query.FirstOrDefault(p => p.Key == SignatureParameter).Value;
        var date = request.Query["X-Amz-Date"].ToString();
        if (string.IsNullOrEmpty(given) || request.Query["X-Amz-Algorithm"] != "AWS4-HMAC-SHA256"
            || !long.TryParse(request.Query["X-Amz-Expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !DateTimeOffset.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return ("AccessDenied", "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }

        var expected = Sign(request.Path.Value ?? "", query.Where(p => p.Key != SignatureParameter).ToList());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given)))
        {
            return ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        }

        return seed.Time.GetUtcNow() > signedAt.AddSeconds(expires) ? ("AccessDenied", "Request has expired") : null;
    }

    private string Sign(string path, List<KeyValuePair<string, string>> query)
    {
        var canonical = new StringBuilder("PUT\n").Append(path).Append('\n');
        canonical.AppendJoin('&', query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
