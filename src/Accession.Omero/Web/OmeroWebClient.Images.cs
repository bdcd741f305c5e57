using System.Globalization;
using System.Text.Json;

namespace Accession.Omero.Web;

public sealed partial class OmeroWebClient
{
    /// <summary>The JSON API's largest page (<c>omero.web.api.max_limit</c>, shared/specs/omero.md §2.4).</summary>
    internal const int ListingPageSize = 500;

    private const int ParallelPages = 4;

    /// <summary>
    /// Every image the user can read, in all groups (<c>/api/v0/m/images/</c>, group -1 by default, §2.4).
    /// The first page tells the total; the others are fetched in parallel. Pages are name-ordered, so an
    /// import during the listing may shift them: when the totals disagree the listing is taken again.
    /// </summary>
    public async Task<IReadOnlyList<OmeroImage>> ListImagesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = await ListPageAsync(0, cancellationToken).ConfigureAwait(false);
            var offsets = new List<int>();
            for (var offset = ListingPageSize; offset < first.Total; offset += ListingPageSize)
            {
                offsets.Add(offset);
            }

            var pages = new ListingPage[offsets.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, offsets.Count),
                new ParallelOptions { MaxDegreeOfParallelism = ParallelPages, CancellationToken = cancellationToken },
                async (index, token) => pages[index] = await ListPageAsync(offsets[index], token).ConfigureAwait(false)).ConfigureAwait(false);

            if (pages.All(page => page.Total == first.Total) || attempt == 3)
            {
                return [.. first.Images.Concat(pages.SelectMany(page => page.Images)).DistinctBy(image => image.Id)];
            }
        }
    }

    /// <summary>One image by id (<c>/api/v0/m/images/&lt;id&gt;/</c>, §2.5), or null when it does not exist or is not readable.</summary>
    public async Task<OmeroImage?> GetImageAsync(long imageId, CancellationToken cancellationToken)
    {
        var route = $"api/v0/m/images/{imageId.ToString(CultureInfo.InvariantCulture)}/";
        using var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "api/v0/m/images/", cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return ReadImage(json.RootElement.GetProperty("data"));
    }

    private async Task<ListingPage> ListPageAsync(int offset, CancellationToken cancellationToken)
    {
        var route = $"api/v0/m/images/?offset={offset.ToString(CultureInfo.InvariantCulture)}&limit={ListingPageSize.ToString(CultureInfo.InvariantCulture)}";
        using var response = await SendAsync(() => Get(route), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "api/v0/m/images/", cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        var images = new List<OmeroImage>();
        foreach (var item in root.GetProperty("data").EnumerateArray())
        {
            images.Add(ReadImage(item));
        }

        var total = root.TryGetProperty("meta", out var meta) && meta.TryGetProperty("totalCount", out var count)
            ? count.GetInt32()
            : offset + images.Count;
        return new ListingPage(images, total);
    }

    private static OmeroImage ReadImage(JsonElement item)
    {
        var name = item.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        return new OmeroImage(item.GetProperty("@id").GetInt64(), name);
    }

    private sealed record ListingPage(List<OmeroImage> Images, int Total);
}
