namespace Accession.TestKit;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("accession-test-").FullName;
    }

    public string Path { get; }

    /// <summary>A path inside the folder; parent folders are created.</summary>
    public string File(string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
