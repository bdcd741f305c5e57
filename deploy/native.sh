#!/usr/bin/env bash
# Publishes `accession` as Native AOT for linux-x64, one folder: three full builds of the CLI,
# `accession.x86-64-v2` (runs on every supported x86-64 machine), `accession.x86-64-v3` (AVX2) and
# `accession.x86-64-v4` (AVX-512), and `accession`, a small launcher (src/Accession.Launcher) that
# replaces itself with the best build this machine runs. Native AOT compiles each instruction-set
# check to a constant of its target, so no one build both runs everywhere and takes the AVX-512
# kernels. The folder is checked: `accession --version` must print the version.
#   deploy/native.sh [OUTDIR]
# LEVELS="x86-64-v2 x86-64-v4" builds only those (CI: the baseline and this machine's level).
# Needs: the .NET SDK (the ILCompiler package comes from the NuGet feed), clang or gcc, an x86-64 Linux machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TMPDIR:-/tmp}/accession-native}
work="$out.builds"
rm -rf "$out" "$work"
mkdir -p "$out"

publish() { # PROJECT LEVEL
  dotnet publish "$1" -c Release -r linux-x64 -p:PublishAot=true -p:SelfContained=true \
    -p:PublishReadyToRun=false -p:IlcInstructionSet="$2" -o "$work/$2" --nologo -v q > /dev/null
}

for level in ${LEVELS:-x86-64-v2 x86-64-v3 x86-64-v4}; do
  publish src/Accession.Cli "$level"
  cp "$work/$level/accession" "$out/accession.$level"
  # The native libraries the builds load (SQLite), one copy.
  find "$work/$level" -maxdepth 1 -name '*.so' -exec cp {} "$out/" \;
  rm -rf "${work:?}/$level"
done
publish src/Accession.Launcher x86-64-v2
cp "$work/x86-64-v2/Accession.Launcher" "$out/accession"
rm -rf "$work"

version=$("$out/accession" --version)
echo "accession --version: $version"
ls -l "$out"
