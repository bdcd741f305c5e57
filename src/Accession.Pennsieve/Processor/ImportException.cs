namespace Accession.Pennsieve.Processor;

/// <summary>What kind of failure stopped an import; the command maps it to an exit code.</summary>
public enum ImportErrorKind
{
    /// <summary>The input could not be used: no archive, several, unreadable, unsafe, no dataset, output in the way.</summary>
    BadInput,

    /// <summary>Pennsieve or Cognito refused the credentials.</summary>
    BadCredentials,

    /// <summary>The dataset failed NGFF validation and importing invalid data was not allowed.</summary>
    InvalidDataset,

    /// <summary>The import ran and failed: an API call or uploads failed.</summary>
    Failed,
}

/// <summary>
/// An import could not run or failed. The message is one line that names the thing at fault and
/// says what to do; it never contains a secret.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(ImportErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportErrorKind Kind { get; } = ImportErrorKind.Failed;
}
