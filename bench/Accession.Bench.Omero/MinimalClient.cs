using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Accession.Bench.Omero;

/// <summary>
/// The benchmark's anchor: the least an OMERO.web client must do, with no hashing, state or checks —
/// log in, page through the image listing, stream a file to nowhere, post one annotation. Each method
/// returns a one-line report.
/// </summary>
internal static class MinimalClient
{
    private const int ReadSize = 256 * 1024;

    public static async Task<string> DownloadAsync(Uri baseUrl, long imageId)
    {
        using var http = await LoginAsync(baseUrl);
        var watch = Stopwatch.StartNew();
        var bytes = await DownloadAsync(http, imageId);
        return $"downloaded {bytes} bytes in {watch.Elapsed.TotalSeconds:0.000} s";
    }

    public static async Task<string> DownloadAndAnnotateAllAsync(Uri baseUrl, int concurrency)
    {
        using var http = await LoginAsync(baseUrl);
        var ids = await ListIdsAsync(http);
        long bytes = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, token) =>
        {
            Interlocked.Add(ref bytes, await DownloadAsync(http, id));
            using var form = new FormUrlEncodedContent([
                KeyValuePair.Create("image", id.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("ns", "org.iscc.omero.sum"),
                KeyValuePair.Create("mapAnnotation", """[["iscc:sum","ISCC:K4A"]]"""),
            ]);
            using var response = await http.PostAsync(new Uri("webclient/annotate_map/", UriKind.Relative), form, token);
            response.EnsureSuccessStatusCode();
        });
        return $"downloaded and annotated {ids.Count} images ({bytes} bytes)";
    }

    public static async Task<string> ListAsync(Uri baseUrl)
    {
        using var http = await LoginAsync(baseUrl);
        return $"listed {(await ListIdsAsync(http)).Count} images";
    }

    private static async Task<HttpClient> LoginAsync(Uri baseUrl)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 16 }) { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var token = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v0/token/", UriKind.Relative)));
        http.DefaultRequestHeaders.Add("X-CSRFToken", token.RootElement.GetProperty("data").GetString());
        using var form = new FormUrlEncodedContent([
            KeyValuePair.Create("server", "1"), KeyValuePair.Create("username", "bench"), KeyValuePair.Create("password", "bench"),
        ]);
        using var login = await http.PostAsync(new Uri("api/v0/login/", UriKind.Relative), form);
        login.EnsureSuccessStatusCode();
        return http;
    }

    private static async Task<List<long>> ListIdsAsync(HttpClient http)
    {
        var ids = new List<long>();
        for (var offset = 0; ; offset += 500)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/v0/m/images/?offset={offset}&limit=500", UriKind.Relative)));
            ids.AddRange(page.RootElement.GetProperty("data").EnumerateArray().Select(image => image.GetProperty("@id").GetInt64()));
            if (ids.Count >= page.RootElement.GetProperty("meta").GetProperty("totalCount").GetInt32())
            {
                return ids;
            }
        }
    }

    private static async Task<long> DownloadAsync(HttpClient http, long imageId)
    {
        using var response = await http.GetAsync(new Uri($"webgateway/archived_files/download/{imageId}/", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[ReadSize];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
