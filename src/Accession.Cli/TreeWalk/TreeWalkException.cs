namespace Accession.Cli.TreeWalk;

/// <summary>A folder or ignore file the tree walk could not read; the walk skips it and goes on.</summary>
internal sealed class TreeWalkException : IOException
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

    /// <summary>The folder or file that could not be read.</summary>
    public string Path { get; }
}
