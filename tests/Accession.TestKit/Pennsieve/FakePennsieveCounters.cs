namespace Accession.TestKit.Pennsieve;

/// <summary>Login counts of the fake Cognito. Thread-safe.</summary>
internal sealed class FakePennsieveCounters
{
    private int _passwordLogins;
    private int _refreshLogins;
    private int _failedLogins;

    public int PasswordLogins => Volatile.Read(ref _passwordLogins);

    public int RefreshLogins => Volatile.Read(ref _refreshLogins);

    public int FailedLogins => Volatile.Read(ref _failedLogins);

    public void PasswordLogin() => Interlocked.Increment(ref _passwordLogins);

    public void RefreshLogin() => Interlocked.Increment(ref _refreshLogins);

    public void FailedLogin() => Interlocked.Increment(ref _failedLogins);
}
