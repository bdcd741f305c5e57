namespace Accession.Pennsieve.Processor;

/// <summary>
/// Receives the progress of an import's uploads, for a display (a status line on a terminal, a log
/// line every few seconds otherwise). Implementations must be thread-safe: <see cref="FileUploaded"/>
/// is called from the upload workers.
/// </summary>
public interface IUploadProgress
{
    /// <summary>Uploads start: <paramref name="files"/> files of <paramref name="bytes"/> bytes in all are to go.</summary>
    void Started(int files, long bytes);

    /// <summary>One file of <paramref name="bytes"/> bytes is stored.</summary>
    void FileUploaded(long bytes);

    /// <summary>Uploads are over (done, failed or stopped); nothing more is reported.</summary>
    void Stopped();
}
