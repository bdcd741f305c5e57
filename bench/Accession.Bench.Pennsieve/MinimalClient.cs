using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Accession.Bench.Pennsieve;

/// <summary>
/// The ceiling of the fake for an import's traffic: the least a client can do per file (one presign GET
/// and one PUT, keep-alive connections, bodies from memory, no archive, no retries), with
/// <c>workers</c> files in flight. Login, workflow and manifest come first and are not timed.
/// </summary>
internal static class MinimalClient
{
    private const int ManifestBatch = 5000;

    public static async Task<int> RunAsync(Uri baseUrl, string apiKey, string apiSecret, string integrationId, int files, int minBytes, int maxBytes, int workers)
    {
        // Two pools, as the processor has: S3 refuses a PUT that carries the API's Authorization header too.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers + 1 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        using var storage = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { Timeout = TimeSpan.FromMinutes(5) };
        var config = await http.GetFromJsonAsync<JsonObject>("/authentication/cognito-config");
        var token = await LoginAsync(http, (string)config!["tokenPool"]!["appClientId"]!, apiKey, apiSecret);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var run = await http.GetFromJsonAsync<JsonObject>($"/compute/workflows/instances/{integrationId}");
        var dataset = (string)run!["datasetId"]!;
        var package = (string)run["packageIds"]![0]!;

        var random = new Random(1);
        var sizes = Enumerable.Range(0, files).Select(_ => random.Next(minBytes, maxBytes + 1)).ToArray();
        var keys = Enumerable.Range(0, files).Select(_ => Guid.NewGuid().ToString("D")).ToArray();
        var importId = await CreateManifestAsync(http, integrationId, dataset, package, keys);
        var payload = new byte[maxBytes];
        random.NextBytes(payload);

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, files, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, token) =>
        {
            var presign = await http.GetFromJsonAsync<JsonObject>($"/import/{importId}/upload/{keys[i]}/presign?dataset_id={dataset}", token);
            using var put = new HttpRequestMessage(HttpMethod.Put, (string)presign!["url"]!) { Content = new ByteArrayContent(payload, 0, sizes[i]) };
            using var answer = await storage.SendAsync(put, token);
            answer.EnsureSuccessStatusCode();
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = sizes.Sum(s => (long)s);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client: {files} files, {bytes} bytes, {workers} workers: {seconds:F2} s, {files / seconds:F0} files/s, {bytes / seconds / 1e6:F1} MB/s"));
        return 0;
    }

    private static async Task<string> LoginAsync(HttpClient http, string clientId, string apiKey, string apiSecret)
    {
        var body = new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = apiKey, ["PASSWORD"] = apiSecret },
            ["ClientId"] = clientId,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth");
        using var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        var result = await answer.Content.ReadFromJsonAsync<JsonObject>();
        return (string)result!["AuthenticationResult"]!["AccessToken"]!;
    }

    private static async Task<string> CreateManifestAsync(HttpClient http, string integrationId, string dataset, string package, string[] keys)
    {
        string? importId = null;
        for (var start = 0; start < keys.Length; start += ManifestBatch)
        {
            var batch = new JsonArray([.. keys.Skip(start).Take(ManifestBatch).Select((key, i) => (JsonNode)new JsonObject { ["upload_key"] = key, ["file_path"] = $"bench.zarr/{start + i}" })]);
            var body = importId is null
                ? new JsonObject
                {
                    ["integration_id"] = integrationId,
                    ["package_id"] = package,
                    ["import_type"] = "viewerassets",
                    ["files"] = batch,
                    ["options"] = new JsonObject { ["asset_type"] = "ome-zarr", ["asset_name"] = "bench.zarr", ["properties"] = new JsonObject() },
                }
                : new JsonObject { ["files"] = batch };
            var path = importId is null ? $"/import?dataset_id={dataset}" : $"/import/{importId}/files?dataset_id={dataset}";
            using var answer = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
            answer.EnsureSuccessStatusCode();
            importId ??= (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }

        return importId!;
    }
}
