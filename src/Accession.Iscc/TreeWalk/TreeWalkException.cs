namespace Accession.Iscc.TreeWalk;

/// <summary>
/// A folder, ignore file or entry that a tree walk or a tree hash could not read, or a bad line of an
/// ignore file. A walk with an error handler reports it and goes on without that folder or file; a
/// tree hash stops, since its result would be meaningless. The inner exception, when there is one, is
/// the original failure.
/// </summary>
public sealed class TreeWalkException : IOException
{
    public TreeWalkException()
    {
        Path = string.Empty;
    }

    public TreeWalkException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public TreeWalkException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public TreeWalkException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>
    /// What could not be read: a path on this machine for a folder walk, the entry's relative path
    /// otherwise (and always for an entry that a tree hash could not read).
    /// </summary>
    public string Path { get; }
}
