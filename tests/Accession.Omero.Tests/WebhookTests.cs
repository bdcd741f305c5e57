using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Accession.Omero.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task Each_new_code_is_posted_signed_and_retried_until_the_receiver_accepts_it()
    {
        const string secret = "hook key";
        var received = new ConcurrentQueue<(byte[] Body, string? Signature)>();
        var refusals = 2;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var receiver = builder.Build();
        receiver.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (Interlocked.Decrement(ref refusals) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            received.Enqueue((body.ToArray(), context.Request.Headers["X-Signature-256"].ToString()));
        });
        await receiver.StartAsync();
        var url = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await using var scenario = await ServiceScenario.StartAsync();
        var image = scenario.AddSingleFileImage("hooked.tif", 2_000, 5);

        await scenario.PollOnceAsync(scenario.Settings with { WebhookUrl = url, WebhookSecret = secret });

        var (payload, signature) = Assert.Single(received);
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        Assert.Equal("iscc_generated", root.GetProperty("event").GetString());
        Assert.Equal(image.Id, root.GetProperty("image_id").GetInt64());
        Assert.Equal("hooked.tif", root.GetProperty("image_name").GetString());
        Assert.Equal(Assert.Single(scenario.IsccAnnotations(image.Id)).Value("iscc:sum"), root.GetProperty("iscc_code").GetString());
        Assert.InRange(root.GetProperty("timestamp").GetDouble(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload)), signature);
    }
}
