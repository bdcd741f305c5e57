using Accession.OmeZarr.Archives;

namespace Accession.Cli.Commands.Zarr;

/// <summary>Opens command-line inputs and turns read failures into one-line messages.</summary>
internal static class ZarrInputs
{
    public static ArchiveReader Open(string path) => ArchiveReader.Open(path);

    /// <summary>The one line shown on stderr when an input cannot be read; null for exceptions that are bugs.</summary>
    public static string? Describe(string path, Exception exception) => exception switch
    {
        // Archive messages name the file and say what to do.
        ArchiveException archive => WithPath(path, archive.Message),
        UnauthorizedAccessException or IOException => WithPath(path, exception.Message.TrimEnd('.') + "; check that it can be read."),
        _ => null,
    };

    private static string WithPath(string path, string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Contains(path, StringComparison.Ordinal) || line.Contains(Path.GetFileName(path), StringComparison.Ordinal) ? line : $"{path}: {line}";
    }
}
