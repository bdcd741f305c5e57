using Accession.OmeZarr.Archives;

namespace Accession.Cli.Commands.Zarr;

/// <summary>Opens command-line inputs and turns read failures into one-line messages.</summary>
internal static class ZarrInputs
{
    public static ArchiveReader Open(string path) => ArchiveOpenStandIn.Open(path);

    /// <summary>The one line shown on stderr when an input cannot be read; null for exceptions that are bugs.</summary>
    public static string? Describe(string path, Exception exception) => exception switch
    {
        ArchiveException archive => WithPath(path, archive.Message, archive.Kind switch
        {
            ArchiveErrorKind.NotFound => "check the path",
            ArchiveErrorKind.UnsupportedFormat => "pass a folder or a .zip, .ozx, .tar, .tar.gz/.tgz, .tar.bz2/.tbz2 or .tar.xz/.txz archive",
            ArchiveErrorKind.Corrupt => "the file is damaged; copy or download it again",
            _ => null,
        }),
        UnauthorizedAccessException or IOException => WithPath(path, exception.Message, "check that the file can be read"),
        _ => null,
    };

    private static string WithPath(string path, string message, string? advice)
    {
        var line = message.Contains(path, StringComparison.Ordinal) ? message : $"{path}: {message}";
        line = line.ReplaceLineEndings(" ").Trim();
        return advice is null || line.Contains(advice, StringComparison.OrdinalIgnoreCase) ? line : $"{line.TrimEnd('.')}; {advice}.";
    }
}
