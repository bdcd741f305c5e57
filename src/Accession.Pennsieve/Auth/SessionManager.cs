using Accession.Pennsieve.Http;

namespace Accession.Pennsieve.Auth;

/// <summary>
/// Holds the access token of one import and renews it when the API refuses it. However many
/// workers find the token refused at once, only one renewal happens: callers pass the token that was
/// refused, and whoever comes second finds it already replaced (shared/specs/pennsieve-import.md §1.7
/// describes the Python processor's unlocked re-login storm this avoids). Thread-safe.
/// </summary>
internal sealed class SessionManager(
    CognitoConfigClient configClient,
    CognitoIdentityProvider identityProvider,
    SessionCredentials credentials,
    TransferCounters counters) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private bool _sessionTokenSpent;

    /// <summary>The current token, logging in first when there is none.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token is not null)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _token ??= credentials.SessionToken ?? await LoginAsync(cancellationToken).ConfigureAwait(false);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces <paramref name="refused"/> with a new token, unless another caller already did; returns the current token.</summary>
    public async ValueTask<string> RenewAsync(string refused, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _token != refused)
            {
                return _token;
            }

            _sessionTokenSpent |= refused == credentials.SessionToken;
            _token = await LoginAsync(cancellationToken).ConfigureAwait(false);
            counters.AddRelogin();
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        if (credentials.RefreshToken is null && (credentials.ApiKey is null || credentials.ApiSecret is null))
        {
            throw new AuthenticationException(
                _sessionTokenSpent
                    ? "the Pennsieve API refused SESSION_TOKEN (expired?) and there is no REFRESH_TOKEN or API key to renew it; start the run again with fresh credentials."
                    : "no credentials: set SESSION_TOKEN, or PENNSIEVE_API_KEY and PENNSIEVE_API_SECRET.",
                rejected: true);
        }

        var config = await configClient.GetAsync(cancellationToken).ConfigureAwait(false);
        return credentials.RefreshToken is { } refresh
            ? await identityProvider.RefreshAsync(config, refresh, cancellationToken).ConfigureAwait(false)
            : await identityProvider.LoginWithKeyAsync(config, credentials.ApiKey!, credentials.ApiSecret!, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The secrets a session may use; never logged.</summary>
internal sealed record SessionCredentials(string? SessionToken, string? RefreshToken, string? ApiKey, string? ApiSecret)
{
    public override string ToString() => "SessionCredentials { redacted }";
}
