using Accession.Cli.Terminal;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Reads a checksum file (<c>--check</c>, <c>--merge</c>), or standard input for <c>-</c>, whole and then
/// decodes it, so that names that are not valid UTF-8 keep their bytes (<see cref="FileNameBytes"/>).
/// </summary>
internal static class ChecksumFileText
{
    /// <exception cref="IOException">The file cannot be read, or is a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static async Task<string> ReadAsync(string file, CommandConsole console, CancellationToken cancellationToken)
    {
        if (Directory.Exists(file))
        {
            throw new IOException(IoErrorText.IsADirectory);
        }

        var stream = file == DisplayPath.StandardInput ? console.OpenStandardInput()
            : FileNameBytes.HasRawBytes(file) ? RawFile.OpenRead(file)
            : File.OpenRead(file);
        await using (stream.ConfigureAwait(false))
        {
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            return FileNameBytes.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }
    }
}
