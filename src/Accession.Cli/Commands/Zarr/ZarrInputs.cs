using Accession.Cli.Terminal;
using Accession.OmeZarr.Archives;

namespace Accession.Cli.Commands.Zarr;

/// <summary>Opens command-line inputs and turns read failures into one-line messages.</summary>
internal static class ZarrInputs
{
    public static ArchiveReader Open(string path) => ArchiveReader.Open(path);

    /// <summary>
    /// What follows <c>accession zarr …: </c> on stderr when an input cannot be read: the path as typed
    /// and the reason; null for exceptions that are bugs.
    /// </summary>
    public static string? Describe(string path, Exception exception) => exception switch
    {
        // Archive messages name the file and say what to do.
        ArchiveException archive => WithPath(path, archive.Message),
        UnauthorizedAccessException or IOException => $"{path}: {IoErrorText.Describe(exception)}",
        _ => null,
    };

    private static string WithPath(string path, string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.StartsWith(path + ":", StringComparison.Ordinal) ? line : $"{path}: {line}";
    }
}
