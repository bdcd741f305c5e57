using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// api2's API Gateway with its Lambda authorizer, as spec §2.8 describes it: a missing identity source
/// (no or empty <c>Authorization</c>, or no <c>dataset_id</c> where it is one) is 401 <c>Unauthorized</c>
/// before the authorizer runs; a token the authorizer refuses (not a Bearer access token of ours,
/// expired, revoked) or a dataset the caller may not reach is 403 <c>Forbidden</c>. The real gateway
/// caches verdicts for 300 s; the fake does not, so an expired token fails at once. Thread-safe.
/// </summary>
internal sealed class GatewayAuthorizer(FakePennsieveSeed seed, CognitoTokens tokens)
{
    /// <summary>Writes the gateway's refusal and returns false, or returns true when the call may go on.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, bool datasetScoped)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        string? datasetId = context.Request.Query["dataset_id"];
        if (string.IsNullOrWhiteSpace(authorization) || (datasetScoped && string.IsNullOrEmpty(datasetId)))
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return false;
        }

        const string Bearer = "Bearer ";
        var valid = authorization.StartsWith(Bearer, StringComparison.Ordinal) && tokens.TryUse(authorization[Bearer.Length..].Trim());
        if (!valid || (datasetScoped && datasetId != seed.DatasetId))
        {
            await FakeHttp.WriteMessageAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
            return false;
        }

        return true;
    }
}
