using System.Net;
using Accession.TestKit.Pennsieve;
using Microsoft.Extensions.Time.Testing;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>The api2 gateway's 401/403 rules of spec §2.8.</summary>
public sealed class GatewayAuthTests
{
    [Fact]
    public async Task No_authorization_is_401_unauthorized()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.GetAsync($"/compute/workflows/instances/{fake.Seed.WorkflowRun.Id}", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dataset_route_without_dataset_id_is_401_even_with_a_good_token()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var (status, _) = await wire.PostAsync("/import", token, wire.CreateBody([(Guid.NewGuid().ToString(), "a/b")]).ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2lnbmF0dXJl")]
    public async Task A_token_the_authorizer_refuses_is_403_forbidden(string token)
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.GetAsync($"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}", token);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Forbidden", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_id_token_is_not_an_access_token()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, login) = await wire.PasswordAuthAsync();
        var idToken = login!["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync($"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}", idToken)).Status);
    }

    [Fact]
    public async Task Another_dataset_is_403_forbidden()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var (status, _) = await wire.PostAsync("/import?dataset_id=N:dataset:other", token, wire.CreateBody([(Guid.NewGuid().ToString(), "a/b")]).ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_403_forbidden()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Time = time });
        using var wire = new PennsieveWire(fake);
        fake.Faults.TokenLifetime = TimeSpan.FromSeconds(60);
        var token = await wire.LoginAsync();
        var path = $"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}";
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, token)).Status);
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync(path, token)).Status);
    }

    [Fact]
    public async Task A_token_call_limit_refuses_each_token_after_its_calls()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        fake.Faults.TokenCallLimit = 2;
        var token = await wire.LoginAsync();
        var path = $"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}";
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync(path, token)).Status);
        var fresh = await wire.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, fresh)).Status);
    }

    [Fact]
    public async Task A_one_shot_expiry_revokes_the_tokens_of_that_moment_only()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var first = await wire.LoginAsync();
        var second = await wire.LoginAsync();
        fake.Faults.ExpireTokensAfterCalls(1);
        var path = $"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}";
        Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, first)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync(path, second)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync(path, first)).Status);
        var fresh = await wire.LoginAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await wire.GetAsync(path, fresh)).Status);
        }
    }

    [Fact]
    public async Task Expiring_all_tokens_now_refuses_them_at_once()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        fake.ExpireAllTokens();
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.GetAsync($"/compute/workflows/runs/{fake.Seed.WorkflowRun.Id}", token)).Status);
    }
}
