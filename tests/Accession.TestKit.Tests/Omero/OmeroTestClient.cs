using System.Net;
using System.Text.Json;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

/// <summary>A raw HTTP client for the fake: one cookie jar, redirects not followed, the CSRF token kept.</summary>
internal sealed class OmeroTestClient : IDisposable
{
    private readonly HttpClient _http;

    public OmeroTestClient(FakeOmeroWeb fake)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = fake.BaseUrl,
        };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseUrl => _http.BaseAddress!;

    /// <summary>The value of a cookie the client holds, or null.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(BaseUrl)[name]?.Value;

    /// <summary>The masked token from <c>/api/v0/token/</c>.</summary>
    public string? Token { get; private set; }

    public static async Task<OmeroTestClient> LoggedInAsync(FakeOmeroWeb fake, string userName, string password)
    {
        var client = new OmeroTestClient(fake);
        using var response = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async Task<string> FetchTokenAsync()
    {
        var body = await GetJsonAsync(OmeroRoutes.Token);
        Token = body.GetProperty("data").GetString();
        return Token!;
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password, string server = "1")
    {
        if (Token is null)
        {
            await FetchTokenAsync();
        }

        return await PostFormAsync(OmeroRoutes.Login, [new("server", server), new("username", userName), new("password", password)]);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, bool ajax = false) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), ajax);

    public Task<HttpResponseMessage> GetStreamingAsync(string pathAndQuery) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), HttpCompletionOption.ResponseHeadersRead);

    /// <summary>POSTs a form with <paramref name="csrfHeader"/> (default: the known token) in <c>X-CSRFToken</c>, unless <paramref name="sendToken"/> is false.</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, string? csrfHeader = null, bool ajax = false, bool sendToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        var token = csrfHeader ?? Token;
        if (sendToken && token is not null)
        {
            request.Headers.Add("X-CSRFToken", token);
        }

        return SendAsync(request, ajax);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool ajax = false)
    {
        if (ajax)
        {
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        }

        return _http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(pathAndQuery, ajax: true);
        return await ReadJsonAsync(response, expected);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<HttpResponseMessage> AnnotateMapAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
        PostFormAsync(OmeroRoutes.AnnotateMap, fields, ajax: true);

    public void Dispose() => _http.Dispose();
}
