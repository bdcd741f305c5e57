using System.Globalization;
using System.Text.Json;

namespace Accession.Omero.Web;

public sealed partial class OmeroWebClient
{
    /// <summary>Image ids per annotations request; the route takes repeated <c>image</c> parameters (§2.7).</summary>
    internal const int AnnotationIdsPerRequest = 100;

    /// <summary>
    /// The map annotations in namespace <paramref name="ns"/> on each of <paramref name="imageIds"/>
    /// (<c>/webclient/api/annotations/?type=map&amp;ns=…&amp;image=…</c>, §2.7), asked for many images per request.
    /// Unknown or unreadable images simply have none.
    /// </summary>
    public async Task<IReadOnlyList<ImageMapAnnotation>> FindMapAnnotationsAsync(IReadOnlyList<long> imageIds, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var batches = imageIds.Distinct().Chunk(AnnotationIdsPerRequest).ToList();
        var found = new List<ImageMapAnnotation>[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPages, CancellationToken = cancellationToken },
            async (index, token) => found[index] = await FindBatchAsync(batches[index], ns, token).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. found.SelectMany(list => list)];
    }

    /// <summary>
    /// Creates one map annotation with <paramref name="values"/> on the image (<c>POST /webclient/annotate_map/</c>, §2.8).
    /// </summary>
    /// <returns>The new annotation's id, or null when OMERO.web found no such image.</returns>
    public async Task<long?> AnnotateMapAsync(long imageId, string ns, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = JsonSerializer.Serialize(values.Select(pair => new[] { pair.Key, pair.Value }).ToArray(), OmeroJson.Default.StringArrayArray);
        using var response = await SendAsync(
            () => Post("webclient/annotate_map/", [
                KeyValuePair.Create("image", imageId.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("ns", ns),
                KeyValuePair.Create("mapAnnotation", pairs),
            ]),
            cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "webclient/annotate_map/", cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("annId", out var ids) || ids.ValueKind != JsonValueKind.Array)
        {
            throw new OmeroWebException($"OMERO.web at {_base} answered annotate_map for image {imageId} without an annId list.");
        }

        return ids.GetArrayLength() == 0 ? null : ReadId(ids[0]);
    }

    private async Task<List<ImageMapAnnotation>> FindBatchAsync(long[] ids, string ns, CancellationToken cancellationToken)
    {
        var query = "webclient/api/annotations/?type=map&ns=" + Uri.EscapeDataString(ns)
            + string.Concat(ids.Select(id => "&image=" + id.ToString(CultureInfo.InvariantCulture)));
        using var response = await SendAsync(() => Get(query), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "webclient/api/annotations/", cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var found = new List<ImageMapAnnotation>();
        foreach (var annotation in json.RootElement.GetProperty("annotations").EnumerateArray())
        {
            var annotationNs = annotation.TryGetProperty("ns", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
            if (annotationNs != ns
                || !annotation.TryGetProperty("link", out var link)
                || !link.TryGetProperty("parent", out var parent))
            {
                continue;
            }

            var values = new List<KeyValuePair<string, string>>();
            if (annotation.TryGetProperty("values", out var pairs) && pairs.ValueKind == JsonValueKind.Array)
            {
                foreach (var pair in pairs.EnumerateArray())
                {
                    if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
                    {
                        values.Add(KeyValuePair.Create(pair[0].GetString() ?? string.Empty, pair[1].GetString() ?? string.Empty));
                    }
                }
            }

            found.Add(new ImageMapAnnotation(ReadId(annotation.GetProperty("id")), ReadId(parent.GetProperty("id")), annotationNs, values));
        }

        return found;
    }

    /// <summary>An id sent as a number or, by some routes, as a string (§2.8 update answers).</summary>
    private static long ReadId(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? long.Parse(element.GetString()!, CultureInfo.InvariantCulture) : element.GetInt64();
}
