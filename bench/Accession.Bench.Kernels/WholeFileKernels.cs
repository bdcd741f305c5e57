using System.Globalization;
using Accession.Iscc;
using Accession.Iscc.Blake3;
using Accession.Iscc.DataCode;

namespace Accession.Bench.Kernels;

/// <summary>
/// Whole-process kernels for bench/iscc-sum.sh: hash one file with one algorithm and print the
/// digest, so that the process can be timed beside b3sum.
///   blake3 --threads N PATH   BLAKE3 of the file (N = 1, or -1 for all cores)
///   datacode PATH             Data-Code digest of the file, one core
///   datacode --threads N PATH Data-Code digest of the file read into a ring of 1 MiB buffers
///                             whose segments N threads chunk speculatively (the reading one
///                             among them); the speculation counters go to standard error
/// </summary>
internal static class WholeFileKernels
{
    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "blake3")
        {
            var threads = 1;
            var path = args[^1];
            if (args.Length == 4 && args[1] == "--threads")
            {
                threads = int.Parse(args[2], CultureInfo.InvariantCulture);
            }

            Console.WriteLine(Convert.ToHexStringLower(Blake3Hasher.HashFile(path, threads, FileReadMode.MemoryMapped)));
            return 0;
        }

        if (args.Length == 2 && args[0] == "datacode")
        {
            Console.WriteLine(Convert.ToHexStringLower(HashDataCode(args[1])));
            return 0;
        }

        if (args.Length == 4 && args[0] == "datacode" && args[1] == "--threads")
        {
            Console.WriteLine(Convert.ToHexStringLower(HashDataCodeSegmented(args[3], int.Parse(args[2], CultureInfo.InvariantCulture))));
            return 0;
        }

        Console.Error.WriteLine("usage: blake3 [--threads N] PATH | datacode [--threads N] PATH");
        return 2;
    }

    private static byte[] HashDataCode(string path)
    {
        var hasher = new DataHasher();
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        // Reads of 1 MiB, the pipeline's segment size: the fastest here (4 MiB reads cost 2 % more CPU,
        // 64 KiB reads 8 %), so the anchor is the sequential chunker at its best.
        var buffer = GC.AllocateUninitializedArray<byte>(1 << 20);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
            offset += read;
        }

        return hasher.GetCurrentHash();
    }

    private static byte[] HashDataCodeSegmented(string path, int threads)
    {
        var hasher = new DataHasher();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            var options = IsccSumPipeline.Options.Default with { SmallInputLimit = 0, Workers = threads - 1 };
            IsccSumPipeline.RunAsync(file, hasher, instance: null, progress: null, options, CancellationToken.None).GetAwaiter().GetResult();
        }

        var counters = hasher.Speculation;
        Console.Error.WriteLine(
            $"segments {counters.Segments}, joins {counters.Joins}, discarded bytes {counters.DiscardedBytes}, bytes chunked by the joiner {counters.SerialBytes}");
        return hasher.GetCurrentHash();
    }
}
