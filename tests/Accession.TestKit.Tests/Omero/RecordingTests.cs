using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class RecordingTests
{
    [Fact]
    public async Task Requests_are_recorded_with_their_contract_headers_and_without_secrets()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        await client.GetJsonAsync(OmeroRoutes.Images + "?limit=5");
        using var _ = await client.GetAsync(OmeroRoutes.KeepAlive + "?bsession=abc&password=hunter2");

        var requests = fake.Requests;
        var login = Assert.Single(requests, request => request.Path == OmeroRoutes.Login);
        Assert.Equal("POST", login.Method);
        Assert.Equal(200, login.StatusCode);
        Assert.Equal("(present)", login.Header("X-CSRFToken"));
        Assert.Equal(["csrftoken"], login.CookieNames);
        var listing = Assert.Single(requests, request => request.Path == OmeroRoutes.Images);
        Assert.Equal("limit=5", listing.Query);
        Assert.Equal("XMLHttpRequest", listing.Header("X-Requested-With"));
        Assert.Equal("alice", listing.UserName);
        Assert.Contains("sessionid", listing.CookieNames);
        Assert.Equal("(present)", listing.Header("Cookie"));
        var keepAlive = Assert.Single(requests, request => request.Path == OmeroRoutes.KeepAlive);
        Assert.Equal("bsession=(redacted)&password=(redacted)", keepAlive.Query);

        var secrets = new[] { client.Token!, client.Cookie("csrftoken")!, client.Cookie("sessionid")!, OmeroSeed.Password, "hunter2" };
        var everything = string.Join('\n', requests.SelectMany(request => request.Headers.Values.Append(request.Query)));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
        Assert.True(requests.Zip(requests.Skip(1)).All(pair => pair.First.StartedAt <= pair.Second.StartedAt));
    }
}
