namespace Accession.Pennsieve.Auth;

/// <summary>
/// A login failed. <see cref="Rejected"/> is true when the identity provider refused the credentials
/// (wrong key or secret, expired refresh token), false when it could not be reached or answered
/// something unexpected. The message never contains a secret.
/// </summary>
public sealed class AuthenticationException : Exception
{
    public AuthenticationException(string message, bool rejected, Exception? innerException = null)
        : base(message, innerException)
    {
        Rejected = rejected;
    }

    public AuthenticationException()
    {
    }

    public AuthenticationException(string message)
        : base(message)
    {
    }

    public AuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Rejected { get; }
}
