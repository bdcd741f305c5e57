using System.Globalization;
using System.Net;
using System.Text.Json;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class ImageListingTests
{
    private static FakeOmeroImage AddTiny(FakeOmeroWeb fake, string name, FakeOmeroUser owner, FakeOmeroGroup group) =>
        fake.AddImage(name, owner, group, FakeOmeroFileSpec.Text(name + ".txt", name));

    private static List<long> Ids(JsonElement listing) =>
        [.. listing.GetProperty("data").EnumerateArray().Select(image => image.GetProperty("@id").GetInt64())];

    [Fact]
    public async Task Images_are_ordered_by_lower_case_name_then_id()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        foreach (var name in new[] { "b", "A", "a", "C", "b" })
        {
            AddTiny(fake, name, seed.Alice, seed.Lab);
        }

        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        var listing = await client.GetJsonAsync(OmeroRoutes.Images);

        var expected = fake.Images.OrderBy(image => image.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(image => image.Id).Select(image => image.Id);
        Assert.Equal(expected, Ids(listing));
        Assert.NotEqual(fake.Images.Select(image => image.Id), Ids(listing));
    }

    [Fact]
    public async Task Pages_hold_at_most_500_images_and_meta_counts_them_all()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        for (var i = 0; i < 1001; i++)
        {
            AddTiny(fake, $"image {i:D4}", seed.Alice, seed.Lab);
        }

        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        var seen = new List<long>();
        for (var offset = 0; offset < 1001; offset += 500)
        {
            var page = await client.GetJsonAsync($"{OmeroRoutes.Images}?limit=1000&offset={offset}");
            var meta = page.GetProperty("meta");
            Assert.Equal(500, meta.GetProperty("limit").GetInt32());
            Assert.Equal(500, meta.GetProperty("maxLimit").GetInt32());
            Assert.Equal(offset, meta.GetProperty("offset").GetInt32());
            Assert.Equal(1001, meta.GetProperty("totalCount").GetInt32());
            seen.AddRange(Ids(page));
        }

        Assert.Equal(fake.Images.OrderBy(image => image.Name, StringComparer.Ordinal).Select(image => image.Id), seen);
    }

    [Theory]
    [InlineData("", 200, 0)]
    [InlineData("?limit=-3&offset=-5", 200, 0)]
    [InlineData("?limit=7&offset=3", 7, 3)]
    public async Task Absent_or_negative_paging_parameters_take_the_defaults(string query, int limit, int offset)
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        for (var i = 0; i < 12; i++)
        {
            AddTiny(fake, $"n{i:D2}", seed.Alice, seed.Lab);
        }

        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        var page = await client.GetJsonAsync(OmeroRoutes.Images + query);

        Assert.Equal(limit, page.GetProperty("meta").GetProperty("limit").GetInt32());
        Assert.Equal(offset, page.GetProperty("meta").GetProperty("offset").GetInt32());
        Assert.Equal(Math.Min(limit, 12 - offset), page.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Bad_integers_are_400_and_a_bad_group_is_500()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        var offset = await client.GetJsonAsync(OmeroRoutes.Images + "?offset=foo", HttpStatusCode.BadRequest);
        var group = await client.GetJsonAsync(OmeroRoutes.Images + "?group=foo", HttpStatusCode.InternalServerError);

        Assert.Equal("invalid literal for int() with base 10: 'foo'", offset.GetProperty("message").GetString());
        Assert.True(group.TryGetProperty("stacktrace", out _));
    }

    [Fact]
    public async Task Users_see_the_groups_they_belong_to_and_can_filter_by_group_and_owner()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var inLab = AddTiny(fake, "lab image", seed.Alice, seed.Lab);
        var byBob = AddTiny(fake, "bob image", seed.Bob, seed.Other);
        var byAlice = AddTiny(fake, "alice other image", seed.Alice, seed.Other);
        using var alice = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        using var bob = await OmeroTestClient.LoggedInAsync(fake, "bob", OmeroSeed.Password);

        Assert.Equal(3, Ids(await alice.GetJsonAsync(OmeroRoutes.Images)).Count);
        Assert.Equal([inLab.Id], Ids(await alice.GetJsonAsync($"{OmeroRoutes.Images}?group={seed.Lab.Id}")));
        Assert.Equal([byBob.Id], Ids(await alice.GetJsonAsync($"{OmeroRoutes.Images}?owner={seed.Bob.Id}")));
        Assert.Equal(new[] { byAlice.Id, byBob.Id }.Order(), Ids(await bob.GetJsonAsync(OmeroRoutes.Images)).Order());
        var hidden = await bob.GetJsonAsync($"{OmeroRoutes.Images}{inLab.Id}/", HttpStatusCode.NotFound);
        Assert.Equal($"Image {inLab.Id} not found", hidden.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Private_groups_show_members_only_their_own_images()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var closed = fake.AddGroup("closed", "rw----");
        var carol = fake.AddUser("carol", OmeroSeed.Password, closed);
        var dave = fake.AddUser("dave", OmeroSeed.Password, closed);
        var own = AddTiny(fake, "carol's", carol, closed);
        AddTiny(fake, "dave's", dave, closed);
        using var client = await OmeroTestClient.LoggedInAsync(fake, "carol", OmeroSeed.Password);

        Assert.Equal([own.Id], Ids(await client.GetJsonAsync(OmeroRoutes.Images)));
    }

    [Fact]
    public async Task Images_carry_the_marshalled_fields_and_normalize_moves_people_to_the_top()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var acquired = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var fileset = fake.AddFileset(seed.Alice, seed.Lab, [FakeOmeroFileSpec.Text("x.tif", "x")]);
        var image = fake.AddImage("x", fileset, adjust: image => image with { AcquisitionDate = acquired, SizeC = 3, PixelsType = "uint16" });
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        var item = (await client.GetJsonAsync(OmeroRoutes.Images)).GetProperty("data")[0];
        Assert.Equal("http://www.openmicroscopy.org/Schemas/OME/2016-06#Image", item.GetProperty("@type").GetString());
        Assert.Equal(acquired.ToUnixTimeMilliseconds(), item.GetProperty("AcquisitionDate").GetInt64());
        Assert.Equal("uint16", item.GetProperty("Pixels").GetProperty("Type").GetProperty("value").GetString());
        Assert.Equal("alice", item.GetProperty("omero:details").GetProperty("owner").GetProperty("UserName").GetString());
        Assert.Equal("rwra--", item.GetProperty("omero:details").GetProperty("permissions").GetProperty("perm").GetString());
        Assert.EndsWith($"/api/v0/m/images/{image.Id}/", item.GetProperty("url:image").GetString(), StringComparison.Ordinal);

        var normalized = await client.GetJsonAsync(OmeroRoutes.Images + "?normalize=true");
        var owner = normalized.GetProperty("data")[0].GetProperty("omero:details").GetProperty("owner");
        Assert.Equal(seed.Alice.Id, owner.GetProperty("@id").GetInt64());
        Assert.False(owner.TryGetProperty("UserName", out _));
        Assert.Equal("alice", normalized.GetProperty("experimenters")[0].GetProperty("UserName").GetString());
        Assert.Equal("lab", normalized.GetProperty("experimenterGroups")[0].GetProperty("Name").GetString());

        var detail = (await client.GetJsonAsync($"{OmeroRoutes.Images}{image.Id}/")).GetProperty("data");
        Assert.Equal(3, detail.GetProperty("Pixels").GetProperty("Channels").GetArrayLength());
        Assert.True(detail.TryGetProperty("url:rois", out _));
    }

    [Fact]
    public async Task The_webclient_list_gives_import_dates_and_fileset_ids_and_refuses_foreign_groups()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var image = AddTiny(fake, "dated", seed.Alice, seed.Lab);
        using var bob = await OmeroTestClient.LoggedInAsync(fake, "bob", OmeroSeed.Password);
        using var alice = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        var item = (await alice.GetJsonAsync(OmeroRoutes.WebclientImages + "?date=true&page=1&limit=10")).GetProperty("images")[0];
        using var foreign = await bob.GetAsync($"{OmeroRoutes.WebclientImages}?group={seed.Lab.Id}", ajax: true);

        Assert.Equal(image.Fileset.Id, item.GetProperty("filesetId").GetInt64());
        var date = DateTimeOffset.Parse(item.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(image.ImportedAt.ToUnixTimeSeconds(), date.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal($"Not a member of Group: {seed.Lab.Id}", await foreign.Content.ReadAsStringAsync());
    }
}
