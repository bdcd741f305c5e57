using System.Net;
using Accession.TestKit.Pennsieve;

namespace Accession.TestKit.Tests.Pennsieve;

public sealed class RecordingTests
{
    [Fact]
    public async Task Requests_are_recorded_with_route_query_headers_and_body_length_but_no_secrets()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        (await wire.PutAsync(url, new byte[1234])).Dispose();

        var requests = fake.Requests;
        var login = Assert.Single(requests, r => r.Route == PennsieveRoute.InitiateAuth);
        Assert.True(login.BodyLength > 0);
        Assert.Equal("AWSCognitoIdentityProviderService.InitiateAuth", login.Header("x-amz-target"));

        var presign = Assert.Single(requests, r => r.Route == PennsieveRoute.Presign);
        Assert.Equal(($"/import/{importId}/upload/{key}/presign", $"dataset_id={fake.Seed.DatasetId}", 200), (presign.Path, presign.Query, presign.StatusCode));
        Assert.Equal("Bearer redacted", presign.Header("Authorization"));

        var put = Assert.Single(requests, r => r.Route == PennsieveRoute.Put);
        Assert.Equal((1234L, 200, false), (put.BodyLength, put.StatusCode, put.Aborted));
        Assert.Contains("X-Amz-Signature=redacted", put.Query, StringComparison.Ordinal);
        Assert.True(put.FinishedAt >= put.StartedAt);

        var everything = string.Join('\n', requests.SelectMany(r => r.Headers.Values.Append(r.Query)));
        Assert.DoesNotContain(fake.Seed.ApiSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(url).Query.Split("X-Amz-Signature=")[1], everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_on_a_condition_completes_when_a_request_makes_it_true()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, _, url) = await wire.PresignedFileAsync();
        var stored = fake.WaitUntilAsync(f => f.Objects.Count == 1);
        Assert.False(stored.IsCompleted);
        (await wire.PutAsync(url, [1])).Dispose();
        await stored.WaitAsync(TimeSpan.FromSeconds(30));
        await fake.WaitUntilAsync(f => f.PasswordLogins == 1).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_unknown_path_is_recorded_as_unknown_and_answered_404()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (status, body) = await wire.GetAsync("/no/such/route", null);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", body!["message"]!.GetValue<string>());
        Assert.Equal(PennsieveRoute.Unknown, Assert.Single(fake.Requests).Route);
    }
}
