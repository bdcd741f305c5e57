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

    /// <summary>For a name whose bytes were lost before the program saw them (not "No such file").</summary>
    public const string NotUtf8InFolder = "the name is not valid UTF-8; files with such names inside folders cannot be hashed yet, name the file itself";

    public const string NotUtf8 = "the name is not valid UTF-8 and cannot be passed on this platform; rename the file or name its folder instead";

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
