using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// Issues and checks the fake Cognito's tokens. Access and id tokens are JWTs (HS256 with the fake's
/// own key) carrying the claims api2's authorizer reads (spec §2.8: <c>client_id</c>, <c>token_use</c>,
/// <c>exp</c>, issuer); refresh tokens are opaque, as Cognito's are. Every token is also kept in a
/// registry so faults can revoke it or count its calls. Thread-safe.
/// </summary>
internal sealed class CognitoTokens(FakePennsieveSeed seed, FakePennsieveFaults faults)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AccessGrant> _access = [];
    private readonly Dictionary<string, RefreshGrant> _refresh = [];

    /// <summary>A new token set for <paramref name="username"/> on <paramref name="clientId"/>; no refresh token when <paramref name="withRefresh"/> is false.</summary>
    public TokenSet Issue(string username, string clientId, bool withRefresh)
    {
        var now = seed.Time.GetUtcNow();
        var lifetime = faults.TokenLifetime;
        var poolId = clientId == seed.TokenPoolClientId ? seed.TokenPoolId : seed.UserPoolId;
        var jti = Guid.NewGuid().ToString();
        var access = Sign(new JsonObject
        {
            ["sub"] = username,
            ["iss"] = $"https://cognito-idp.{seed.Region}.amazonaws.com/{poolId}",
            ["client_id"] = clientId,
            ["token_use"] = "access",
            ["scope"] = "aws.cognito.signin.user.admin",
            ["username"] = username,
            ["jti"] = jti,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        });
        var id = Sign(new JsonObject
        {
            ["sub"] = username,
            ["aud"] = clientId,
            ["token_use"] = "id",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        });
        string? refresh = withRefresh ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) : null;
        lock (_lock)
        {
            _access[jti] = new AccessGrant(now + lifetime);
            if (refresh is not null)
            {
                _refresh[refresh] = new RefreshGrant(clientId, username);
            }
        }

        return new TokenSet(access, id, refresh, (int)Math.Ceiling(lifetime.TotalSeconds));
    }

    /// <summary>The username a refresh token was issued to, if it is known and belongs to <paramref name="clientId"/>.</summary>
    public string? Redeem(string refreshToken, string clientId)
    {
        lock (_lock)
        {
            return _refresh.TryGetValue(refreshToken, out var grant) && grant.ClientId == clientId ? grant.Username : null;
        }
    }

    /// <summary>Checks an access token and counts one call on it; false when forged, expired, revoked or used up.</summary>
    public bool TryUse(string token)
    {
        if (ReadVerified(token) is not { } claims
            || claims["token_use"]?.GetValue<string>() != "access"
            || claims["jti"]?.GetValue<string>() is not { } jti)
        {
            return false;
        }

        var revokeNow = faults.TakeRevocation();
        var limit = faults.TokenCallLimit;
        lock (_lock)
        {
            if (revokeNow)
            {
                foreach (var grant in _access.Values)
                {
                    grant.Revoked = true;
                }
            }

            if (!_access.TryGetValue(jti, out var found) || found.Revoked || seed.Time.GetUtcNow() >= found.ExpiresAt)
            {
                return false;
            }

            found.Calls++;
            return limit is null || found.Calls <= limit;
        }
    }

    /// <summary>Revokes every access token issued so far.</summary>
    public void RevokeAll()
    {
        lock (_lock)
        {
            foreach (var grant in _access.Values)
            {
                grant.Revoked = true;
            }
        }
    }

    private string Sign(JsonObject claims)
    {
        var header = Base64Url("""{"alg":"HS256","kid":"fake-pennsieve","typ":"JWT"}"""u8);
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signed = $"{header}.{payload}";
        return $"{signed}.{Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))}";
    }

    private JsonObject? ReadVerified(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]))
                ? JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject
                : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    /// <summary>What <c>InitiateAuth</c> returns in <c>AuthenticationResult</c> (spec §2.2).</summary>
    internal sealed record TokenSet(string AccessToken, string IdToken, string? RefreshToken, int ExpiresIn);

    private sealed class AccessGrant(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Revoked { get; set; }

        public int Calls { get; set; }
    }

    private sealed record RefreshGrant(string ClientId, string Username);
}
