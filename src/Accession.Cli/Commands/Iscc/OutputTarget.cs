using Accession.Cli.Terminal;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Where checksum lines go: standard output, or with <c>-o FILE</c> a temporary file beside
/// FILE that replaces it only when the run succeeds, so an interrupted or failed run never leaves a
/// half-written checksum file (UTF-8, LF, no byte order mark).
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly FileStream? _file;
    private bool _finished;

    private OutputTarget(TextWriter writer, string? path, string? temporaryPath, FileStream? file)
    {
        Writer = writer;
        Path = path;
        TemporaryPath = temporaryPath;
        _file = file;
    }

    public TextWriter Writer { get; }

    /// <summary>The file named by <c>-o</c>, or null for standard output.</summary>
    public string? Path { get; }

    /// <summary>The file being written until <see cref="Commit"/>, or null for standard output.</summary>
    public string? TemporaryPath { get; }

    public static OutputTarget ToStandardOutput(TextWriter output) => new(output, null, null, null);

    /// <exception cref="IOException">The temporary file cannot be created beside <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder of <paramref name="path"/> is not writable.</exception>
    public static OutputTarget ToFile(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException(IoErrorText.IsADirectory);
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var temporary = System.IO.Path.Join(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        var writer = new StreamWriter(file, CommandConsole.Utf8, bufferSize: 1 << 16) { NewLine = "\n" };
        return new OutputTarget(writer, full, temporary, file);
    }

    /// <summary>Flushes; for a file, moves the finished file into place.</summary>
    public void Commit()
    {
        Writer.Flush();
        if (_file is null)
        {
            return;
        }

        _file.Flush(flushToDisk: true);
        Writer.Dispose();
        File.Move(TemporaryPath!, Path!, overwrite: true);
        _finished = true;
    }

    /// <summary>
    /// Gives up: standard output keeps the lines already written (each was flushed); a temporary file is deleted
    /// and an existing FILE stays as it was.
    /// </summary>
    public void Abandon()
    {
        if (_file is null || _finished)
        {
            return;
        }

        _finished = true;
        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // The disk that failed the write may fail the flush too; the file goes anyway.
        }

        File.Delete(TemporaryPath!);
    }

    public void Dispose()
    {
        if (!_finished && _file is not null)
        {
            Abandon();
        }
    }
}
