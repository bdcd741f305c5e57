using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

public sealed class FakePennsieveHappyPathTests
{
    [Fact]
    public async Task A_whole_import_over_the_wire_stores_every_file_and_records_every_call()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (configStatus, config) = await wire.GetAsync("/authentication/cognito-config", token: null);
        Assert.Equal(HttpStatusCode.OK, configStatus);
        Assert.Equal(fake.Seed.TokenPoolClientId, config!["tokenPool"]!["appClientId"]!.GetValue<string>());

        var token = await wire.LoginAsync();
        var (workflowStatus, workflow) = await wire.GetAsync($"/compute/workflows/instances/{fake.Seed.WorkflowRun.Id}", token);
        Assert.Equal(HttpStatusCode.OK, workflowStatus);
        var packageId = workflow!["packageIds"]![0]!.GetValue<string>();
        Assert.Equal(fake.Seed.DatasetId, workflow["datasetId"]!.GetValue<string>());

        var files = new[] { (Guid.NewGuid().ToString(), "sample.zarr/.zattrs"), (Guid.NewGuid().ToString(), "sample.zarr/0/0") };
        var importId = await wire.CreateImportAsync(token, files[0]);
        var (appendStatus, _) = await wire.PostAsync(
            $"/import/{importId}/files?dataset_id={fake.Seed.DatasetId}", token, new JsonObject { ["files"] = PennsieveWire.FilesArray([files[1]]) }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, appendStatus);

        var contents = new[] { RandomNumberGenerator.GetBytes(100), Array.Empty<byte>() };
        for (var i = 0; i < files.Length; i++)
        {
            var url = await wire.PresignAsync(token, importId, files[i].Item1);
            using var put = await wire.PutAsync(url, contents[i]);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(PennsieveWire.ETagOf(contents[i]), put.Headers.ETag!.Tag);
        }

        var import = Assert.Single(fake.Imports);
        Assert.Equal(packageId, import.PackageId);
        Assert.Equal("sample.zarr", import.AssetName);
        Assert.Equal(files.Select(f => new FakeImportFile(f.Item1, f.Item2)), import.Files);
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(contents[i], fake.FindObject(importId, files[i].Item1)!.ReadAllBytes());
            Assert.Equal(1, fake.Uploads(importId, files[i].Item1));
        }

        Assert.Equal(1, fake.PasswordLogins);
        Assert.Equal(
            [PennsieveRoute.CognitoConfig, PennsieveRoute.InitiateAuth, PennsieveRoute.Workflow, PennsieveRoute.CreateImport, PennsieveRoute.AppendFiles,
             PennsieveRoute.Presign, PennsieveRoute.Put, PennsieveRoute.Presign, PennsieveRoute.Put],
            fake.Requests.Select(r => r.Route));
    }
}
