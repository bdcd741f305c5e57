using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>
/// Django's CSRF middleware as OMERO.web runs it (spec omero.md §2.1, §6): a 32-character secret in the
/// <c>csrftoken</c> cookie, 64-character masked tokens handed out by <c>/api/v0/token/</c>, and the checks
/// of <c>process_view</c> in Django's order with Django's reasons. Stateless and thread-safe.
/// </summary>
internal static class DjangoCsrf
{
    public const string CookieName = "csrftoken";
    public const string FormField = "csrfmiddlewaretoken";
    public const string HeaderName = "X-CSRFToken";

    // Django's CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH.
    private const string AllowedChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int SecretLength = 32;
    private const int TokenLength = 64;

    // Django's CSRF_COOKIE_AGE: one year of 52 weeks.
    public static readonly TimeSpan CookieAge = TimeSpan.FromSeconds(31449600);

    public static string NewSecret() => RandomNumberGenerator.GetString(AllowedChars, SecretLength);

    /// <summary>The secret in a cookie value, or null when the value is not a well-formed secret or token.</summary>
    public static string? SecretOf(string? cookie) =>
        cookie is null || FormatProblem(cookie) is not null ? null
        : cookie.Length == TokenLength ? Unmask(cookie) : cookie;

    /// <summary>A fresh mask followed by the secret enciphered with it (Django's <c>_mask_cipher_secret</c>).</summary>
    public static string Mask(string secret)
    {
        var mask = RandomNumberGenerator.GetString(AllowedChars, SecretLength);
        var cipher = new char[SecretLength];
        for (var i = 0; i < SecretLength; i++)
        {
            cipher[i] = AllowedChars[(AllowedChars.IndexOf(secret[i]) + AllowedChars.IndexOf(mask[i])) % AllowedChars.Length];
        }

        return mask + new string(cipher);
    }

    /// <summary>
    /// Null when the unsafe request passes, else the reason Django gives: Origin first, then the cookie,
    /// then the form field (POST forms) or the header, its format and its match with the cookie's secret.
    /// </summary>
    public static string? Reject(HttpRequest request, IFormCollection? form, IReadOnlyCollection<string> trustedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var own = $"{request.Scheme}://{request.Host}";
            if (origin != own && !trustedOrigins.Contains(origin))
            {
                return $"Origin checking failed - {origin} does not match any trusted origins.";
            }
        }
        else if (request.IsHttps && request.Headers.Referer.Count == 0)
        {
            return "Referer checking failed - no Referer.";
        }

        var cookie = request.Cookies[CookieName];
        if (cookie is not null && FormatProblem(cookie) is { } cookieProblem)
        {
            return $"CSRF cookie {cookieProblem}.";
        }

        if (cookie is null)
        {
            return "CSRF cookie not set.";
        }

        var secret = SecretOf(cookie)!;
        string token = "";
        string source = "POST";
        if (HttpMethods.IsPost(request.Method) && form is not null)
        {
            token = form[FormField].ToString();
        }

        if (token.Length == 0)
        {
            if (!request.Headers.TryGetValue(HeaderName, out var header))
            {
                return "CSRF token missing.";
            }

            token = header.ToString();
            source = "the 'X-Csrftoken' HTTP header";
        }

        if (FormatProblem(token) is { } tokenProblem)
        {
            return $"CSRF token from {source} {tokenProblem}.";
        }

        var presented = token.Length == TokenLength ? Unmask(token) : token;
        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(presented), System.Text.Encoding.ASCII.GetBytes(secret))
            ? null
            : $"CSRF token from {source} incorrect.";
    }

    private static string? FormatProblem(string token) =>
        token.Length is not (SecretLength or TokenLength) ? "has incorrect length"
        : token.Any(c => !AllowedChars.Contains(c)) ? "has invalid characters"
        : null;

    private static string Unmask(string token)
    {
        var secret = new char[SecretLength];
        for (var i = 0; i < SecretLength; i++)
        {
            var difference = AllowedChars.IndexOf(token[SecretLength + i]) - AllowedChars.IndexOf(token[i]);
            secret[i] = AllowedChars[(difference + AllowedChars.Length) % AllowedChars.Length];
        }

        return new string(secret);
    }
}
