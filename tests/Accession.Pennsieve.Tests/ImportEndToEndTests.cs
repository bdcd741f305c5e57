using System.Text;
using Accession.TestKit.Archives;
using Accession.TestKit.Pennsieve;

namespace Accession.Pennsieve.Tests;

/// <summary>Whole imports over real sockets against the fake Pennsieve.</summary>
public class ImportEndToEndTests
{
    [Theory]
    [InlineData("sample.zarr.zip", 2)]
    [InlineData("sample.zarr.zip", 3)]
    [InlineData("sample.zarr.tar.gz", 2)]
    [InlineData("sample.zarr.tar.gz", 3)]
    public async Task An_import_stores_every_file_byte_for_byte_under_the_asset_name(string archiveName, int zarrFormat)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr", zarrFormat);
        run.Archive(image, archiveName, prefix: "image.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        Assert.Equal("image.zarr", import.AssetName);
        Assert.Equal("ome-zarr", import.AssetType);
        Assert.Equal("viewerassets", import.ImportType);
        Assert.Equal(fake.Seed.WorkflowRun.Id, import.IntegrationId);
        Assert.Equal(fake.Seed.WorkflowRun.PackageIds[0], import.PackageId);
        AssertStored(fake, import, ImportRun.Files(image));
        Assert.Equal(1, fake.PasswordLogins);
        Assert.Contains(result.ErrorLines, l => l.Contains($"import {import.Id}: asset 'image.zarr'", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(run.OutputDir));
    }

    [Fact]
    public async Task Every_put_carries_its_content_length_and_a_zero_byte_file_is_stored()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr", extra: b => b.Bytes("empty-note.txt", []));
        run.Archive(image, "image.zip", prefix: "image.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        var empty = Assert.Single(import.Files, f => f.FilePath == "image.zarr/empty-note.txt");
        Assert.Equal(0, fake.FindObject(import.Id, empty.UploadKey)!.Length);
        var puts = fake.Requests.Where(r => r.Route == PennsieveRoute.Put).ToList();
        Assert.Equal(import.Files.Count, puts.Count);
        Assert.All(puts, p => Assert.Equal(p.BodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Header("Content-Length")));
        Assert.All(puts, p => Assert.Null(p.Header("Transfer-Encoding")));
        Assert.Contains(puts, p => p.Header("Content-Length") == "0");
    }

    [Fact]
    public async Task A_large_manifest_is_created_then_appended_in_batches()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr");
        // 300 files with ~3,000-character paths: 273 fit a batch (§1.10), so two requests.
        var zip = ZipBuilder.FromFolder(image, prefix: "image.zarr/");
        var deep = string.Join('/', Enumerable.Range(0, 15).Select(i => new string((char)('a' + i), 199)));
        for (var i = 0; i < 300; i++)
        {
            zip.AddStored($"image.zarr/extra/{deep}/f{i:D3}", Encoding.ASCII.GetBytes($"file {i}"));
        }

        zip.Write(Path.Combine(run.InputDir, "image.zip"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        Assert.Equal(1, import.Appends);
        Assert.Equal(300 + ImportRun.Files(image).Count, import.Files.Count);
        Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.CreateImport);
        Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.AppendFiles);
        Assert.All(import.Files, f => Assert.NotNull(fake.FindObject(import.Id, f.UploadKey)));
        Assert.Equal(Encoding.ASCII.GetBytes("file 7"), fake.FindObject(import.Id, import.Files.Single(f => f.FilePath.EndsWith("/f007", StringComparison.Ordinal)).UploadKey)!.ReadAllBytes());
    }

