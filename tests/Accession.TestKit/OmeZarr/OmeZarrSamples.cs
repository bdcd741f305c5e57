using Accession.TestKit.Archives;

namespace Accession.TestKit.OmeZarr;

/// <summary>
/// Small valid OME-Zarr images, as folders or archives, for end-to-end tests that upload them: every
/// chunk present and filled with its own bytes, so a file sent under another file's name shows.
/// </summary>
public static class OmeZarrSamples
{
    /// <summary>
    /// Writes a two-level <c>c, y, x</c> image into <paramref name="folder"/>: OME-NGFF 0.4 on Zarr v2
    /// when <paramref name="zarrFormat"/> is 2, 0.5 on Zarr v3 when it is 3. Chunk bytes come from
    /// <paramref name="seed"/>, so the same seed writes the same files.
    /// </summary>
    public static OmeZarrBuilder Image(string folder, int zarrFormat = 2, int seed = 1)
    {
        long[][] levels = [[2, 64, 64], [2, 32, 32]];
        long[] chunks = [1, 32, 32];
        var builder = new OmeZarrBuilder(folder, zarrFormat).Image("", ["c", "y", "x"], levels, chunks: chunks);
        var random = new Random(seed);
        for (var level = 0; level < levels.Length; level++)
        {
            var shape = levels[level];
            for (var c = 0; c < shape[0]; c++)
            {
                for (var y = 0; y < shape[1] / chunks[1]; y++)
                {
                    for (var x = 0; x < shape[2] / chunks[2]; x++)
                    {
                        var bytes = new byte[32 * 32];
                        random.NextBytes(bytes);
                        builder.Bytes($"{level}/{(zarrFormat == 3 ? "c/" : "")}{c}/{y}/{x}", bytes);
                    }
                }
            }
        }

        return builder;
    }

    /// <summary>
    /// Writes <see cref="Image"/> as an archive at <paramref name="archivePath"/> (the suffix picks the
    /// format, as in <see cref="SampleArchives.Build"/>), its files under <paramref name="rootName"/>/
    /// or at the archive's root when that is null. Returns every entry name with its bytes.
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> ImageArchive(string archivePath, string? rootName, int zarrFormat = 2, int seed = 1)
    {
        var staging = Directory.CreateTempSubdirectory("accession-sample-").FullName;
        try
        {
            Image(staging, zarrFormat, seed);
            var prefix = rootName is null ? "" : rootName + "/";
            SampleArchives.Build(staging, archivePath, prefix);
            return Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).ToDictionary(
                file => prefix + Path.GetRelativePath(staging, file).Replace('\\', '/'),
                File.ReadAllBytes,
                StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
