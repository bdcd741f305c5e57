using System.Net;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class FakeOmeroSmokeTests
{
    [Fact]
    public async Task A_client_logs_in_lists_downloads_and_annotates()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var _ = fake;
        var bytes = FakeFileContent.Generated(3_000_000, 7);
        var image = fake.AddImage("cells", seed.Alice, seed.Lab, new FakeOmeroFileSpec("cells.tif", bytes));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        var listing = await client.GetJsonAsync(OmeroRoutes.Images + "?limit=500");
        Assert.Equal(image.Id, listing.GetProperty("data")[0].GetProperty("@id").GetInt64());

        using (var download = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes.ToArray(), await download.Content.ReadAsByteArrayAsync());
        }

        using (var created = await client.AnnotateMapAsync(
            [new("image", $"{image.Id}"), new("ns", "org.iscc.omero.sum"), new("mapAnnotation", """[["iscc:sum","ISCC:K4A"]]""")]))
        {
            var body = await OmeroTestClient.ReadJsonAsync(created);
            Assert.Equal(1, body.GetProperty("annId").GetArrayLength());
        }

        var annotations = await client.GetJsonAsync($"{OmeroRoutes.Annotations}?type=map&image={image.Id}&ns=org.iscc.omero.sum");
        Assert.Equal("ISCC:K4A", annotations.GetProperty("annotations")[0].GetProperty("values")[0][1].GetString());
        Assert.Equal("ISCC:K4A", Assert.Single(fake.MapAnnotations(image.Id)).Value("iscc:sum"));
        Assert.Contains(fake.Requests, request => request.Path == OmeroRoutes.AnnotateMap && request.StatusCode == 200);
    }
}