    [Fact]
    public async Task A_token_expiring_mid_upload_costs_exactly_one_relogin_shared_by_all_workers()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment["UPLOAD_WORKERS"] = "8";
        var image = run.BuildImage("image.zarr", extra: b => b.AllChunks("extra", [16, 16], [2, 2]).Array("extra", [16, 16], [2, 2]));
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        // Workflow, create, and a few presigns go through; then every token is refused.
        fake.Faults.ExpireTokensAfterCalls(10);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, fake.PasswordLogins);
        AssertStored(fake, Assert.Single(fake.Imports), ImportRun.Files(image));
        Assert.Contains(result.ErrorLines, l => l.Contains("1 re-logins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_token_is_renewed_once_with_the_refresh_token_and_the_runs_route_is_read()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment.Remove("PENNSIEVE_API_KEY");
        run.Environment.Remove("PENNSIEVE_API_SECRET");
        (run.Environment["SESSION_TOKEN"], run.Environment["REFRESH_TOKEN"]) = fake.IssueSessionTokens();
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        fake.Faults.ExpireTokensAfterCalls(4);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, fake.PasswordLogins);
        Assert.Equal(1, fake.RefreshLogins);
        Assert.StartsWith("/compute/workflows/runs/", Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.Workflow).Path, StringComparison.Ordinal);
        AssertStored(fake, Assert.Single(fake.Imports), ImportRun.Files(image));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public async Task Failing_and_dropped_puts_are_retried_until_they_succeed(long dropAfterBytes)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        fake.Faults.FailPuts(503, tries: 1);
        fake.Faults.DropPuts(tries: 2, afterBytes: dropAfterBytes);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        AssertStored(fake, import, ImportRun.Files(image));
        Assert.All(import.Files, f => Assert.Equal(3, fake.PutAttempts(import.Id, f.UploadKey)));
        Assert.All(import.Files, f => Assert.Equal(1, fake.Uploads(import.Id, f.UploadKey)));
        Assert.Contains(result.ErrorLines, l => l.Contains($"{2 * import.Files.Count} retries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_calls_are_retried_after_server_errors()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        fake.Faults.FailNext(PennsieveRoute.CreateImport, 502);
        fake.Faults.FailNext(PennsieveRoute.Presign, 429, count: 2);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        AssertStored(fake, Assert.Single(fake.Imports), ImportRun.Files(image));
    }

    [Fact]
    public async Task An_expired_presigned_url_is_presigned_again()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        fake.Faults.IssueExpiredUrls(2);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        AssertStored(fake, import, ImportRun.Files(image));
        Assert.Equal(import.Files.Count + 2, fake.Requests.Count(r => r.Route == PennsieveRoute.Presign));
        Assert.Contains(result.ErrorLines, l => l.Contains("2 presigned again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_put_refused_for_good_fails_the_import_with_exit_1_after_trying_every_file()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        var image = run.BuildImage("image.zarr");
        run.Archive(image, "image.zip", prefix: "image.zarr/");
        fake.Faults.FailPuts(500, tries: 100);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var import = Assert.Single(fake.Imports);
        Assert.Contains($"failed to upload {import.Files.Count} of {import.Files.Count} files", Assert.Single(result.CommandErrors), StringComparison.Ordinal);
        Assert.All(import.Files, f => Assert.Equal(5, fake.PutAttempts(import.Id, f.UploadKey)));
    }

    [Fact]
    public async Task Wrong_credentials_exit_2_with_a_clear_line_and_no_import()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment["PENNSIEVE_API_SECRET"] = "not-the-secret";
        run.Archive(run.BuildImage("image.zarr"), "image.zip", prefix: "image.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.CommandErrors);
        Assert.Contains("Cognito refused the API key and secret", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", result.Error, StringComparison.Ordinal);
        Assert.Empty(fake.Imports);
        Assert.Equal(1, fake.FailedLogins);
    }

    [Fact]
    public async Task An_invalid_dataset_is_imported_when_the_setting_allows_it()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var run = new ImportRun();
        run.UseFake(fake);
        run.Environment["IMPORT_INVALID_DATASET"] = "yes";
        var image = run.BuildImage("bad.zarr", extra: b => b.EditJson(".zattrs", attrs => attrs["multiscales"]![0]!.AsObject().Remove("axes")));
        run.Archive(image, "bad.zip", prefix: "bad.zarr/");

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        AssertStored(fake, Assert.Single(fake.Imports), ImportRun.Files(image));
        Assert.Contains(result.ErrorLines, l => l.Contains("IMPORT_INVALID_DATASET is set", StringComparison.Ordinal));
    }

    private static void AssertStored(FakePennsieve fake, FakeImport import, IReadOnlyList<(string Relative, byte[] Bytes)> expected)
    {
        var prefix = import.AssetName + "/";
        Assert.Equal(
            expected.Select(f => prefix + f.Relative).Order(StringComparer.Ordinal),
            import.Files.Select(f => f.FilePath).Order(StringComparer.Ordinal));
        foreach (var (relative, bytes) in expected)
        {
            var file = import.Files.Single(f => f.FilePath == prefix + relative);
            Assert.Equal(bytes, fake.FindObject(import.Id, file.UploadKey)!.ReadAllBytes());
        }
    }
}
