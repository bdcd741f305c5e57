using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Accession.Omero.Web;

public sealed partial class OmeroWebClient
{
    /// <summary>
    /// The repository paths of the image's original files and its fileset id
    /// (<c>/webgateway/original_file_paths/&lt;id&gt;/</c>, shared/specs/omero.md §2.6).
    /// </summary>
    /// <returns>Null when the image has no fileset (it was not imported from files).</returns>
    /// <exception cref="OmeroImageMissingException">The image no longer exists or is not readable.</exception>
    public async Task<FilesetPaths?> GetFilesetPathsAsync(long imageId, CancellationToken cancellationToken)
    {
        var route = $"webgateway/original_file_paths/{imageId.ToString(CultureInfo.InvariantCulture)}/";
        using var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
        {
            // A missing image raises Http404 inside @jsonp, which answers 500 (§2.6); ask the JSON API to tell.
            await ThrowIfMissingAsync(imageId, cancellationToken).ConfigureAwait(false);
        }

        await EnsureSuccessAsync(response, route, cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        if (!root.TryGetProperty("repo", out var repo) || repo.GetArrayLength() == 0
            || !root.TryGetProperty("fileset", out var fileset) || fileset.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new FilesetPaths(ReadId(fileset.GetProperty("id")), [.. repo.EnumerateArray().Select(path => path.GetString()!)]);
    }

    /// <summary>
    /// Opens the bytes of a single-file image (<c>/webgateway/archived_files/download/&lt;id&gt;/</c>, §2.6).
    /// Only for images whose fileset has exactly one file: for more, OMERO.web sends a zip it builds.
    /// </summary>
    public async Task<DownloadBody> OpenArchivedFileAsync(long imageId, CancellationToken cancellationToken)
    {
        var route = $"webgateway/archived_files/download/{imageId.ToString(CultureInfo.InvariantCulture)}/";
        return await OpenDownloadAsync(imageId, route, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The original files of the image's fileset, from the download page (<c>/webclient/download_placeholder/</c>),
    /// the only route that names their ids (§2.6).
    /// </summary>
    public async Task<IReadOnlyList<OriginalFileLink>> ListOriginalFilesAsync(long imageId, CancellationToken cancellationToken)
    {
        var route = $"webclient/download_placeholder/?ids=image-{imageId.ToString(CultureInfo.InvariantCulture)}";
        using var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "webclient/download_placeholder/", cancellationToken).ConfigureAwait(false);
        var html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return [.. OriginalFileLinks().Matches(html).Select(match => new OriginalFileLink(
            long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture),
            WebUtility.HtmlDecode(match.Groups["name"].Value).Trim())).DistinctBy(link => link.Id)];
    }

    /// <summary>Opens the bytes of one original file (<c>/webclient/download_original_file/&lt;id&gt;/</c>, §2.6).</summary>
    public async Task<DownloadBody> OpenOriginalFileAsync(long imageId, long fileId, CancellationToken cancellationToken)
    {
        var route = $"webclient/download_original_file/{fileId.ToString(CultureInfo.InvariantCulture)}/";
        return await OpenDownloadAsync(imageId, route, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DownloadBody> OpenDownloadAsync(long imageId, string route, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
            {
                await ThrowIfMissingAsync(imageId, cancellationToken).ConfigureAwait(false);
            }

            await EnsureSuccessAsync(response, route, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new DownloadBody(response, body, response.Content.Headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Throws <see cref="OmeroImageMissingException"/> when the JSON API does not know the image (404, §2.5).</summary>
    private async Task ThrowIfMissingAsync(long imageId, CancellationToken cancellationToken)
    {
        var route = $"api/v0/m/images/{imageId.ToString(CultureInfo.InvariantCulture)}/";
        using var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new OmeroImageMissingException(imageId);
        }
    }

    // The link's first text is the file name; its size and a "Download" label may follow in other elements.
    [GeneratedRegex("""<a\b[^>]*\bhref="[^"]*/download_original_file/(?<id>\d+)/?"[^>]*>(?:\s*<[^>]+>)*\s*(?<name>[^<]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalFileLinks();
}
