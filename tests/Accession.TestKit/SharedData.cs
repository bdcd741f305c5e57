namespace Accession.TestKit;

/// <summary>
/// Locates the shared conformance vectors and sample datasets that live beside the repository
/// (<c>../shared</c> from the repository root). <c>ACCESSION_SHARED</c> overrides the location.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The <c>shared</c> folder.</summary>
    public static string RootPath => Root.Value;

    /// <summary>A path below the shared folder, e.g. <c>Path("vectors", "blake3", "test_vectors.json")</c>.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([RootPath, .. parts]);

    /// <summary>The repository root (the folder that holds <c>Accession.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ACCESSION_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return EnsureExists(fromEnvironment);
        }

        return EnsureExists(System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared")));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Accession.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Accession.slnx was not found above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }

    private static string EnsureExists(string path) =>
        Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException(
                $"The shared test data folder '{path}' does not exist; check out 'shared' beside the repository or set ACCESSION_SHARED.");
}
