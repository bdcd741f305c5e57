using System.Net;
using Accession.OmeZarr.Archives;

namespace Accession.Pennsieve.Upload;

/// <summary>
/// A PUT body streamed straight from an archive entry, with its exact <c>Content-Length</c> (zero-byte
/// files too: S3 rejects the chunked encoding the Python processor falls back to, shared/specs/pennsieve-import.md
/// §1.6). Each send opens the entry afresh, so a retry resends the whole file; nothing is buffered.
/// </summary>
internal sealed class EntryContent : HttpContent
{
    private const int CopyBufferSize = 1 << 17;
    private readonly ArchiveReader _reader;
    private readonly ArchiveEntry _entry;

    public EntryContent(ArchiveReader reader, ArchiveEntry entry)
    {
        _reader = reader;
        _entry = entry;
        Headers.ContentLength = entry.Length;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = _reader.OpenEntry(_entry);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _entry.Length;
        return true;
    }
}
