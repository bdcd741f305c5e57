using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// The login side of the fake: Pennsieve's <c>GET /authentication/cognito-config</c> (spec §2.1) and
/// Cognito's <c>InitiateAuth</c> (spec §2.2, AWS JSON 1.1 protocol) with the <c>USER_PASSWORD_AUTH</c>
/// (API key and secret in the token pool) and <c>REFRESH_TOKEN_AUTH</c> flows. Thread-safe.
/// </summary>
internal sealed class CognitoEndpoints(FakePennsieveSeed seed, FakePennsieveFaults faults, CognitoTokens tokens, FakePennsieveCounters counters)
{
    private const string AmzJson = "application/x-amz-json-1.1";
    private const string InitiateAuthTarget = "AWSCognitoIdentityProviderService.InitiateAuth";

    public Task ConfigAsync(HttpContext context)
    {
        var body = new JsonObject
        {
            ["region"] = seed.Region,
            ["userPool"] = Pool(seed.UserPoolId, seed.UserPoolClientId),
            ["tokenPool"] = Pool(seed.TokenPoolId, seed.TokenPoolClientId),
            // Pennsieve serves an empty app client id for the identity pool (spec §2.1).
            ["identityPool"] = Pool(seed.IdentityPoolId, ""),
        };
        return FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    public async Task InitiateAuthAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (request.Headers["X-Amz-Target"] != InitiateAuthTarget
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), AmzJson, StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, "UnknownOperationException", null);
            return;
        }

        var json = await FakeHttp.ReadBodyAsync(request, 64 * 1024) is { } body ? FakeHttp.ParseObject(body) : null;
        if (json is null)
        {
            await ErrorAsync(context, "SerializationException", "Start of structure or map found where not expected.");
            return;
        }

        if (faults.TakeThrottle())
        {
            await ErrorAsync(context, "TooManyRequestsException", "Rate exceeded");
            return;
        }

        var flow = FakeHttp.Text(json, "AuthFlow");
        var clientId = FakeHttp.Text(json, "ClientId");
        var parameters = json["AuthParameters"] as JsonObject ?? [];
        if (flow is null || clientId is null)
        {
            await ErrorAsync(context, "InvalidParameterException", "1 validation error detected: AuthFlow and ClientId are required.");
            return;
        }

        if (clientId != seed.TokenPoolClientId && clientId != seed.UserPoolClientId)
        {
            await ErrorAsync(context, "ResourceNotFoundException", $"User pool client {clientId} does not exist.");
            return;
        }

        switch (flow)
        {
            case "USER_PASSWORD_AUTH":
                await PasswordAsync(context, clientId, parameters);
                break;
            case "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN":
                await RefreshAsync(context, clientId, parameters);
                break;
            default:
                await ErrorAsync(context, "InvalidParameterException", $"Auth flow {flow} is not enabled for this client.");
                break;
        }
    }

    private async Task PasswordAsync(HttpContext context, string clientId, JsonObject parameters)
    {
        var username = FakeHttp.Text(parameters, "USERNAME");
        var password = FakeHttp.Text(parameters, "PASSWORD");
        if (username is null || password is null)
        {
            await ErrorAsync(context, "InvalidParameterException", "Missing required parameter USERNAME or PASSWORD");
            return;
        }

        // API keys exist only in the token pool (spec §2.1): a user-pool client does not know them.
        var knownUser = username == seed.ApiKey && clientId == seed.TokenPoolClientId;
        if (faults.TakeRejection() || (knownUser && password != seed.ApiSecret) || (!knownUser && !seed.RevealUnknownUsers))
        {
            counters.FailedLogin();
            await ErrorAsync(context, "NotAuthorizedException", "Incorrect username or password.");
            return;
        }

        if (!knownUser)
        {
            counters.FailedLogin();
            await ErrorAsync(context, "UserNotFoundException", "User does not exist.");
            return;
        }

        counters.PasswordLogin();
        await ResultAsync(context, tokens.Issue(username, clientId, withRefresh: true));
    }

    private async Task RefreshAsync(HttpContext context, string clientId, JsonObject parameters)
    {
        var refresh = FakeHttp.Text(parameters, "REFRESH_TOKEN");
        if (refresh is null)
        {
            await ErrorAsync(context, "InvalidParameterException", "Missing required parameter REFRESH_TOKEN");
            return;
        }

        if (faults.TakeRejection() || tokens.Redeem(refresh, clientId) is not { } username)
        {
            counters.FailedLogin();
            await ErrorAsync(context, "NotAuthorizedException", "Invalid Refresh Token.");
            return;
        }

        counters.RefreshLogin();
        await ResultAsync(context, tokens.Issue(username, clientId, withRefresh: false));
    }

    private static Task ResultAsync(HttpContext context, CognitoTokens.TokenSet set)
    {
        var result = new JsonObject
        {
            ["AccessToken"] = set.AccessToken,
            ["ExpiresIn"] = set.ExpiresIn,
            ["IdToken"] = set.IdToken,
            ["TokenType"] = "Bearer",
        };
        if (set.RefreshToken is not null)
        {
            result["RefreshToken"] = set.RefreshToken;
        }

        return FakeHttp.WriteJsonAsync(
            context, StatusCodes.Status200OK, new JsonObject { ["AuthenticationResult"] = result, ["ChallengeParameters"] = new JsonObject() }, AmzJson);
    }

    /// <summary>An AWS JSON 1.1 error: 400 with <c>__type</c> and <c>message</c>, and <c>x-amzn-ErrorType</c>.</summary>
    private static Task ErrorAsync(HttpContext context, string type, string? message)
    {
        context.Response.Headers["x-amzn-ErrorType"] = $"{type}:";
        var body = new JsonObject { ["__type"] = type };
        if (message is not null)
        {
            body["message"] = message;
        }

        return FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, body, AmzJson);
    }

    private JsonObject Pool(string id, string appClientId) =>
        new() { ["region"] = seed.Region, ["id"] = id, ["appClientId"] = appClientId };
}
