using System.Globalization;
using System.Runtime.InteropServices;
using Accession.TestKit.Omero;

// A fake OMERO.web on 127.0.0.1 (a free port) for proofs that run the shipped `accession omero-iscc`
// as a separate process, e.g. inside a container image's file system:
//
//   Accession.TestKit.Host omero-web --files DIR [--user NAME] [--password PASSWORD] [--lifetime SECONDS]
//
// Every regular file in DIR becomes an image with a fileset of that one file, owned by a user of group
// "lab"; NAME/PASSWORD (default root/omero, OMERO's) is an administrator who reads and annotates them.
// Prints "listening URL" once it serves, then stops on SIGTERM, SIGINT or after the lifetime
// (default 600 s) and prints one line per image: "image ID NAME annotations=N iscc:sum=CODE" (tab-separated;
// N counts the image's map annotations in the service's namespace, CODE is the first one's iscc:sum).
// Exit codes: 0 stopped, 2 bad usage.
var options = HostArguments.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(
        "usage: Accession.TestKit.Host omero-web --files DIR [--user NAME] [--password PASSWORD] [--lifetime SECONDS]");
    return 2;
}

if (!Directory.Exists(options.Files))
{
    await Console.Error.WriteLineAsync($"--files '{options.Files}' is not a folder; give a folder of files to serve as images.");
    return 2;
}

await using var omero = await FakeOmeroWeb.StartAsync();
var lab = omero.AddGroup("lab", "rwra--");
omero.AddAdmin(options.User, options.Password, lab);
var owner = omero.AddUser("importer", "importer-password", lab);
foreach (var file in Directory.EnumerateFiles(options.Files).Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(file);
    omero.AddImage(name, owner, lab, new FakeOmeroFileSpec(name, FakeFileContent.FromBytes(await File.ReadAllBytesAsync(file))));
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
Console.Out.WriteLine($"listening {omero.BaseUrl}");
Console.Out.Flush();

// Bounded: a proof that dies before signalling must not leave the server running.
await Task.WhenAny(stop.Task, Task.Delay(options.Lifetime));

foreach (var image in omero.Images)
{
    var annotations = omero.MapAnnotations(image.Id).Where(a => a.Namespace == OmeroNamespace.Iscc).ToList();
    var code = annotations.Count > 0 ? annotations[0].Value("iscc:sum") : null;
    Console.Out.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"image\t{image.Id}\t{image.Name}\tannotations={annotations.Count}\tiscc:sum={code ?? "-"}"));
}

return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

/// <summary>The namespace the OMERO ISCC service writes (shared/specs/omero.md §1.7).</summary>
internal static class OmeroNamespace
{
    public const string Iscc = "org.iscc.omero.sum";
}

/// <summary>The host's command line. Immutable.</summary>
internal sealed record HostArguments(string Files, string User, string Password, TimeSpan Lifetime)
{
    public static HostArguments? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "omero-web" || args.Length % 2 != 1)
        {
            return null;
        }

        string? files = null;
        var user = "root";
        var password = "omero";
        var lifetime = TimeSpan.FromSeconds(600);
        for (var i = 1; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--files":
                    files = args[i + 1];
                    break;
                case "--user":
                    user = args[i + 1];
                    break;
                case "--password":
                    password = args[i + 1];
                    break;
                case "--lifetime" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    lifetime = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    return null;
            }
        }

        return files is null ? null : new HostArguments(files, user, password, lifetime);
    }
}
