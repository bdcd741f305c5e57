using System.Diagnostics.CodeAnalysis;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Whether a path the user named is a folder, including names that are not valid UTF-8, which
/// <see cref="Directory.Exists(string)"/> cannot see (it asks for the U+FFFD-damaged name).
/// </summary>
internal static class FolderPath
{
    public static bool Exists([NotNullWhen(true)] string? path) =>
        Directory.Exists(path) || (path is not null && FileNameBytes.HasRawBytes(path) && RawFile.IsSupported && RawFile.IsFolder(path));
}
