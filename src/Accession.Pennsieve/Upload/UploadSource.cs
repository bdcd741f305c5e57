using Accession.OmeZarr.Archives;
using Accession.Pennsieve.Processor;
using Microsoft.Extensions.Logging;

namespace Accession.Pennsieve.Upload;

/// <summary>
/// Where PUT bodies are read from: the archive itself when its entries can be opened in parallel (zip,
/// plain tar), otherwise (compressed tar) a temporary extraction under <c>OUTPUT_DIR</c>, deleted on dispose.
/// </summary>
internal sealed class UploadSource : IAsyncDisposable
{
    private readonly string? _temporary;

    private UploadSource(ArchiveReader reader, string? temporary)
    {
        Reader = reader;
        _temporary = temporary;
    }

    public ArchiveReader Reader { get; }

    public static async Task<UploadSource> OpenAsync(string archive, ArchiveReader reader, string outputDir, ILogger logger, CancellationToken cancellationToken)
    {
        if (reader.SupportsRandomAccess)
        {
            return new UploadSource(reader, null);
        }

        ProcessorLog.ExtractingFirst(logger, archive);
        var folder = Path.Combine(outputDir, $".{ArchiveNames.StripArchiveSuffix(archive)}.upload-{Guid.NewGuid():N}");
        try
        {
            var extracted = await ArchiveExtractor.ExtractAsync(archive, folder, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UploadSource(extracted, folder);
        }
        catch (ArchiveException e)
        {
            throw new ImportException(ImportErrorKind.BadInput, e.Message, e);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_temporary is not null)
        {
            Reader.Dispose();
            try
            {
                Directory.Delete(_temporary, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort; the folder's name says it is ours and temporary.
            }
        }

        return ValueTask.CompletedTask;
    }
}
