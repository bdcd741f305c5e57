using System.Net;
using System.Runtime.InteropServices;
using Accession.TestKit.Omero;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Accession.Bench.Omero;

/// <summary>
/// The test kit's fake OMERO.web on 127.0.0.1, seeded with single-file images, plus a control endpoint
/// (<c>POST /reset</c> deletes every map annotation) so each benchmark run starts from unannotated images.
/// Prints <c>url=…</c> and <c>control=…</c> lines, then serves until SIGTERM/SIGINT or its time limit.
/// </summary>
internal static class BenchServer
{
    /// <summary>Files of at least this size are served from one random buffer, so the server does not spend CPU generating them.</summary>
    private const long InMemoryFrom = 16 << 20;

    public static async Task<int> RunAsync(long images, long size, bool annotated, TimeSpan limit)
    {
        await using var omero = await FakeOmeroWeb.StartAsync();
        var group = omero.AddGroup("bench", "rwra--");
        var user = omero.AddAdmin("bench", "bench", group);
        byte[]? shared = null;
        if (size >= InMemoryFrom)
        {
            shared = new byte[size];
            Random.Shared.NextBytes(shared);
        }

        for (var i = 0; i < images; i++)
        {
            var name = $"image{i:D6}.tif";
            var content = shared is null ? FakeFileContent.Generated(size, (ulong)i + 1) : FakeFileContent.FromBytes(shared);
            var image = omero.AddImage(name, user, group, new FakeOmeroFileSpec(name, content));
            if (annotated)
            {
                omero.SeedMapAnnotation(image.Id, user, "org.iscc.omero.sum", KeyValuePair.Create("iscc:sum", "ISCC:K4A"));
            }
        }

        shared = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var control = builder.Build();
        control.Run(context =>
        {
            omero.ClearMapAnnotations();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        await control.StartAsync();
        var controlUrl = control.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var stop = new CancellationTokenSource(limit);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        Console.WriteLine($"url={omero.BaseUrl}");
        Console.WriteLine($"control={controlUrl}/reset");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop, or the time limit passed.
        }

        await control.StopAsync();
        return 0;
    }
}
