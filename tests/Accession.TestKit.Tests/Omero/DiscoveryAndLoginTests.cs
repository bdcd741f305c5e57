using System.Net;
using System.Text;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class DiscoveryAndLoginTests
{
    [Fact]
    public async Task Discovery_routes_give_absolute_urls_and_the_api_version_header()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        var root = fake.BaseUrl.ToString().TrimEnd('/');

        using var versions = await client.GetAsync(OmeroRoutes.ApiVersions);
        Assert.Equal("0.2", versions.Headers.GetValues("X-OMERO-ApiVersion").Single());
        var data = (await OmeroTestClient.ReadJsonAsync(versions)).GetProperty("data")[0];
        Assert.Equal("0", data.GetProperty("version").GetString());
        Assert.Equal(root + "/api/v0/", data.GetProperty("url:base").GetString());

        var urls = await client.GetJsonAsync(OmeroRoutes.ApiBase);
        Assert.Equal(root + "/api/v0/m/images/", urls.GetProperty("url:images").GetString());
        Assert.Equal(root + "/api/v0/login/", urls.GetProperty("url:login").GetString());
        Assert.Equal("http://www.openmicroscopy.org/Schemas/OME/2016-06", urls.GetProperty("url:schema").GetString());

        var server = (await client.GetJsonAsync(OmeroRoutes.Servers)).GetProperty("data")[0];
        Assert.Equal(1, server.GetProperty("id").GetInt32());
        Assert.Equal(4064, server.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Token_route_sets_a_lax_csrf_cookie_and_returns_a_masked_token()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync(OmeroRoutes.Token);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("csrftoken=", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        var token = (await OmeroTestClient.ReadJsonAsync(response)).GetProperty("data").GetString()!;
        var secret = client.Cookie("csrftoken")!;
        Assert.Equal(32, secret.Length);
        Assert.Equal(64, token.Length);
        Assert.DoesNotContain(secret, token, StringComparison.Ordinal);

        var again = (await client.GetJsonAsync(OmeroRoutes.Token)).GetProperty("data").GetString();
        Assert.NotEqual(token, again);
        Assert.Equal(secret, client.Cookie("csrftoken"));
    }

    [Fact]
    public async Task Login_returns_the_event_context_and_an_http_only_session_cookie()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.LoginAsync("alice", OmeroSeed.Password);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("sessionid=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        var body = await OmeroTestClient.ReadJsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        var context = body.GetProperty("eventContext");
        Assert.Equal(seed.Alice.Id, context.GetProperty("userId").GetInt64());
        Assert.Equal("alice", context.GetProperty("userName").GetString());
        Assert.Equal(seed.Lab.Id, context.GetProperty("groupId").GetInt64());
        Assert.Equal([seed.Lab.Id, seed.Other.Id], context.GetProperty("memberOfGroups").EnumerateArray().Select(id => id.GetInt64()));
        Assert.Equal("User", context.GetProperty("eventType").GetString());
        Assert.False(string.IsNullOrEmpty(context.GetProperty("sessionUuid").GetString()));
    }

    [Fact]
    public async Task Login_accepts_a_json_body()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        var token = await client.FetchTokenAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, OmeroRoutes.Login)
        {
            Content = new StringContent($$"""{"server": 1, "username": "alice", "password": "{{OmeroSeed.Password}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRFToken", token);
        using var response = await client.SendAsync(request);

        Assert.Equal("alice", (await OmeroTestClient.ReadJsonAsync(response)).GetProperty("eventContext").GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("alice", "wrong", "1", "Connection not available, please check your user name and password.")]
    [InlineData("nobody", "secret-password", "1", "Connection not available, please check your user name and password.")]
    [InlineData("guest", "guest", "1", "Username: Guest account is not supported.")]
    [InlineData("", "", "1", "Username: This field is required. Password: This field is required.")]
    [InlineData("alice", "secret-password", "", "Server: This field is required.")]
    [InlineData("alice", "secret-password", "7", "Server: Select a valid choice. 7 is not one of the available choices.")]
    public async Task Failed_logins_are_403_with_omero_web_messages(string userName, string password, string server, string message)
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.LoginAsync(userName, password, server);

        var body = await OmeroTestClient.ReadJsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(message, body.GetProperty("message").GetString());
        Assert.Null(client.Cookie("sessionid"));
    }

    [Fact]
    public async Task Login_by_get_is_405()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        var body = await client.GetJsonAsync(OmeroRoutes.Login, HttpStatusCode.MethodNotAllowed);

        Assert.Equal("POST only with username, password, server and csrftoken", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_session_uuid_as_username_and_password_joins_that_session()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var first = new OmeroTestClient(fake);
        using var login = await first.LoginAsync("alice", OmeroSeed.Password);
        var uuid = (await OmeroTestClient.ReadJsonAsync(login)).GetProperty("eventContext").GetProperty("sessionUuid").GetString()!;

        using var second = new OmeroTestClient(fake);
        using var joined = await second.LoginAsync(uuid, uuid);

        var context = (await OmeroTestClient.ReadJsonAsync(joined)).GetProperty("eventContext");
        Assert.Equal(uuid, context.GetProperty("sessionUuid").GetString());
        Assert.Equal("alice", context.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task An_empty_login_post_while_logged_in_returns_the_current_event_context()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.PostFormAsync(OmeroRoutes.Login, []);

        Assert.Equal("alice", (await OmeroTestClient.ReadJsonAsync(response)).GetProperty("eventContext").GetProperty("userName").GetString());
    }
}
