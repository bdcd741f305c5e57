using Accession.TestKit.Pennsieve;

namespace Accession.Bench.Pennsieve;

/// <summary>The test kit's fake Pennsieve as a process: bounded in time, stored objects kept as lengths only so memory stays flat and its CPU goes to the wire.</summary>
internal static class FakeServer
{
    public static async Task<int> RunAsync(int maxMinutes)
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Storage = FakeObjectStorage.LengthOnly });
        Console.WriteLine($"BASE_URL={fake.BaseUrl}");
        Console.WriteLine($"PENNSIEVE_API_KEY={fake.Seed.ApiKey}");
        Console.WriteLine($"PENNSIEVE_API_SECRET={fake.Seed.ApiSecret}");
        Console.WriteLine($"INTEGRATION_ID={fake.Seed.WorkflowRun.Id}");
        Console.Out.Flush();

        // Stops when the script closes our stdin (or dies), and in any case after maxMinutes.
        var stdinClosed = Task.Run(() => Console.In.ReadToEnd());
        await Task.WhenAny(stdinClosed, Task.Delay(TimeSpan.FromMinutes(maxMinutes)));
        return 0;
    }
}
