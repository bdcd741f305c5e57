using Accession.Iscc.TreeWalk;

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
        TreeWalkException { InnerException: { } cause } => Describe(cause),
        TreeWalkException walk => walk.Message,
        FileNotFoundException or DirectoryNotFoundException => NotFound,
        UnauthorizedAccessException => PermissionDenied,
        _ => exception.Message.TrimEnd('.', ' '),
    };
}
