using System.Globalization;
using System.IO.MemoryMappedFiles;
using Accession.Iscc;
using Accession.Iscc.Blake3;
using Accession.Iscc.DataCode;

namespace Accession.Benchmarks;

/// <summary>
/// Whole-process kernels for bench/iscc-sum.sh: hash one file with one algorithm and print the
/// digest, so that the process can be timed beside b3sum.
///   file blake3 --threads N PATH   BLAKE3 of the file (N = 1, or -1 for all cores)
///   file datacode PATH             Data-Code digest of the file, one core
///   file datacode --threads N PATH Data-Code digest of the mapped file on N threads (speculative
///                                  segments; 0 = sequential Append); the speculation counters go
///                                  to standard error
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
            Console.WriteLine(Convert.ToHexStringLower(HashDataCodeMapped(args[3], int.Parse(args[2], CultureInfo.InvariantCulture))));
            return 0;
        }

        Console.Error.WriteLine("usage: file blake3 [--threads N] PATH | file datacode [--threads N] PATH");
        return 2;
    }

    private static byte[] HashDataCode(string path)
    {
        var hasher = new DataHasher();
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = GC.AllocateUninitializedArray<byte>(4 << 20);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
            offset += read;
        }

        return hasher.GetCurrentHash();
    }

    private static unsafe byte[] HashDataCodeMapped(string path, int threads)
    {
        const long window = 64L << 20;
        var hasher = new DataHasher();
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
        var length = new FileInfo(path).Length;
        for (long offset = 0; offset < length; offset += window)
        {
            var size = (int)Math.Min(window, length - offset);
            using var view = map.CreateViewAccessor(offset, size, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            try
            {
                var span = new ReadOnlySpan<byte>(pointer + view.PointerOffset, size);
                if (threads == 0)
                {
                    hasher.Append(span);
                }
                else
                {
                    hasher.AppendParallel(span, threads);
                }
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }

        var counters = hasher.Speculation;
        Console.Error.WriteLine(
            $"segments {counters.Segments}, joins {counters.Joins}, discarded bytes {counters.DiscardedBytes}, bytes chunked by the joiner {counters.SerialBytes}");
        return hasher.GetCurrentHash();
    }
}
