using System.Net;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>Faults injected on demand, each seen from a raw client.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "SlowDown")]
    public async Task Puts_fail_with_s3_errors_for_their_first_tries_then_store(int status, string code)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        fake.Faults.FailPuts(status, tries: 2);
        for (var i = 0; i < 2; i++)
        {
            using var failed = await wire.PutAsync(url, [1]);
            Assert.Equal(status, (int)failed.StatusCode);
            Assert.Contains($"<Code>{code}</Code>", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var stored = await wire.PutAsync(url, [1]);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal((3, 1), (fake.PutAttempts(importId, key), fake.Uploads(importId, key)));
    }

    [Fact]
    public async Task A_put_fault_for_one_key_leaves_the_others_alone()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var (bad, good) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var importId = await wire.CreateImportAsync(token, (bad, "a/bad"), (good, "a/good"));
        fake.Faults.FailPuts(500, tries: 1, uploadKey: bad);
        using var goodPut = await wire.PutAsync(await wire.PresignAsync(token, importId, good), [1]);
        using var badPut = await wire.PutAsync(await wire.PresignAsync(token, importId, bad), [1]);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.InternalServerError), (goodPut.StatusCode, badPut.StatusCode));
    }

    [Fact]
    public async Task A_dropped_put_loses_its_connection_and_stores_nothing()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        fake.Faults.DropPuts(tries: 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => wire.PutAsync(url, new byte[100_000]));
        Assert.Null(fake.FindObject(importId, key));
        using var retried = await wire.PutAsync(url, new byte[100_000]);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await fake.WaitUntilAsync(f => f.Requests.Any(r => r.Route == PennsieveRoute.Put && r.Aborted)).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_put_dropped_mid_body_stores_nothing()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        fake.Faults.DropPuts(tries: 1, uploadKey: key, afterBytes: 64 * 1024);
        await Assert.ThrowsAsync<HttpRequestException>(() => wire.PutAsync(url, new byte[1024 * 1024]));
        // The client can see the reset before the fake has finished recording it.
        await fake.WaitUntilAsync(f => f.Requests.Any(r => r.Route == PennsieveRoute.Put)).WaitAsync(TimeSpan.FromSeconds(30));
        var dropped = Assert.Single(fake.Requests, r => r.Route == PennsieveRoute.Put);
        Assert.True(dropped.Aborted);
        Assert.InRange(dropped.BodyLength, 64 * 1024, 1024 * 1024 - 1);
        Assert.Null(fake.FindObject(importId, key));
    }

    [Theory]
    [InlineData(PennsieveRoute.Presign, 500)]
    [InlineData(PennsieveRoute.CreateImport, 429)]
    [InlineData(PennsieveRoute.CognitoConfig, 503)]
    public async Task The_next_calls_to_a_route_fail_with_the_status_given(PennsieveRoute route, int status)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var key = Guid.NewGuid().ToString();
        var importId = route == PennsieveRoute.CreateImport ? null : await wire.CreateImportAsync(token, (key, "a/0"));
        fake.Faults.FailNext(route, status, count: 1);
        Func<Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject? Body)>> call = route switch
        {
            PennsieveRoute.Presign => () => wire.GetAsync($"/import/{importId}/upload/{key}/presign?dataset_id={wire.Dataset}", token),
            PennsieveRoute.CreateImport => () => wire.PostAsync($"/import?dataset_id={wire.Dataset}", token, wire.CreateBody([(key, "a/0")]).ToJsonString()),
            _ => () => wire.GetAsync("/authentication/cognito-config", null),
        };
        var (failedStatus, body) = await call();
        Assert.Equal(status, (int)failedStatus);
        Assert.NotEmpty(body!["message"]!.GetValue<string>());
        Assert.True((await call()).Status is HttpStatusCode.OK or HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_failing_login_endpoint_answers_an_aws_internal_error()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        fake.Faults.FailNext(PennsieveRoute.InitiateAuth, 500);
        var (status, body) = await wire.PasswordAuthAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("InternalErrorException", body!["__type"]!.GetValue<string>());
        Assert.Equal(0, fake.PasswordLogins);
    }

    [Fact]
    public async Task A_delayed_route_outlasts_a_short_client_timeout()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        fake.Faults.Delay(PennsieveRoute.CognitoConfig, TimeSpan.FromMinutes(1));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(fake.BaseUrl + "/authentication/cognito-config"));

        fake.Faults.Delay(PennsieveRoute.CognitoConfig, TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync("/authentication/cognito-config", null)).Status);
    }

    [Fact]
    public async Task Reset_removes_every_fault()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, _, url) = await wire.PresignedFileAsync();
        fake.Faults.FailPuts(500, tries: 5);
        fake.Faults.ThrottleLogins(5);
        fake.Faults.Reset();
        Assert.Equal(HttpStatusCode.OK, (await wire.PutAsync(url, [1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wire.PasswordAuthAsync()).Status);
    }
}
