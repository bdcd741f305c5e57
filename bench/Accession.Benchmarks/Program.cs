using Accession.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Kernel benchmarks: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*'
// Whole-process kernels for bench/iscc-sum.sh: ... -- file blake3|datacode ...
if (args.Length > 0 && args[0] == "file")
{
    return WholeFileKernels.Run(args[1..]);
}

// The kernels run under the runtime settings the shipped CLI has (src/Accession.Cli/Accession.Cli.csproj):
// tiered PGO off, workstation GC without the background thread. The project file sets the same for
// the whole-process kernels above. This is the base job: command-line options (--iterationCount,
// --runtimes, ...) apply on top of it.
var shippedSettings = Job.Default
    .WithGcServer(false)
    .WithGcConcurrent(false)
    .WithEnvironmentVariable("DOTNET_TieredPGO", "0")
    .AsDefault();
BenchmarkSwitcher.FromAssembly(typeof(WholeFileKernels).Assembly).Run(args, DefaultConfig.Instance.AddJob(shippedSettings));
return 0;
