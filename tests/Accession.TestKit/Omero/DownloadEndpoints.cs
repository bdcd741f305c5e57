using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>
/// Original-file routes (spec omero.md §2.6): archived files (one file raw, several as a zip), the file
/// paths of an image's fileset, single original files by id, and the download placeholder page that lists
/// a fileset's files. Bodies stream in OMERO.web's 1 MiB chunks and honour the download-cut fault.
/// </summary>
internal static class DownloadEndpoints
{
    // omero.web.chunk_size (spec omero.md §2.6).
    private const int ChunkSize = 1 << 20;

    /// <summary><c>GET /webgateway/archived_files/download/&lt;id&gt;/</c> or <c>?image=…</c>.</summary>
    public static async Task ArchivedFilesAsync(OmeroExchange exchange)
    {
        List<long> ids;
        if (exchange.Match.Groups["id"].Success)
        {
            ids = [exchange.Id];
        }
        else if (!QueryParameters.TryIds(exchange.Request.Query["image"], out ids) || ids.Count == 0)
        {
            await OmeroResponses.TextAsync(exchange, 500, "No images or wells specified in request. Use ?image=123 or ?well=123");
            return;
        }

        var images = ids.Select(id => exchange.Server.Database.ReadImage(exchange.User, id)).OfType<FakeOmeroImage>().ToList();
        if (images.Count == 0)
        {
            var listed = string.Join(", ", ids.Select(id => $"'{id}'"));
            await OmeroResponses.TextAsync(exchange, 500, $"Cannot download archived file because Images not found (ids: [{listed}])");
            return;
        }

        var files = images.SelectMany(image => image.Fileset.Files).DistinctBy(file => file.Id).ToList();
        if (files.Count == 1)
        {
            exchange.Response.ContentType = "application/force-download";
            exchange.Response.Headers.ContentDisposition = HeaderValue("attachment; filename=" + SafeName(files[0].Name));
            using var content = files[0].Content.OpenRead();
            await SendAsync(exchange, content, files[0].Size);
            return;
        }

        var total = files.Sum(file => file.Size);
        var maximum = exchange.Server.Options.MaximumMultifileDownloadSize;
        if (total > maximum)
        {
            await OmeroResponses.TextAsync(exchange, 403, $"Total size of files {total} is larger than {maximum}. Try requesting fewer files.");
            return;
        }

        var zipName = SafeName(exchange.Request.Query["zipname"].FirstOrDefault() ?? images[^1].Name);
        if (!zipName.EndsWith(".zip", StringComparison.Ordinal))
        {
            zipName += ".zip";
        }

        await using var zip = ArchivedZip.Write(images, ref zipName);
        exchange.Response.ContentType = "application/force-download";
        exchange.Response.Headers.ContentDisposition = "attachment; filename=" + zipName;
        await SendAsync(exchange, zip, zip.Length);
    }

