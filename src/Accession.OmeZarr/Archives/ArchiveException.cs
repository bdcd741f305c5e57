namespace Accession.OmeZarr.Archives;

/// <summary>What went wrong with an archive.</summary>
public enum ArchiveErrorKind
{
    /// <summary>The path does not exist or cannot be opened.</summary>
    NotFound,

    /// <summary>The file is not an archive of a supported format.</summary>
    UnsupportedFormat,

    /// <summary>The archive is damaged: truncated, bad checksum, undecodable data.</summary>
    Corrupt,

    /// <summary>An entry would escape the target, or is a link, or is a duplicate that cannot be resolved.</summary>
    Unsafe,

    /// <summary>A configured limit (entry count, total size, compression ratio) was exceeded.</summary>
    LimitExceeded,

    /// <summary>The archive uses a feature that cannot be read (encryption, an unknown compression method).</summary>
    Unsupported,
}

/// <summary>
/// An archive could not be read safely. The message names the archive (and entry) and says what
/// to do; it is meant to be shown to the user as one line.
/// </summary>
public sealed class ArchiveException : Exception
{
    public ArchiveException(ArchiveErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ArchiveException()
    {
    }

    public ArchiveException(string message)
        : base(message)
    {
    }

    public ArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ArchiveErrorKind Kind { get; }
}
