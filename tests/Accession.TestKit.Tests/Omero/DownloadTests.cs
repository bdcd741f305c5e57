using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed partial class DownloadTests
{
    private static FakeOmeroFileSpec[] MrxsFiles() =>
    [
        FakeOmeroFileSpec.Generated("slide.mrxs", 1000, 1),
        FakeOmeroFileSpec.Generated("slide/Index.dat", 2000, 2),
        FakeOmeroFileSpec.Generated("slide/Data0000.dat", 300_000, 3),
    ];

    private static async Task<Dictionary<string, byte[]>> ZipEntriesAsync(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    [Fact]
    public async Task A_single_file_image_downloads_raw_with_a_rewritten_name()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var content = FakeFileContent.Generated(2_500_000, 11);
        var image = fake.AddImage("odd", seed.Alice, seed.Lab, new FakeOmeroFileSpec("my scan, v2.tif", content));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/force-download", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Equal("attachment; filename=my_scan._v2.tif", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(content.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_requests_get_the_headers_without_the_bytes()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var image = fake.AddImage("head", seed.Alice, seed.Lab, FakeOmeroFileSpec.Generated("head.bin", 4096, 4));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{OmeroRoutes.ArchivedFiles}{image.Id}/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4096, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_multi_file_image_downloads_as_a_zip_of_paths_below_the_template_prefix()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var image = fake.AddImage("slide 1", seed.Alice, seed.Lab, MrxsFiles());
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");

        Assert.Equal("application/force-download", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=slide_1.zip", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        var entries = await ZipEntriesAsync(response);
        Assert.Equal(MrxsFiles().Select(file => file.RelativePath).Order(), entries.Keys.Order());
        foreach (var file in MrxsFiles())
        {
            Assert.Equal(file.Content.ToArray(), entries[file.RelativePath]);
        }
    }

    [Fact]
    public async Task Images_sharing_a_fileset_list_the_same_files_and_zip_them_once()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var fileset = fake.AddFileset(seed.Alice, seed.Lab, MrxsFiles());
        var first = fake.AddImage("scene 1", fileset);
        var second = fake.AddImage("scene 2", fileset);
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        var paths1 = await client.GetJsonAsync($"{OmeroRoutes.OriginalFilePaths}{first.Id}/");
        var paths2 = await client.GetJsonAsync($"{OmeroRoutes.OriginalFilePaths}{second.Id}/");
        using var both = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}?image={first.Id}&image={second.Id}&zipname=both");

        Assert.Equal(fileset.Id, paths1.GetProperty("fileset").GetProperty("id").GetInt64());
        Assert.Equal(paths1.GetRawText(), paths2.GetRawText());
        Assert.Equal(
            MrxsFiles().Select(file => fileset.TemplatePrefix + file.RelativePath),
            paths1.GetProperty("repo").EnumerateArray().Select(path => path.GetString()));
        Assert.Equal(3, paths1.GetProperty("client").GetArrayLength());
        Assert.Equal(MrxsFiles().Select(file => file.RelativePath).Order(), (await ZipEntriesAsync(both)).Keys.Order());
    }

    [Fact]
    public async Task Filesets_whose_names_clash_go_into_numbered_folders()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var first = fake.AddImage("a", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("same.txt", "one"), FakeOmeroFileSpec.Text("x.txt", "x"));
        var second = fake.AddImage("b", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("same.txt", "two"));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}?image={first.Id}&image={second.Id}");

        var entries = await ZipEntriesAsync(response);
        Assert.Equal("one"u8.ToArray(), entries["same.txt"]);
        Assert.Equal("two"u8.ToArray(), entries["1/same.txt"]);
    }

    [Fact]
    public async Task A_zip_larger_than_the_limit_is_refused()
    {
        var (fake, seed) = await OmeroSeed.StartAsync(new FakeOmeroOptions { MaximumMultifileDownloadSize = 10_000 });
        await using var __ = fake;
        var image = fake.AddImage("big", seed.Alice, seed.Lab, MrxsFiles());
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Total size of files 303000 is larger than 10000.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_images_give_omero_web_errors_on_each_route()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var archived = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}99/");
        using var noIds = await client.GetAsync(OmeroRoutes.ArchivedFiles);
        var paths = await client.GetJsonAsync($"{OmeroRoutes.OriginalFilePaths}99/", HttpStatusCode.InternalServerError);
        using var file = await client.GetAsync($"{OmeroRoutes.DownloadOriginalFile}99/", ajax: true);
        using var imageData = await client.GetAsync($"{OmeroRoutes.ImageData}99/");

        Assert.Equal(HttpStatusCode.InternalServerError, archived.StatusCode);
        Assert.Equal("Cannot download archived file because Images not found (ids: ['99'])", await archived.Content.ReadAsStringAsync());
        Assert.Equal("No images or wells specified in request. Use ?image=123 or ?well=123", await noIds.Content.ReadAsStringAsync());
        Assert.Equal("", paths.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, imageData.StatusCode);
        Assert.Equal("Image:99 not found", await imageData.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_placeholder_page_links_every_file_and_each_link_downloads_that_file()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var files = MrxsFiles().Select(file => file with { MimeType = "application/x-test" }).ToArray();
        var image = fake.AddImage("slide", seed.Alice, seed.Lab, files);
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var page = await client.GetAsync($"{OmeroRoutes.DownloadPlaceholder}?ids=image-{image.Id}");
        var html = await page.Content.ReadAsStringAsync();

        var links = FileLink().Matches(html).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(image.Fileset.Files.Select(file => $"{OmeroRoutes.DownloadOriginalFile}{file.Id}/"), links);
        foreach (var (link, file) in links.Zip(image.Fileset.Files))
        {
            Assert.Contains(file.Name, html, StringComparison.Ordinal);
            using var download = await client.GetAsync(link);
            Assert.Equal("application/x-test", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(file.Content.ToArray(), await download.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_large_generated_file_streams_intact()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var content = FakeFileContent.Generated((16 << 20) + 13, 99);
        var image = fake.AddImage("large", seed.Alice, seed.Lab, new FakeOmeroFileSpec("large.bin", content));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.GetStreamingAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");
        await using var body = await response.Content.ReadAsStreamAsync();

        using var expected = content.OpenRead();
        Assert.Equal(await SHA256.HashDataAsync(expected), await SHA256.HashDataAsync(body));
    }

    [GeneratedRegex("href=\"(/webclient/download_original_file/[0-9]+/)\"")]
    private static partial Regex FileLink();
}
