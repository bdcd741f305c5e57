namespace Accession.Pennsieve.Http;

/// <summary>A Pennsieve API call failed after its retries. The message names the call and the answer.</summary>
public sealed class PennsieveApiException : Exception
{
    public PennsieveApiException(string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public PennsieveApiException()
    {
    }

    public PennsieveApiException(string message)
        : base(message)
    {
    }

    public PennsieveApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the last answer; null when none came (network failure, bad body).</summary>
    public int? StatusCode { get; }
}
