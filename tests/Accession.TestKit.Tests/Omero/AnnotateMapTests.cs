using System.Globalization;
using System.Net;
using System.Text.Json;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class AnnotateMapTests
{
    private const string Ns = "org.iscc.omero.sum";

    private static KeyValuePair<string, string> Field(string name, object value) =>
        new(name, Convert.ToString(value, CultureInfo.InvariantCulture)!);

    private static async Task<JsonElement> AnnotateAsync(OmeroTestClient client, params KeyValuePair<string, string>[] fields)
    {
        using var response = await client.AnnotateMapAsync(fields);
        return await OmeroTestClient.ReadJsonAsync(response);
    }

    private static async Task<(FakeOmeroWeb Fake, OmeroSeed Seed, FakeOmeroImage Image, OmeroTestClient Client)> StartAsync()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        var image = fake.AddImage("annotated", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("a.txt", "a"));
        return (fake, seed, image, await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password));
    }

    [Fact]
    public async Task Create_makes_one_annotation_per_image_with_the_pairs_in_order()
    {
        var (fake, seed, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;
        var other = fake.AddImage("other", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("b.txt", "b"));

        var body = await AnnotateAsync(client, Field("image", image.Id), Field("image", other.Id), Field("ns", Ns),
            Field("mapAnnotation", """[["iscc:sum","ISCC:K4A"],["iscc:version","1.0"],["iscc:sum","dup"]]"""));

        var ids = body.GetProperty("annId").EnumerateArray().Select(id => id.GetInt64()).ToList();
        Assert.Equal(2, ids.Count);
        var stored = Assert.Single(fake.MapAnnotations(image.Id));
        Assert.Contains(stored.Id, ids);
        Assert.Equal(Ns, stored.Namespace);
        Assert.Equal(["iscc:sum", "iscc:version", "iscc:sum"], stored.Values.Select(pair => pair.Key));
        Assert.Equal(seed.Alice.Id, stored.Owner.Id);
        Assert.Equal(seed.Lab.Id, stored.GroupId);
        Assert.Equal([image.Id], stored.ImageIds);
        Assert.Single(fake.MapAnnotations(other.Id));
        Assert.Equal(new AnnotationCounts(2, 0, 0), fake.AnnotationCounts);
    }

    [Fact]
    public async Task Create_without_a_namespace_uses_the_client_namespace()
    {
        var (fake, _, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;

        await AnnotateAsync(client, Field("image", image.Id), Field("mapAnnotation", """[["k","v"]]"""));

        Assert.Equal("openmicroscopy.org/omero/client/mapAnnotation", Assert.Single(fake.MapAnnotations(image.Id)).Namespace);
    }

    [Fact]
    public async Task Update_replaces_the_pairs_and_echoes_the_ids_as_strings()
    {
        var (fake, _, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;
        var id = (await AnnotateAsync(client, Field("image", image.Id), Field("ns", Ns), Field("mapAnnotation", """[["a","1"]]""")))
            .GetProperty("annId")[0].GetInt64();

        var body = await AnnotateAsync(client, Field("image", image.Id), Field("annId", id), Field("mapAnnotation", """[["b","2"]]"""));

        Assert.Equal($"{id}", body.GetProperty("annId")[0].GetString());
        var stored = Assert.Single(fake.MapAnnotations(image.Id));
        Assert.Equal([new KeyValuePair<string, string>("b", "2")], stored.Values);
        Assert.Equal(Ns, stored.Namespace);
        Assert.Equal(new AnnotationCounts(1, 1, 0), fake.AnnotationCounts);
    }

    [Fact]
    public async Task An_empty_map_with_an_id_deletes_the_annotation()
    {
        var (fake, _, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;
        var id = (await AnnotateAsync(client, Field("image", image.Id), Field("mapAnnotation", """[["a","1"]]""")))
            .GetProperty("annId")[0].GetInt64();

        var body = await AnnotateAsync(client, Field("image", image.Id), Field("annId", id), Field("mapAnnotation", "[]"));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("annId").ValueKind);
        Assert.Empty(fake.MapAnnotations(image.Id));
        Assert.Empty(fake.AllMapAnnotations());
        Assert.Equal(new AnnotationCounts(1, 0, 1), fake.AnnotationCounts);
    }

    [Fact]
    public async Task Missing_images_create_nothing()
    {
        var (fake, _, _, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;

        var body = await AnnotateAsync(client, Field("image", 999), Field("mapAnnotation", """[["a","1"]]"""));

        Assert.Equal(0, body.GetProperty("annId").GetArrayLength());
        Assert.Empty(fake.AllMapAnnotations());
    }

    [Fact]
    public async Task Malformed_input_and_get_requests_fail_as_omero_web_does()
    {
        var (fake, _, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;

        using var malformed = await client.AnnotateMapAsync([Field("image", image.Id), Field("mapAnnotation", "[[\"only-key\"]]")]);
        using var notJson = await client.AnnotateMapAsync([Field("image", image.Id), Field("mapAnnotation", "{")]);
        using var get = await client.GetAsync(OmeroRoutes.AnnotateMap);

        Assert.Equal(HttpStatusCode.InternalServerError, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Empty(fake.AllMapAnnotations());
    }

    [Fact]
    public async Task Annotating_another_users_image_in_a_read_only_group_fails_after_saving_the_annotation()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var image = fake.AddImage("alice's", seed.Alice, seed.Other, FakeOmeroFileSpec.Text("a.txt", "a"));
        using var bob = await OmeroTestClient.LoggedInAsync(fake, "bob", OmeroSeed.Password);

        using var response = await bob.AnnotateMapAsync([Field("image", image.Id), Field("mapAnnotation", """[["k","v"]]""")]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(fake.MapAnnotations(image.Id));
        Assert.Empty(Assert.Single(fake.AllMapAnnotations()).ImageIds);
    }

    [Fact]
    public async Task The_listing_takes_repeated_image_ids_and_filters_by_namespace()
    {
        var (fake, seed, first, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;
        var second = fake.AddImage("second", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("b.txt", "b"));
        var bare = fake.AddImage("bare", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("c.txt", "c"));
        await AnnotateAsync(client, Field("image", first.Id), Field("image", second.Id), Field("ns", Ns), Field("mapAnnotation", """[["iscc:sum","X"]]"""));
        await AnnotateAsync(client, Field("image", first.Id), Field("ns", "a.first.namespace"), Field("mapAnnotation", """[["k","v"]]"""));

        var filtered = await client.GetJsonAsync($"{OmeroRoutes.Annotations}?type=map&ns={Ns}&image={first.Id}&image={second.Id}&image={bare.Id}");
        var all = await client.GetJsonAsync($"{OmeroRoutes.Annotations}?type=map&image={first.Id}");
        var unknown = await client.GetJsonAsync($"{OmeroRoutes.Annotations}?type=map&image=12345");

        var annotations = filtered.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal([first.Id, second.Id], annotations.Select(a => a.GetProperty("link").GetProperty("parent").GetProperty("id").GetInt64()).Order());
        Assert.All(annotations, a => Assert.Equal("MapAnnotationI", a.GetProperty("class").GetString()));
        Assert.All(annotations, a => Assert.Equal("ImageI", a.GetProperty("link").GetProperty("parent").GetProperty("class").GetString()));
        Assert.Equal("X", annotations[0].GetProperty("values")[0][1].GetString());
        var person = Assert.Single(filtered.GetProperty("experimenters").EnumerateArray());
        Assert.Equal("alice", person.GetProperty("omeName").GetString());
        Assert.Equal(["a.first.namespace", Ns], all.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("ns").GetString()));
        Assert.Equal(0, unknown.GetProperty("annotations").GetArrayLength());
        Assert.Equal(0, unknown.GetProperty("experimenters").GetArrayLength());
    }

    [Fact]
    public async Task Annotation_dates_are_iso_8601_with_the_offset_of_the_configured_zone()
    {
        var summer = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
        var (fake, seed) = await OmeroSeed.StartAsync(new FakeOmeroOptions { Clock = new ManualClock(summer) });
        await using var __ = fake;
        var image = fake.AddImage("dated", seed.Alice, seed.Lab, FakeOmeroFileSpec.Text("a.txt", "a"));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        await AnnotateAsync(client, Field("image", image.Id), Field("mapAnnotation", """[["k","v"]]"""));

        var listed = await client.GetJsonAsync($"{OmeroRoutes.Annotations}?type=map&image={image.Id}");

        var expected = TimeZoneInfo.ConvertTime(summer, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal(expected.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), listed.GetProperty("annotations")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Deleting_an_image_during_a_run_hides_it_everywhere_but_keeps_a_shared_fileset()
    {
        var (fake, seed, image, client) = await StartAsync();
        await using var __ = fake;
        using var ___ = client;
        var fileset = fake.AddFileset(seed.Alice, seed.Lab, [FakeOmeroFileSpec.Text("s.txt", "shared")]);
        var doomed = fake.AddImage("doomed", fileset);
        var survivor = fake.AddImage("survivor", fileset);
        await AnnotateAsync(client, Field("image", doomed.Id), Field("mapAnnotation", """[["k","v"]]"""));

        Assert.True(fake.DeleteImage(doomed.Id));

        await client.GetJsonAsync($"{OmeroRoutes.Images}{doomed.Id}/", HttpStatusCode.NotFound);
        Assert.DoesNotContain(doomed.Id, (await client.GetJsonAsync(OmeroRoutes.Images)).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("@id").GetInt64()));
        Assert.Empty(fake.AllMapAnnotations());
        using var download = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{survivor.Id}/");
        Assert.Equal("shared", await download.Content.ReadAsStringAsync());
        Assert.Contains(image.Id, fake.Images.Select(i => i.Id));
    }
}
