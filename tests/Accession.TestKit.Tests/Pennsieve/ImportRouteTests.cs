using System.Net;
using System.Text.Json.Nodes;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>Manifest create, append and presign (spec §2.4–2.6) and the checks the fake applies (§6.4).</summary>
public sealed class ImportRouteTests
{
    [Fact]
    public async Task Create_stores_the_manifest_with_its_options()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var key = Guid.NewGuid().ToString();
        var id = await wire.CreateImportAsync(await wire.LoginAsync(), (key, "sample.zarr/zarr.json"));
        var import = Assert.Single(fake.Imports);
        Assert.Equal(id, import.Id);
        Assert.Equal(fake.Seed.WorkflowRun.Id, import.IntegrationId);
        Assert.Equal("viewerassets", import.ImportType);
        Assert.Equal("ome-zarr", import.AssetType);
        Assert.Equal([new FakeImportFile(key, "sample.zarr/zarr.json")], import.Files);
    }

    [Fact]
    public async Task The_manifest_path_variant_creates_too()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var body = wire.CreateBody([(Guid.NewGuid().ToString(), "a/b")]).ToJsonString();
        var (status, answer) = await wire.PostAsync($"/import/manifest?dataset_id={wire.Dataset}", await wire.LoginAsync(), body);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(Assert.Single(fake.Imports).Id, answer!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Appends_add_batches_and_answer_json()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var id = await wire.CreateImportAsync(token, (Guid.NewGuid().ToString(), "a/0"));
        for (var batch = 1; batch <= 2; batch++)
        {
            var files = Enumerable.Range(0, 3).Select(i => (Guid.NewGuid().ToString(), $"a/{batch}/{i}")).ToArray();
            var (status, body) = await wire.PostAsync($"/import/{id}/files?dataset_id={wire.Dataset}", token, new JsonObject { ["files"] = PennsieveWire.FilesArray(files) }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(3, body!["count"]!.GetValue<int>());
        }

        var import = Assert.Single(fake.Imports);
        Assert.Equal(7, import.Files.Count);
        Assert.Equal(2, import.Appends);
    }

    [Fact]
    public async Task A_key_already_in_the_import_is_refused_on_append()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var key = Guid.NewGuid().ToString();
        var id = await wire.CreateImportAsync(token, (key, "a/0"));
        var (status, _) = await wire.PostAsync($"/import/{id}/files?dataset_id={wire.Dataset}", token, new JsonObject { ["files"] = PennsieveWire.FilesArray([(key, "a/1")]) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(Assert.Single(fake.Imports).Files);
    }

    public static TheoryData<string> BadBodies => new()
    {
        """{"package_id":"P","import_type":"viewerassets","files":[]}""",
        """not json""",
        """{"integration_id":"I","package_id":"N:package:not-in-dataset","import_type":"viewerassets","files":[{"upload_key":"6d1f8c5e-2b3a-4c7d-9e0f-1a2b3c4d5e6f","file_path":"a"}]}""",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_create_body_is_400_and_stores_nothing(string body)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, answer) = await wire.PostAsync($"/import?dataset_id={wire.Dataset}", await wire.LoginAsync(), body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(answer!["message"]!.GetValue<string>());
        Assert.Empty(fake.Imports);
    }

    [Theory]
    [InlineData("not-a-uuid", "a")]
    [InlineData("6d1f8c5e-2b3a-4c7d-9e0f-1a2b3c4d5e6f", "")]
    public async Task A_file_without_a_uuid_key_or_a_path_is_400(string key, string path)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, _) = await wire.PostAsync($"/import?dataset_id={wire.Dataset}", await wire.LoginAsync(), wire.CreateBody([(key, path)]).ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_duplicate_key_in_one_batch_is_400()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var key = Guid.NewGuid().ToString();
        var (status, _) = await wire.PostAsync($"/import?dataset_id={wire.Dataset}", await wire.LoginAsync(), wire.CreateBody([(key, "a"), (key, "b")]).ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413_and_one_at_the_cap_is_taken()
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { ManifestBodyLimit = 4096 });
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var body = wire.CreateBody([(Guid.NewGuid().ToString(), "x")]);
        var padding = 4096 - body.ToJsonString().Length;
        body["files"]![0]!["file_path"] = new string('p', padding + 1);
        Assert.Equal(4096, body.ToJsonString().Length);
        Assert.Equal(HttpStatusCode.Created, (await wire.PostAsync($"/import?dataset_id={wire.Dataset}", token, body.ToJsonString())).Status);

        body["files"]![0]!["upload_key"] = Guid.NewGuid().ToString();
        body["files"]![0]!["file_path"] = new string('p', padding + 2);
        var (status, answer) = await wire.PostAsync($"/import?dataset_id={wire.Dataset}", token, body.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("Request Entity Too Large", answer!["message"]!.GetValue<string>());
        Assert.Single(fake.Imports);
    }

    [Fact]
    public async Task Presign_answers_a_url_into_the_bucket_for_a_listed_key_only()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var key = Guid.NewGuid().ToString();
        var id = await wire.CreateImportAsync(token, (key, "a/0"));
        var url = new Uri(await wire.PresignAsync(token, id, key));
        Assert.Equal($"/{fake.Seed.Bucket}/{id}/{key}", url.AbsolutePath);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);

        var (status, body) = await wire.GetAsync($"/import/{id}/upload/{Guid.NewGuid()}/presign?dataset_id={wire.Dataset}", token);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not found", body!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await wire.GetAsync($"/import/{Guid.NewGuid()}/upload/{key}/presign?dataset_id={wire.Dataset}", token)).Status);
    }

    [Fact]
    public async Task Append_to_an_unknown_import_is_404()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var body = new JsonObject { ["files"] = PennsieveWire.FilesArray([(Guid.NewGuid().ToString(), "a")]) }.ToJsonString();
        var (status, _) = await wire.PostAsync($"/import/{Guid.NewGuid()}/files?dataset_id={wire.Dataset}", await wire.LoginAsync(), body);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
