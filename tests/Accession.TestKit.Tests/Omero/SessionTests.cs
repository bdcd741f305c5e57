using System.Net;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class SessionTests
{
    [Fact]
    public async Task The_json_api_answers_403_json_when_not_logged_in()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync(OmeroRoutes.Images);

        Assert.Equal("0.2", response.Headers.GetValues("X-OMERO-ApiVersion").Single());
        var body = await OmeroTestClient.ReadJsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Not logged in", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/webclient/api/annotations/?type=map&image=1")]
    [InlineData("/webgateway/archived_files/download/1/")]
    public async Task Webclient_and_webgateway_redirect_to_the_login_page_when_not_logged_in(string pathAndQuery)
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/webclient/login/?url=" + Uri.EscapeDataString(pathAndQuery), response.Headers.Location!.OriginalString);
        using var loginPage = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.Contains("OMERO.web - Login", await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/webclient/api/annotations/?type=map&image=1")]
    [InlineData("/webgateway/original_file_paths/1/")]
    public async Task Ajax_requests_get_an_empty_403_when_not_logged_in(string pathAndQuery)
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync(pathAndQuery, ajax: true);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Keepalive_says_ok_when_logged_in_and_connection_failed_otherwise()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var anonymous = new OmeroTestClient(fake);
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var failed = await anonymous.GetAsync(OmeroRoutes.KeepAlive);
        using var ok = await client.GetAsync(OmeroRoutes.KeepAlive);

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("Connection Failed", await failed.Content.ReadAsStringAsync());
        Assert.Equal("OK", await ok.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v0/m/images?limit=5", "/api/v0/m/images/?limit=5")]
    [InlineData("/api/v0/m/images/12", "/api/v0/m/images/12/")]
    [InlineData("/webclient/keepalive_ping", "/webclient/keepalive_ping/")]
    public async Task Paths_without_their_slash_are_redirected_permanently(string pathAndQuery, string location)
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);

        using var response = await client.GetAsync("/api/v0/m/nothing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sessions_expire_after_the_set_number_of_requests_and_a_new_login_works()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        fake.Faults.ExpireSessionsAfter(2);

        await client.GetJsonAsync(OmeroRoutes.Images);
        await client.GetJsonAsync(OmeroRoutes.Images);
        await client.GetJsonAsync(OmeroRoutes.Images, HttpStatusCode.Forbidden);

        using var again = await client.LoginAsync("alice", OmeroSeed.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await client.GetJsonAsync(OmeroRoutes.Images);
    }

    [Fact]
    public async Task Expiring_all_sessions_logs_everyone_out_and_their_uuids_no_longer_join()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        using var login = await client.LoginAsync("alice", OmeroSeed.Password);
        var uuid = (await OmeroTestClient.ReadJsonAsync(login)).GetProperty("eventContext").GetProperty("sessionUuid").GetString()!;

        fake.Faults.ExpireAllSessions();

        await client.GetJsonAsync(OmeroRoutes.Images, HttpStatusCode.Forbidden);
        using var keepAlive = await client.GetAsync(OmeroRoutes.KeepAlive);
        Assert.Equal("Connection Failed", await keepAlive.Content.ReadAsStringAsync());
        using var join = await client.LoginAsync(uuid, uuid);
        Assert.Equal(HttpStatusCode.Forbidden, join.StatusCode);
    }

    [Fact]
    public async Task Sessions_expire_after_ten_idle_minutes()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var (fake, _) = await OmeroSeed.StartAsync(new FakeOmeroOptions { Clock = clock });
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        clock.Advance(TimeSpan.FromMinutes(9));
        await client.GetJsonAsync(OmeroRoutes.Images);
        clock.Advance(TimeSpan.FromMinutes(9));
        await client.GetJsonAsync(OmeroRoutes.Images);
        clock.Advance(TimeSpan.FromMinutes(11));
        await client.GetJsonAsync(OmeroRoutes.Images, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_redirects_to_the_login_page()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);

        using var response = await client.PostFormAsync(OmeroRoutes.Logout, []);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/webclient/login/", response.Headers.Location!.OriginalString);
        await client.GetJsonAsync(OmeroRoutes.Images, HttpStatusCode.Forbidden);
    }
}
