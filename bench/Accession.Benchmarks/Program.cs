using Accession.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Kernel benchmarks: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*'
// (the whole-process kernels of bench/iscc-sum.sh are bench/Accession.Bench.Kernels).

// The kernels run under the runtime settings the shipped CLI has (src/Accession.Cli/Accession.Cli.csproj):
// tiered PGO off, workstation GC without the background thread. This is the base job: command-line
// options (--iterationCount, --runtimes, ...) apply on top of it.
var shippedSettings = Job.Default
    .WithGcServer(false)
    .WithGcConcurrent(false)
    .WithEnvironmentVariable("DOTNET_TieredPGO", "0")
    .AsDefault();
BenchmarkSwitcher.FromAssembly(typeof(SpeculativeDataCodeBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddJob(shippedSettings));
