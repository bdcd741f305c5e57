using Accession.Bench.Pennsieve;

// bench/pennsieve.sh's helpers (see that script):
//   serve [MAX_MINUTES]   the test kit's fake Pennsieve on 127.0.0.1, objects kept as lengths only;
//                         prints its settings as NAME=value lines, stops when stdin closes or after MAX_MINUTES (default 30)
//   client BASE_URL FILES MIN_BYTES MAX_BYTES WORKERS
//                         a minimal keep-alive client doing the processor's wire work (login, workflow,
//                         manifest, presign + PUT per file from memory), reporting its upload rate
return args switch
{
    ["serve", .. var rest] => await FakeServer.RunAsync(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 30),
    ["client", var baseUrl, var files, var min, var max, var workers] => await MinimalClient.RunAsync(
        new Uri(baseUrl), Environment.GetEnvironmentVariable("PENNSIEVE_API_KEY")!, Environment.GetEnvironmentVariable("PENNSIEVE_API_SECRET")!,
        Environment.GetEnvironmentVariable("INTEGRATION_ID")!, int.Parse(files, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(min, System.Globalization.CultureInfo.InvariantCulture), int.Parse(max, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: serve [MAX_MINUTES] | client BASE_URL FILES MIN_BYTES MAX_BYTES WORKERS (PENNSIEVE_API_KEY, PENNSIEVE_API_SECRET, INTEGRATION_ID from the environment)");
    return 2;
}
