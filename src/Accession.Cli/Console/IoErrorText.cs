using System.Runtime.InteropServices;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Terminal;

// Folder Console/, namespace Terminal: a namespace named Console would hide System.Console.

/// <summary>Short, familiar reasons for I/O failures ("No such file or directory"), as coreutils prints them.</summary>
internal static class IoErrorText
{
    public const string NotFound = "No such file or directory";
    public const string PermissionDenied = "Permission denied";
    public const string IsADirectory = "Is a directory";

    /// <summary>For a name found in a folder whose bytes this platform could not list (not "No such file").</summary>
    public const string NotUtf8InFolder = "the name is not valid UTF-8 and this platform cannot open such names inside folders; rename the file";

    public const string NotUtf8 = "the name is not valid UTF-8 and cannot be passed on this platform; rename the file or name its folder instead";

    /// <summary>
    /// Why <paramref name="path"/> could not be read. A name that .NET decoded with U+FFFD, where the
    /// platform could not list it byte for byte, exists but cannot be opened: that is said, not "No such file".
    /// </summary>
    public static string Describe(string path, Exception exception) =>
        exception is FileNotFoundException or TreeWalkException { InnerException: FileNotFoundException }
        && path.Contains('\uFFFD', StringComparison.Ordinal)
            ? NotUtf8InFolder
            : Describe(exception);

    public static string Describe(Exception exception) => exception switch
    {
        TreeWalkException { InnerException: { } cause } => Describe(cause),
        TreeWalkException walk => walk.Message,
        FileNotFoundException or DirectoryNotFoundException => NotFound,
        UnauthorizedAccessException => PermissionDenied,

        // On Unix .NET keeps the errno in HResult; its own text adds the path, which the caller names already.
        IOException { HResult: > 0 and < 4096 } when !OperatingSystem.IsWindows() => Marshal.GetPInvokeErrorMessage(exception.HResult),
        _ => exception.Message.TrimEnd('.', ' '),
    };
}
