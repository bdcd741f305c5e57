namespace Accession.Pennsieve.Auth;

/// <summary>
/// What <c>GET /authentication/cognito-config</c> tells (shared/specs/pennsieve-import.md §2.1): the
/// region and the app clients of the token pool (API keys) and the user pool (session tokens).
/// </summary>
internal sealed record CognitoConfig(string Region, string TokenPoolClientId, string UserPoolClientId);
