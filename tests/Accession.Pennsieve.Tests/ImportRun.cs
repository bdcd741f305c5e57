using System.CommandLine;
using System.Security.Cryptography;
using Accession.Cli;
using Accession.Cli.Commands.Pennsieve;
using Accession.Cli.Terminal;
using Accession.TestKit;
using Accession.TestKit.Archives;
using Accession.TestKit.OmeZarr;
using Accession.TestKit.Pennsieve;

namespace Accession.Pennsieve.Tests;

/// <summary>What one in-process run of <c>accession pennsieve-import</c> returned and printed.</summary>
internal sealed record ImportResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.TrimEnd('\n').Split('\n');

    /// <summary>The lines the command wrote as its own errors (not log lines).</summary>
    public string[] CommandErrors => [.. ErrorLines.Where(l => l.StartsWith("accession pennsieve-import: ", StringComparison.Ordinal))];
}

/// <summary>
/// A temp workspace for one import: an input folder, an output folder, datasets built with
/// <see cref="OmeZarrBuilder"/> and archived, and the environment a run sees.
/// </summary>
internal sealed class ImportRun : IDisposable
{
    private readonly TempFolder _temp = new();

    public ImportRun()
    {
        Directory.CreateDirectory(InputDir);
        Directory.CreateDirectory(OutputDir);
        Environment["INPUT_DIR"] = InputDir;
        Environment["OUTPUT_DIR"] = OutputDir;
        Environment["RETRY_BASE_DELAY_MS"] = "1";
    }

    public string InputDir => Path.Combine(_temp.Path, "input");

    public string OutputDir => Path.Combine(_temp.Path, "output");

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds an OME-Zarr image (v2/NGFF 0.4 or v3/NGFF 0.5) with random chunk bytes in a staging folder; returns the folder.</summary>
    public string BuildImage(string name, int zarrFormat = 2, Action<OmeZarrBuilder>? extra = null)
    {
        var folder = Path.Combine(_temp.Path, "staging", name);
        var builder = new OmeZarrBuilder(folder, zarrFormat)
            .Image(string.Empty, ["y", "x"], [[8, 8], [4, 4]], chunks: [4, 4])
            .AllChunks("0", [8, 8], [4, 4])
            .AllChunks("1", [4, 4], [4, 4]);
        extra?.Invoke(builder);
        foreach (var (relative, full) in FolderFiles.List(folder))
        {
            if (!Path.GetFileName(relative).StartsWith('.') && !relative.EndsWith("zarr.json", StringComparison.Ordinal) && new FileInfo(full).Length > 0)
            {
                File.WriteAllBytes(full, RandomNumberGenerator.GetBytes((int)new FileInfo(full).Length));
            }
        }

        return folder;
    }

    /// <summary>Archives <paramref name="folder"/> into the input folder under <paramref name="archiveName"/>, entries prefixed with <paramref name="prefix"/>.</summary>
    public string Archive(string folder, string archiveName, string prefix = "") =>
        SampleArchives.Build(folder, Path.Combine(InputDir, archiveName), prefix);

    /// <summary>Points the run at the fake with its valid API key.</summary>
    public ImportRun UseFake(FakePennsieve fake)
    {
        Environment["IMPORTER_ENABLED"] = "true";
        Environment["PENNSIEVE_API_HOST"] = fake.BaseUrl;
        Environment["PENNSIEVE_API_HOST2"] = fake.BaseUrl;
        Environment["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = fake.BaseUrl;
        Environment["PENNSIEVE_API_KEY"] = fake.Seed.ApiKey;
        Environment["PENNSIEVE_API_SECRET"] = fake.Seed.ApiSecret;
        Environment["INTEGRATION_ID"] = fake.Seed.WorkflowRun.Id;
        return this;
    }

    public Task<ImportResult> RunAsync(params string[] options) => RunAsync(console: null, options);

    /// <summary>Runs with <paramref name="console"/> (whether stderr is a terminal, the progress clock).</summary>
    public async Task<ImportResult> RunAsync(CommandConsole? console, params string[] options)
    {
        var root = new RootCommand("test") { new PennsieveImportCommand(name => Environment.GetValueOrDefault(name), console ?? new CommandConsole(() => Stream.Null, ErrorIsTerminal: false)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(root, ["pennsieve-import", .. options], output, error);
        return new ImportResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>The files of a staged folder as (relative path, bytes), in ordinal order.</summary>
    public static IReadOnlyList<(string Relative, byte[] Bytes)> Files(string folder) =>
        [.. FolderFiles.List(folder).Select(f => (f.Relative, File.ReadAllBytes(f.Full)))];

    public void Dispose() => _temp.Dispose();
}
