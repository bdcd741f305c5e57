#!/usr/bin/env bash
# Whether a Native AOT build of `accession` could keep the run-time choice of the AVX-512 / AVX2 /
# Vector128 hashing kernels: publishes bench/Accession.Bench.AotDispatch with Native AOT for each
# instruction-set target (IlcInstructionSet; none = the compiler's default), and with ReadyToRun for
# comparison, and runs each on this machine. Each line says what a check answers here and whether
# the compiler made it a constant or left a check that runs on the user's machine.
#   bench/aot-dispatch.sh [WORKDIR] [TARGET...]
# Needs: the .NET SDK (the ILCompiler package comes from the NuGet feed), an x86-64 machine.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/accession-aot-dispatch}
shift || true
targets=("${@:-default}")
[ $# -gt 0 ] || targets=(default x86-64-v2 avx x86-64-v3 x86-64-v4)
project=bench/Accession.Bench.AotDispatch
rid=linux-x64

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet publish "$project" -c Release -r "$rid" -p:PublishReadyToRun=true -o "$work/r2r" --nologo -v q > /dev/null
echo "== ReadyToRun (the JIT answers at run time)"
"$work/r2r/aot-dispatch"
for target in "${targets[@]}"; do
  set -- -p:PublishAot=true
  [ "$target" = default ] || set -- "$@" "-p:IlcInstructionSet=$target"
  dotnet publish "$project" -c Release -r "$rid" "$@" -o "$work/aot-$target" --nologo -v q > /dev/null
  echo "== Native AOT, IlcInstructionSet=$target"
  "$work/aot-$target/aot-dispatch"
done
