using System.Net.Http.Headers;
using System.Text.Json;

namespace Accession.Pennsieve.Auth;

/// <summary>
/// Cognito's <c>InitiateAuth</c>: one unsigned JSON POST (shared/specs/pennsieve-import.md §2.2; AWS API
/// reference, InitiateAuth). No AWS SDK: the operation needs no request signing. The endpoint is the
/// regional one unless overridden as the AWS SDKs allow. Thread-safe.
/// </summary>
internal sealed class CognitoIdentityProvider(HttpClient http, Uri? endpointOverride)
{
    private const string Target = "AWSCognitoIdentityProviderService.InitiateAuth";
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");

    /// <summary>Logs in with an API key and secret (<c>USER_PASSWORD_AUTH</c> on the token pool's client).</summary>
    public Task<string> LoginWithKeyAsync(CognitoConfig config, string key, string secret, CancellationToken cancellationToken) =>
        InitiateAuthAsync(config, "USER_PASSWORD_AUTH", config.TokenPoolClientId, [("USERNAME", key), ("PASSWORD", secret)], cancellationToken);

    /// <summary>Gets a new access token from a refresh token (<c>REFRESH_TOKEN_AUTH</c> on the user pool's client, as the reference processor).</summary>
    public Task<string> RefreshAsync(CognitoConfig config, string refreshToken, CancellationToken cancellationToken) =>
        InitiateAuthAsync(config, "REFRESH_TOKEN_AUTH", config.UserPoolClientId.Length > 0 ? config.UserPoolClientId : config.TokenPoolClientId, [("REFRESH_TOKEN", refreshToken)], cancellationToken);

    internal Uri EndpointFor(string region) =>
        endpointOverride ?? new Uri($"https://cognito-idp.{region}.amazonaws.com/");

    private async Task<string> InitiateAuthAsync(CognitoConfig config, string flow, string clientId, (string Key, string Value)[] parameters, CancellationToken cancellationToken)
    {
        var endpoint = EndpointFor(config.Region);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Body(flow, clientId, parameters)),
        };
        request.Content.Headers.ContentType = AmzJson;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AuthenticationException($"{endpoint}: cannot reach Cognito ({e.Message}); check the network or AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.", rejected: false, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(endpoint, flow, (int)response.StatusCode, text);
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.GetProperty("AuthenticationResult").GetProperty("AccessToken").GetString()
                    ?? throw new InvalidOperationException("null token");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new AuthenticationException($"{endpoint}: Cognito's answer holds no AuthenticationResult.AccessToken (a challenge or an unexpected body); the API key cannot be used for this login.", rejected: false, e);
            }
        }
    }

    private static byte[] Body(string flow, string clientId, (string Key, string Value)[] parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("AuthFlow", flow);
            json.WriteStartObject("AuthParameters");
            foreach (var (key, value) in parameters)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteString("ClientId", clientId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // AWS JSON protocol errors carry "__type" (maybe prefixed "namespace#") and "message".
    private static AuthenticationException Failure(Uri endpoint, string flow, int status, string body)
    {
        var type = string.Empty;
        var message = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("__type", out var t))
            {
                type = t.GetString() ?? string.Empty;
                type = type[(type.LastIndexOf('#') + 1)..];
            }

            if (document.RootElement.TryGetProperty("message", out var m) || document.RootElement.TryGetProperty("Message", out m))
            {
                message = m.GetString() ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            // Not an AWS error body; the status says enough.
        }

        var what = flow == "REFRESH_TOKEN_AUTH" ? "the refresh token (REFRESH_TOKEN)" : "the API key and secret (PENNSIEVE_API_KEY, PENNSIEVE_API_SECRET)";
        return type switch
        {
            "NotAuthorizedException" => new AuthenticationException($"Cognito refused {what}: {Trim(message, "not authorized")}; check them or issue new ones.", rejected: true),
            "UserNotFoundException" => new AuthenticationException($"Cognito does not know the user of {what}; check PENNSIEVE_API_KEY and PENNSIEVE_API_HOST (dev and prod keys differ).", rejected: true),
            "TooManyRequestsException" or "ThrottlingException" or "LimitExceededException" => new AuthenticationException($"Cognito is throttling logins ({type}); wait a minute and run again.", rejected: false),
            "ResourceNotFoundException" or "InvalidParameterException" => new AuthenticationException($"Cognito refused the login request ({type}: {Trim(message, "no detail")}); check PENNSIEVE_API_HOST (its cognito-config names the app client).", rejected: false),
            _ => new AuthenticationException($"{endpoint}: Cognito answered {status}{(type.Length > 0 ? " " + type : string.Empty)}; try again later.", rejected: false),
        };
    }

    private static string Trim(string message, string fallback) =>
        message.Length == 0 ? fallback : message.ReplaceLineEndings(" ").TrimEnd('.');
}
