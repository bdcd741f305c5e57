using Accession.Benchmarks;
using BenchmarkDotNet.Running;

// Kernel benchmarks: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*'
// Whole-process kernels for bench/iscc-sum.sh: ... -- file blake3|datacode ...
if (args.Length > 0 && args[0] == "file")
{
    return WholeFileKernels.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(WholeFileKernels).Assembly).Run(args);
return 0;
