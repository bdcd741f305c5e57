using System.Globalization;
using Accession.Bench.Omero;

// omero-bench serve --images N --size BYTES [--annotated] [--max-seconds S]
// omero-bench download|annotate|list --url URL [--image ID] [--concurrency N]
// The user and password of the seeded server are both "bench".
var command = args.Length > 0 ? args[0] : string.Empty;
var options = Options.Parse(args.Skip(1));
try
{
    return command switch
    {
        "serve" => await BenchServer.RunAsync(
            options.Long("images", 1), options.Long("size", 1 << 20), options.Flag("annotated"), TimeSpan.FromSeconds(options.Long("max-seconds", 3600))),
        "download" => await Report(MinimalClient.DownloadAsync(options.Url(), options.Long("image", 1))),
        "annotate" => await Report(MinimalClient.DownloadAndAnnotateAllAsync(options.Url(), (int)options.Long("concurrency", 4))),
        "list" => await Report(MinimalClient.ListAsync(options.Url())),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("omero-bench: " + e.Message);
    return 2;
}

static async Task<int> Report(Task<string> work)
{
    Console.WriteLine(await work);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: omero-bench serve --images N --size BYTES [--annotated] | download --url URL --image ID | annotate --url URL [--concurrency N] | list --url URL");
    return 2;
}

namespace Accession.Bench.Omero
{
    /// <summary><c>--name value</c> pairs and <c>--flag</c>s. Immutable.</summary>
    internal sealed class Options(Dictionary<string, string?> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            string? name = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    name = arg[2..];
                    values[name] = null;
                }
                else if (name is not null)
                {
                    values[name] = arg;
                    name = null;
                }
                else
                {
                    throw new ArgumentException($"unexpected argument '{arg}'");
                }
            }

            return new Options(values);
        }

        public bool Flag(string name) => values.ContainsKey(name);

        public long Long(string name, long defaultValue) =>
            values.TryGetValue(name, out var value) && value is not null
                ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : defaultValue;

        public Uri Url() => values.TryGetValue("url", out var value) && value is not null
            ? new Uri(value.EndsWith('/') ? value : value + "/")
            : throw new ArgumentException("--url is required");
    }
}
