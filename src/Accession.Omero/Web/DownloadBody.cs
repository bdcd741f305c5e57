namespace Accession.Omero.Web;

/// <summary>A streamed response body and the length OMERO.web announced; disposing it ends the response. Not thread-safe.</summary>
public sealed class DownloadBody(HttpResponseMessage response, Stream body, long? length) : IAsyncDisposable
{
    public Stream Stream { get; } = body;

    /// <summary>The <c>Content-Length</c>, when sent.</summary>
    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
    }
}
