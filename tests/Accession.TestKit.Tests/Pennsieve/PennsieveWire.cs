using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>Raw HTTP calls of the spec's wire contract (spec §2), written out so the tests read like the spec.</summary>
internal sealed class PennsieveWire(FakePennsieve fake) : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public string Dataset => fake.Seed.DatasetId;

    public async Task<(HttpStatusCode Status, JsonObject? Body)> InitiateAuthAsync(JsonObject body, string target = "AWSCognitoIdentityProviderService.InitiateAuth")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseUrl + "/");
        request.Headers.Add("X-Amz-Target", target);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public Task<(HttpStatusCode Status, JsonObject? Body)> PasswordAuthAsync(string? key = null, string? secret = null, string? clientId = null) =>
        InitiateAuthAsync(new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = key ?? fake.Seed.ApiKey, ["PASSWORD"] = secret ?? fake.Seed.ApiSecret },
            ["ClientId"] = clientId ?? fake.Seed.TokenPoolClientId,
        });

    /// <summary>Logs in with the seed's API key pair and returns the access token.</summary>
    public async Task<string> LoginAsync()
    {
        var (status, body) = await PasswordAuthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, JsonObject? Body)> GetAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fake.BaseUrl + pathAndQuery);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonObject? Body)> PostAsync(string pathAndQuery, string? token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseUrl + pathAndQuery);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>The create body of spec §2.4 for <paramref name="files"/> (upload key, file path).</summary>
    public JsonObject CreateBody(IEnumerable<(string Key, string Path)> files, string? packageId = null) => new()
    {
        ["integration_id"] = fake.Seed.WorkflowRun.Id,
        ["package_id"] = packageId ?? fake.Seed.WorkflowRun.PackageIds[0],
        ["import_type"] = "viewerassets",
        ["files"] = FilesArray(files),
        ["options"] = new JsonObject { ["asset_type"] = "ome-zarr", ["asset_name"] = "sample.zarr", ["properties"] = new JsonObject() },
    };

    public static JsonArray FilesArray(IEnumerable<(string Key, string Path)> files) =>
        new([.. files.Select(f => (JsonNode)new JsonObject { ["upload_key"] = f.Key, ["file_path"] = f.Path })]);

    /// <summary>Creates an import with the given files and returns its id.</summary>
    public async Task<string> CreateImportAsync(string token, params (string Key, string Path)[] files)
    {
        var (status, body) = await PostAsync($"/import?dataset_id={Dataset}", token, CreateBody(files).ToJsonString());
        Assert.Equal(HttpStatusCode.Created, status);
        return body!["id"]!.GetValue<string>();
    }

    public async Task<string> PresignAsync(string token, string importId, string uploadKey)
    {
        var (status, body) = await GetAsync($"/import/{importId}/upload/{uploadKey}/presign?dataset_id={Dataset}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["url"]!.GetValue<string>();
    }

    /// <summary>PUTs <paramref name="bytes"/> with a <c>Content-Length</c>, as the spec asks of a client (§2.7).</summary>
    public async Task<HttpResponseMessage> PutAsync(string url, byte[] bytes, Action<HttpRequestMessage>? edit = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Absolute)) { Content = new ByteArrayContent(bytes) };
        edit?.Invoke(request);
        return await Http.SendAsync(request);
    }

    /// <summary>Login, create one import with one file, presign it: the state most S3 tests start from.</summary>
    public async Task<(string ImportId, string UploadKey, string Url)> PresignedFileAsync()
    {
        var token = await LoginAsync();
        var key = Guid.NewGuid().ToString();
        var importId = await CreateImportAsync(token, (key, "sample.zarr/.zattrs"));
        return (importId, key, await PresignAsync(token, importId, key));
    }

    /// <summary>The ETag S3 gives a single-part object: its MD5 in hex, quoted.</summary>
    public static string ETagOf(byte[] bytes)
    {
#pragma warning disable CA5351 // S3 defines the ETag as an MD5; no security rests on it.
        return $"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes))}\"";
#pragma warning restore CA5351
    }

    public void Dispose() => Http.Dispose();

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
    }
}
