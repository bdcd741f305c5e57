using BenchmarkDotNet.Running;

// Runs the kernel benchmarks: dotnet run -c Release --project bench/Accession.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
