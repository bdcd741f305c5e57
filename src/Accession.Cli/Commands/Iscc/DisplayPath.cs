namespace Accession.Cli.Commands.Iscc;

/// <summary>Paths as <c>accession iscc</c> prints them: always with <c>/</c>, as iscc-sum does on every platform.</summary>
internal static class DisplayPath
{
    /// <summary>Shown for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>A path argument as printed.</summary>
    public static string Of(string path) =>
        Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>A file found below a folder argument: the folder as given, a slash, the path inside it.</summary>
    public static string Below(string folder, string relativePath) => TrimSlashes(Of(folder)) + "/" + relativePath;

    /// <summary>A folder hashed as one stream (<c>--tree</c>): the folder with one trailing slash.</summary>
    public static string OfTree(string folder) => TrimSlashes(Of(folder)) + "/";

    private static string TrimSlashes(string path) => path.TrimEnd('/');
}
