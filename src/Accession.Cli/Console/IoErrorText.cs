using System.Runtime.InteropServices;

namespace Accession.Cli.Terminal;

// Folder Console/, namespace Terminal: a namespace named Console would hide System.Console.

/// <summary>Short, familiar reasons for I/O failures ("No such file or directory"), as coreutils prints them.</summary>
internal static class IoErrorText
{
    public const string NotFound = "No such file or directory";
    public const string PermissionDenied = "Permission denied";
    public const string IsADirectory = "Is a directory";

    public static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => NotFound,
        UnauthorizedAccessException => PermissionDenied,

        // On Unix .NET keeps the errno in HResult; its own text adds the path, which the caller names already.
        IOException { HResult: > 0 and < 4096 } when !OperatingSystem.IsWindows() => Marshal.GetPInvokeErrorMessage(exception.HResult),
        _ => exception.Message.TrimEnd('.', ' '),
    };
}
