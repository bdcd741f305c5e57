using System.Diagnostics;
using Accession.Iscc.Blake3;
using Accession.TestKit;

namespace Accession.Iscc.Tests.Blake3;

/// <summary>Cross-check against b3sum, an independent BLAKE3 implementation (the CI installs it).</summary>
public sealed class Blake3B3sumTests
{
    private static readonly string? B3sum = FindOnPath("b3sum");

    [Fact]
    public void Hashes_agree_with_b3sum_on_awkward_lengths()
    {
        Assert.SkipWhen(B3sum is null, "b3sum is not installed (Debian package 'b3sum'); the cross-check with it was skipped.");

        using var folder = new TempFolder();
        foreach (var length in new[] { 0, 1, 1023, 1024, 1025, 65537, (1 << 20) + 3, (5 << 20) + 4097 })
        {
            var input = Blake3TestData.RandomBytes(length, length + 7);
            var path = folder.File($"input-{length}.bin");
            File.WriteAllBytes(path, input);
            var expected = RunB3sum(path);

            Assert.Equal(expected, Blake3TestData.Hex(Blake3Hasher.HashFile(path)));
            Assert.Equal(expected, Blake3TestData.Hex(Blake3Hasher.HashFile(path, 2)));
            foreach (var backend in Blake3Dispatch.Supported)
            {
                var hasher = new Blake3Hasher { Backend = backend };
                Blake3TestData.AppendInParts(hasher, input, [length / 3, length - (length / 3)]);
                Assert.Equal(expected, Blake3TestData.Hex(hasher.GetCurrentHash()));
            }
        }
    }

    private static string RunB3sum(string path)
    {
        var start = new ProcessStartInfo(B3sum!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--no-names");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"b3sum failed: {error}");
        return output.Trim();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
