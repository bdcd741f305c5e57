using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Accession.Pennsieve.Auth;
using Polly.Timeout;

namespace Accession.Pennsieve.Http;

/// <summary>
/// The base of the Pennsieve API clients, like the Python processor's <c>base_client.py</c>
/// (shared/specs/pennsieve-import.md §1.7): every call carries <c>Authorization: Bearer</c> and
/// <c>Content-Type: application/json</c>; a 401 or 403 renews the session once (shared by all
/// callers) and repeats the call; transient failures were already retried by the pipeline. Thread-safe.
/// </summary>
internal sealed class AuthorizedApi(HttpClient http, SessionManager session)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>
    /// Sends one call and returns its JSON answer (an empty body is an error: §2.5). <paramref name="what"/>
    /// names the call in errors, e.g. "create import manifest".
    /// </summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, Uri url, byte[]? body, string what, CancellationToken cancellationToken)
    {
        var token = await session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var response = await SendOnceAsync(method, url, body, token, what, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && attempt == 0)
            {
                token = await session.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var auth = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " even after a new login; check that the credentials may write to this dataset" : string.Empty;
                throw new PennsieveApiException($"{what}: {method} {Redact(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}{auth}.", (int)response.StatusCode);
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new PennsieveApiException($"{what}: {method} {Redact(url)} answered {(int)response.StatusCode} without a JSON body.", (int)response.StatusCode, e);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, byte[]? body, string token, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new ByteArrayContent(body ?? []),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            throw new PennsieveApiException($"{what}: {method} {Redact(url)} failed after retries ({e.Message}).", null, e);
        }
    }

    // API URLs carry no secrets, but keep only scheme, host and path in messages all the same.
    internal static string Redact(Uri url) => url.GetLeftPart(UriPartial.Path);
}
