namespace Accession.TestKit.Archives;

/// <summary>Builds an archive of any supported format from a folder, e.g. a sample under <see cref="SharedData"/>.</summary>
public static class SampleArchives
{
    /// <summary>
    /// Writes the files below <paramref name="folder"/> to <paramref name="archivePath"/>, named
    /// <paramref name="prefix"/> + relative path; the suffix picks the format (.zip/.ozx deflated,
    /// .tar, .tar.gz/.tgz, .tar.bz2/.tbz2, .tar.xz/.txz). Returns <paramref name="archivePath"/>.
    /// </summary>
    public static string Build(string folder, string archivePath, string prefix = "")
    {
        var name = archivePath.ToLowerInvariant();
        return name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".ozx", StringComparison.Ordinal)
            ? ZipBuilder.FromFolder(folder, prefix: prefix).Write(archivePath)
            : TarBuilder.FromFolder(folder, prefix).Write(archivePath);
    }

    /// <summary>A sample dataset under <c>shared/samples/ome-zarr</c>, e.g. <c>Sample("ome2024-ngff-challenge/tests/data/hcs.zarr")</c>.</summary>
    public static string Sample(string relative) =>
        SharedData.Path(["samples", "ome-zarr", .. relative.Split('/')]);
}
