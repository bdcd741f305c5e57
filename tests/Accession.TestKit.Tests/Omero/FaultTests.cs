using System.Net;
using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class FaultTests
{
    [Fact]
    public async Task Failures_hit_the_next_requests_of_their_route_only()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        fake.Faults.FailNext(2, OmeroRoutes.Images);

        using var first = await client.GetAsync(OmeroRoutes.Images);
        var servers = await client.GetJsonAsync(OmeroRoutes.Servers);
        using var second = await client.GetAsync(OmeroRoutes.Images);
        await client.GetJsonAsync(OmeroRoutes.Images);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(1, servers.GetProperty("data").GetArrayLength());
        Assert.Equal(2, fake.Faults.FailuresInjected);
    }

    [Fact]
    public async Task Global_failures_take_any_status_and_any_route()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.FailNext(1, statusCode: 502);

        using var failed = await client.GetAsync(OmeroRoutes.Servers);
        using var passed = await client.GetAsync(OmeroRoutes.Servers);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }

    [Fact]
    public async Task Delayed_responses_arrive_after_the_delay()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        var delay = TimeSpan.FromMilliseconds(150);
        fake.Faults.Delay(delay, OmeroRoutes.Servers, count: 1);

        await client.GetJsonAsync(OmeroRoutes.Servers);
        await client.GetJsonAsync(OmeroRoutes.Servers);

        var recorded = fake.Requests.Where(request => request.Path == OmeroRoutes.Servers).ToList();
        Assert.True(recorded[0].Duration >= delay, $"the first request took {recorded[0].Duration}");
        Assert.Equal(1, fake.Faults.DelaysInjected);
    }

    [Theory]
    [InlineData(1_234_567)]
    [InlineData(0)]
    public async Task A_cut_download_delivers_exactly_the_set_bytes_then_the_retry_is_whole(long cutAfter)
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var content = FakeFileContent.Generated(3_000_000, 5);
        var image = fake.AddImage("cut", seed.Alice, seed.Lab, new FakeOmeroFileSpec("cut.bin", content));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        fake.Faults.CutDownloads(cutAfter, times: 1);

        var received = 0L;
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetStreamingAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[65536];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        using var retry = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");

        Assert.True(failure is HttpRequestException or IOException, $"unexpected {failure}");
        Assert.Equal(cutAfter, received);
        Assert.Equal(content.ToArray(), await retry.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, fake.Faults.DownloadsCut);
        Assert.Contains(fake.Requests, request => request.Aborted && request.Path.StartsWith(OmeroRoutes.ArchivedFiles, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_smaller_than_the_cut_pass_and_leave_it_pending()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var small = fake.AddImage("small", seed.Alice, seed.Lab, FakeOmeroFileSpec.Generated("small.bin", 500, 1));
        var large = fake.AddImage("large", seed.Alice, seed.Lab, FakeOmeroFileSpec.Generated("large.bin", 5000, 2));
        var file = large.Fileset.Files[0];
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        fake.Faults.CutDownloads(1000);

        using var whole = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{small.Id}/");
        Assert.Equal(500, (await whole.Content.ReadAsByteArrayAsync()).Length);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var cut = await client.GetAsync($"{OmeroRoutes.DownloadOriginalFile}{file.Id}/");
            await cut.Content.ReadAsByteArrayAsync();
        });

        Assert.Equal(1, fake.Faults.DownloadsCut);
    }

    [Fact]
    public async Task Throttled_downloads_stay_in_flight_for_their_size_over_the_rate()
    {
        var (fake, seed) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        var content = FakeFileContent.Generated(300_000, 3);
        var image = fake.AddImage("slow", seed.Alice, seed.Lab, new FakeOmeroFileSpec("slow.bin", content));
        using var client = await OmeroTestClient.LoggedInAsync(fake, "alice", OmeroSeed.Password);
        fake.Faults.ThrottleDownloads(1_000_000);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.GetAsync($"{OmeroRoutes.ArchivedFiles}{image.Id}/");

        Assert.Equal(content.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.25), $"the download took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_outage_answers_503_until_the_server_comes_back()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.GoDown();

        using var down = await client.GetAsync(OmeroRoutes.Servers);
        fake.Faults.ComeBack();
        using var up = await client.GetAsync(OmeroRoutes.Servers);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(1, fake.Faults.RequestsRefused);
    }

    [Fact]
    public async Task A_timed_outage_ends_by_itself()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var (fake, _) = await OmeroSeed.StartAsync(new FakeOmeroOptions { Clock = clock });
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.GoDown(duration: TimeSpan.FromSeconds(30));

        using var down = await client.GetAsync(OmeroRoutes.Servers);
        clock.Advance(TimeSpan.FromSeconds(31));
        using var up = await client.GetAsync(OmeroRoutes.Servers);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task A_connection_reset_outage_fails_at_the_transport()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.GoDown(OmeroOutage.ConnectionReset);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(OmeroRoutes.Servers));
        fake.Faults.ComeBack();
        using var up = await client.GetAsync(OmeroRoutes.Servers);

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task Rejected_logins_fail_with_the_bad_credentials_message_until_lifted()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.RejectLogins();

        using var rejected = await client.LoginAsync("alice", OmeroSeed.Password);
        fake.Faults.RejectLogins(false);
        using var accepted = await client.LoginAsync("alice", OmeroSeed.Password);

        var body = await OmeroTestClient.ReadJsonAsync(rejected, HttpStatusCode.Forbidden);
        Assert.Equal("Connection not available, please check your user name and password.", body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Reset_clears_every_pending_fault()
    {
        var (fake, _) = await OmeroSeed.StartAsync();
        await using var __ = fake;
        using var client = new OmeroTestClient(fake);
        fake.Faults.FailNext(5);
        fake.Faults.GoDown();
        fake.Faults.RejectLogins();

        fake.Faults.Reset();

        using var login = await client.LoginAsync("alice", OmeroSeed.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