    /// <summary><c>GET /webgateway/original_file_paths/&lt;id&gt;/</c>: repository and client paths and the fileset id; 500 JSON when missing.</summary>
    public static async Task OriginalFilePathsAsync(OmeroExchange exchange)
    {
        var image = exchange.Server.Database.ReadImage(exchange.User, exchange.Id);
        await OmeroResponses.JsonAsync(exchange, image is null ? 500 : 200, writer =>
        {
            writer.WriteStartObject();
            if (image is null)
            {
                // jsonp catches the view's Http404 and reports it as a server error (spec omero.md §2.6).
                writer.WriteString("message", "");
                writer.WriteString("stacktrace", "Http404");
            }
            else
            {
                writer.WriteStartArray("repo");
                foreach (var file in image.Fileset.Files)
                {
                    writer.WriteStringValue(file.RepositoryPath);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("client");
                foreach (var file in image.Fileset.Files)
                {
                    writer.WriteStringValue(file.ClientPath);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("fileset");
                writer.WriteNumber("id", image.Fileset.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }, api: false);
    }

    /// <summary><c>GET /webclient/download_original_file/&lt;fileId&gt;/</c>: the file's bytes as an attachment.</summary>
    public static Task DownloadOriginalFileAsync(OmeroExchange exchange) => OriginalFileAsync(exchange, attachment: true);

    /// <summary><c>GET /webclient/get_original_file/&lt;fileId&gt;/</c>: the file's bytes, inline.</summary>
    public static Task GetOriginalFileAsync(OmeroExchange exchange) => OriginalFileAsync(exchange, attachment: false);

    /// <summary><c>GET /webclient/download_placeholder/?ids=image-1|image-2</c>: an HTML page linking every file of the images' filesets.</summary>
    public static async Task PlaceholderAsync(OmeroExchange exchange)
    {
        var ids = exchange.Request.Query["ids"].ToString()
            .Split(['|', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(id => id.StartsWith("image-", StringComparison.Ordinal))
            .Select(id => long.TryParse(id["image-".Length..], CultureInfo.InvariantCulture, out var value) ? value : -1);
        var images = ids.Select(id => exchange.Server.Database.ReadImage(exchange.User, id)).OfType<FakeOmeroImage>().ToList();
        var filesets = images.Select(image => image.Fileset).DistinctBy(fileset => fileset.Id).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><title>Download files</title></head><body><div class=\"center\">");
        html.Append("<h1>Download Original Files</h1><form id=\"downloadForm\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>You have chosen to download {filesets.Sum(fileset => fileset.Files.Count)} files.</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Zip file name: <input id=\"zipName\" value=\"{WebUtility.HtmlEncode(images.FirstOrDefault()?.Name ?? "")}.zip\"/></p>");
        html.Append("<p>Download individual files:</p><table>");
        foreach (var fileset in filesets)
        {
            html.Append("<tbody>");
            foreach (var file in fileset.Files)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{OmeroRoutes.DownloadOriginalFile}{file.Id}/\"><div>{WebUtility.HtmlEncode(file.Name)}");
                html.Append(CultureInfo.InvariantCulture, $"<span style=\"margin-left:20px; text-decoration:none\"> {FileSizeFormat(file.Size)}</span>");
                html.Append("<span class=\"download\">Download</span></div></a></td></tr>");
            }

            html.Append("</tbody>");
        }

        html.Append("</table></form></div></body></html>");
        await OmeroResponses.HtmlAsync(exchange, 200, html.ToString());
    }

    private static async Task OriginalFileAsync(OmeroExchange exchange, bool attachment)
    {
        var file = exchange.Server.Database.ReadFile(exchange.User, exchange.Id);
        if (file is null)
        {
            var message = $"Original File does not exist (id:{exchange.Id}).";
            await (exchange.IsAjax
                ? OmeroResponses.TextAsync(exchange, 404, message)
                : OmeroResponses.HtmlAsync(exchange, 404, $"<h1>Not Found</h1><p>{message}</p>"));
            return;
        }

        exchange.Response.ContentType = file.MimeType;
        if (attachment)
        {
            exchange.Response.Headers.ContentDisposition = HeaderValue("attachment; filename=" + SafeName(file.Name));
        }

        using var content = file.Content.OpenRead();
        await SendAsync(exchange, content, file.Size);
    }

    /// <summary>Streams <paramref name="length"/> bytes; a pending download cut sends its byte count and closes the connection.</summary>
    private static async Task SendAsync(OmeroExchange exchange, Stream source, long length)
    {
        var response = exchange.Response;
        response.StatusCode = 200;
        response.ContentLength = length;
        if (HttpMethods.IsHead(exchange.Request.Method))
        {
            return;
        }

        var faults = exchange.Server.Faults;
        var cutAt = faults.PendingCut() is { } pending && pending < length ? pending : (long?)null;
        if (cutAt is not null)
        {
            // Kestrel then closes the connection after a short body whatever its length, even none.
            response.Headers.Connection = "close";
        }

        await response.StartAsync(exchange.Http.RequestAborted);
        var rate = faults.DownloadRate;
        var chunk = rate is { } limit ? (int)Math.Clamp(limit / 20, 1, ChunkSize) : ChunkSize;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            long sent = 0;
            while (sent < length)
            {
                if (sent == cutAt)
                {
                    if (faults.TakeCut())
                    {
                        // Ending the response short of its Content-Length makes Kestrel close the connection
                        // after sending what was written, so the client gets exactly these bytes, then EOF.
                        exchange.Aborted = true;
                        exchange.Record();
                        return;
                    }

                    cutAt = null;
                }

                var count = (int)Math.Min(chunk, (cutAt ?? length) - sent);
                await source.ReadExactlyAsync(buffer.AsMemory(0, count), exchange.Http.RequestAborted);
                await response.Body.WriteAsync(buffer.AsMemory(0, count), exchange.Http.RequestAborted);
                sent += count;
                if (rate is { } bytesPerSecond && TimeSpan.FromSeconds((double)sent / bytesPerSecond) - watch.Elapsed is { } ahead && ahead > TimeSpan.Zero)
                {
                    await Task.Delay(ahead, exchange.Http.RequestAborted);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>OMERO.web's rewrite of attachment names: a comma would split the header, so ' ' → '_' and ',' → '.'.</summary>
    public static string SafeName(string name) => name.Replace(' ', '_').Replace(',', '.');

    /// <summary>
    /// A header value as Django sends one it cannot write as Latin-1: MIME-encoded (<c>=?utf-8?b?…?=</c>,
    /// Python's <c>email.header.Header</c>). Kestrel writes ASCII only, so Latin-1 names are encoded too.
    /// </summary>
    private static string HeaderValue(string value) =>
        value.All(c => c is >= ' ' and < '\u007f')
            ? value
            : "=?utf-8?b?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)) + "?=";

    /// <summary>Django's filesizeformat (1024-based, one decimal, non-breaking space).</summary>
    private static string FileSizeFormat(long size)
    {
        string[] units = ["KB", "MB", "GB", "TB"];
        if (size < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{size}\u00a0bytes");
        }

        var value = (double)size;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0}\u00a0{units[unit]}");
    }
}
