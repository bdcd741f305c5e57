using System.Text.Json;

namespace Accession.Pennsieve.Auth;

/// <summary>Reads the Cognito settings from the Pennsieve API (shared/specs/pennsieve-import.md §2.1). Thread-safe.</summary>
internal sealed class CognitoConfigClient(HttpClient http, Uri apiHost)
{
    public async Task<CognitoConfig> GetAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(apiHost, "/authentication/cognito-config");
        HttpResponseMessage response;
        try
        {
            // No Authorization header: the route is public (§2.1).
            response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AuthenticationException($"{url}: cannot reach the Pennsieve API ({e.Message}); check PENNSIEVE_API_HOST and the network.", rejected: false, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new AuthenticationException($"{url}: answered {(int)response.StatusCode} {response.ReasonPhrase}; check PENNSIEVE_API_HOST.", rejected: false);
            }

            try
            {
                using var document = await JsonDocument.ParseAsync(
                    await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                var root = document.RootElement;
                return new CognitoConfig(
                    root.GetProperty("region").GetString() ?? "us-east-1",
                    root.GetProperty("tokenPool").GetProperty("appClientId").GetString() ?? string.Empty,
                    root.TryGetProperty("userPool", out var user) && user.TryGetProperty("appClientId", out var id) ? id.GetString() ?? string.Empty : string.Empty);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new AuthenticationException($"{url}: the answer is not the expected Cognito configuration (region, tokenPool.appClientId); check PENNSIEVE_API_HOST.", rejected: false, e);
            }
        }
    }
}
