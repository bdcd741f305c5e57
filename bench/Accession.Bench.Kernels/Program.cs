using Accession.Bench.Kernels;

// Whole-process kernels for bench/iscc-sum.sh: blake3|datacode [--threads N] PATH (WholeFileKernels).
return WholeFileKernels.Run(args);
