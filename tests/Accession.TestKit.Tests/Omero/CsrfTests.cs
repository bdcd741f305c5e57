using System.Net;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class CsrfTests
{
    private static readonly KeyValuePair<string, string>[] Credentials =
        [new("server", "1"), new("username", "alice"), new("password", OmeroSeed.Password)];

    private static async Task<string> RejectionAsync(HttpResponseMessage response)
    {
        var body = await OmeroTestClient.ReadJsonAsync(response, HttpStatusCode.Forbidden);
        return body.GetProperty("message").GetString()!;
    }

    [Fact]
    public async Task A_post_without_the_cookie_is_rejected_before_anything_else()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.PostFormAsync(OmeroRoutes.Login, Credentials, csrfHeader: "x");

        Assert.Equal("CSRF Failed: CSRF cookie not set.", await RejectionAsync(response));
    }

    [Fact]
    public async Task A_post_without_a_token_is_rejected()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        await client.FetchTokenAsync();

        using var response = await client.PostFormAsync(OmeroRoutes.Login, Credentials, sendToken: false);

        Assert.Equal("CSRF Failed: CSRF token missing.", await RejectionAsync(response));
    }

    [Fact]
    public async Task A_wrong_header_token_is_named_as_coming_from_the_header()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        await client.FetchTokenAsync();

        using var wrong = await client.PostFormAsync(OmeroRoutes.Login, Credentials, csrfHeader: new string('a', 64));
        using var short_ = await client.PostFormAsync(OmeroRoutes.Login, Credentials, csrfHeader: "abc");

        Assert.Equal("CSRF Failed: CSRF token from the 'X-Csrftoken' HTTP header incorrect.", await RejectionAsync(wrong));
        Assert.Equal("CSRF Failed: CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.", await RejectionAsync(short_));
    }

    [Fact]
    public async Task The_form_field_is_checked_before_the_header()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        var token = await client.FetchTokenAsync();

        using var wrong = await client.PostFormAsync(OmeroRoutes.Login, [.. Credentials, new("csrfmiddlewaretoken", new string('b', 32))]);
        using var right = await client.PostFormAsync(OmeroRoutes.Login, [.. Credentials, new("csrfmiddlewaretoken", token)], sendToken: false);

        Assert.Equal("CSRF Failed: CSRF token from POST incorrect.", await RejectionAsync(wrong));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task The_raw_cookie_value_is_accepted_as_the_header_token()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        await client.FetchTokenAsync();

        using var response = await client.PostFormAsync(OmeroRoutes.Login, Credentials, csrfHeader: client.Cookie("csrftoken"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_foreign_origin_is_rejected_and_the_own_origin_accepted()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        var token = await client.FetchTokenAsync();

        async Task<HttpResponseMessage> LoginFromAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, OmeroRoutes.Login) { Content = new FormUrlEncodedContent(Credentials) };
            request.Headers.Add("X-CSRFToken", token);
            request.Headers.Add("Origin", origin);
            return await client.SendAsync(request);
        }

        using var foreign = await LoginFromAsync("http://elsewhere.example");
        using var own = await LoginFromAsync(fake.BaseUrl.GetLeftPart(UriPartial.Authority));

        Assert.Equal("CSRF Failed: Origin checking failed - http://elsewhere.example does not match any trusted origins.", await RejectionAsync(foreign));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Csrf_is_checked_before_the_session_on_webclient_posts()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.AnnotateMapAsync([new("image", "1"), new("mapAnnotation", "[]")]);

        Assert.Equal("CSRF Failed: CSRF cookie not set.", await RejectionAsync(response));
        Assert.False(response.Headers.Contains("X-OMERO-ApiVersion"));
    }
}
