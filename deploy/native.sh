#!/usr/bin/env bash
# Publishes `accession` as Native AOT for linux-x64 in three builds, one folder: `accession` for
# x86-64-v2 (runs on every supported x86-64 machine), and `accession.x86-64-v3` (AVX2) and
# `accession.x86-64-v4` (AVX-512) beside it. Native AOT compiles each instruction-set check to a
# constant of its target, so no one build both runs everywhere and takes the AVX-512 kernels; the
# baseline hands the process to the best build this machine runs (src/Accession.Cli/Startup) before
# it does anything else. Each build is checked: it must print the version.
#   deploy/native.sh [OUTDIR]
# Needs: the .NET SDK (the ILCompiler package comes from the NuGet feed), clang or gcc, an x86-64 Linux machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TMPDIR:-/tmp}/accession-native}
work="$out.builds"
rm -rf "$out" "$work"
mkdir -p "$out"

for level in x86-64-v2 x86-64-v3 x86-64-v4; do
  dotnet publish src/Accession.Cli -c Release -r linux-x64 -p:PublishAot=true -p:SelfContained=true \
    -p:PublishReadyToRun=false -p:IlcInstructionSet=$level -o "$work/$level" --nologo -v q > /dev/null
  name=accession
  [ $level = x86-64-v2 ] || name=accession.$level
  cp "$work/$level/accession" "$out/$name"
done
# The native libraries the builds load (SQLite), one copy.
find "$work/x86-64-v2" -maxdepth 1 -name '*.so' -exec cp {} "$out/" \;
rm -rf "$work"

version=$("$out/accession" --version)
echo "accession --version: $version"
ls -l "$out"
