namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// One thing to hash: a file, standard input when <see cref="FullPath"/> is null, or an argument or
/// folder that could not be expanded when <see cref="Error"/> is set.
/// </summary>
/// <param name="DisplayPath">The path as printed (<c>/</c> separators; <c>-</c> for standard input).</param>
/// <param name="FullPath">The path to open, or null for standard input.</param>
/// <param name="Length">The size when listed (0 for standard input), or <see cref="UnknownLength"/>; used for progress only.</param>
/// <param name="IsKnownRegularFile">True for a file seen to be a regular file of <see cref="Length"/> bytes (listed in a
/// folder, or a named file looked at): known not to be a folder, and opened without asking its size again.</param>
/// <param name="Error">Why there is nothing to hash, reported in this input's place.</param>
internal sealed record HashInput(string DisplayPath, string? FullPath, long Length, bool IsKnownRegularFile = false, string? Error = null)
{
    /// <summary>A size not asked: progress then counts the bytes as they are hashed.</summary>
    public const long UnknownLength = -1;

    public static HashInput StandardInput { get; } = new(Iscc.DisplayPath.StandardInput, null, 0);

    public bool IsStandardInput => FullPath is null && Error is null;

    public static HashInput Failed(string displayPath, string error) => new(displayPath, null, 0, Error: error);
}
