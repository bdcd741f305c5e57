#!/usr/bin/env bash
# Builds the `accession` .NET tool as users get it and checks it end to end. `dotnet pack` makes one
# package per platform in ToolPackageRuntimeIdentifiers (src/Accession.Cli/Accession.Cli.csproj) plus
# a portable one: linux-x64 carries the native form (deploy/native.sh builds it first: the launcher
# `accession` and one Native AOT build per x86-64 level, src/Accession.Cli/NativeToolPackage.targets
# packs it), every other platform is ReadyToRun (Native AOT cannot cross-compile to another OS).
# `dotnet tool install` installs from those packages alone into a fresh tool path (picking this
# machine's platform); the installed command must print its version, give the ISCC-SUM of a
# conformance vector that the vector file states through every build it carries, and be the native form.
#   deploy/tool-package.sh [WORKDIR]
# NATIVE_DIR names a folder deploy/native.sh made with all three levels, to pack it instead of building again.
# The installed command is WORKDIR/tool/accession. Needs: an x86-64 Linux machine, the .NET SDK,
# clang or gcc (Native AOT links with it), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-${TMPDIR:-/tmp}/accession-tool}")
shared=${ACCESSION_SHARED:-../shared}
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "the linux-x64 package is built on an x86-64 Linux machine"; exit 2; }
rm -rf "$work/packages" "$work/tool" "$work/native"
mkdir -p "$work"

native=$work/native
if [ -n "${NATIVE_DIR:-}" ]; then
  native=$(realpath -m "$NATIVE_DIR")
  . deploy/native-form-check.sh
  require_native_form deploy/tool-package.sh "$native"
else
  LEVELS= bash deploy/native.sh "$native"
fi
dotnet pack src/Accession.Cli -c Release -o "$work/packages" -p:NativeFormDir="$native" --nologo -v q
echo "packages:"
ls -1 "$work/packages"

version=$(sed -nE 's|.*<Version>(.+)</Version>.*|\1|p' Directory.Build.props | head -1)
dotnet tool install Accession --version "$version" --tool-path "$work/tool" --add-source "$work/packages" \
  --ignore-failed-sources --no-cache
accession="$work/tool/accession"

installed=$("$accession" --version)
echo "accession --version: $installed"
[[ $installed == "$version"* ]] || { echo "expected version $version, got '$installed'"; exit 1; }

# The installed command is the native form: the launcher with its three builds beside it and no
# managed assembly; NuGet gave every file one mode, so each build is as executable as the launcher.
entry=$(realpath "$accession")
folder=$(dirname "$entry")
echo "installed: ${entry#"$work/tool/"}"
ls -l "$folder"
[ ! -e "$folder/accession.dll" ] || { echo "the linux-x64 package is not the native form: accession.dll in it"; exit 1; }
for level in 2 3 4; do
  [ -x "$folder/accession.x86-64-v$level" ] || { echo "accession.x86-64-v$level missing or not executable"; exit 1; }
done
# Only the launcher knows ACCESSION_X86_LEVEL; it refuses a level that does not exist with exit 2.
set +e
refusal=$(ACCESSION_X86_LEVEL=9 "$accession" --version 2>&1)
refused=$?
set -e
[ "$refused" -eq 2 ] && [[ $refusal == *ACCESSION_X86_LEVEL* ]] \
  || { echo "the installed accession is not the launcher (ACCESSION_X86_LEVEL=9 gave exit $refused: $refusal)"; exit 1; }

# One ISCC-SUM vector (shared/vectors/iscc-sum): its bytes in a file, its code from the file; through
# the launcher's pick and with the level capped at each build's (the launcher never picks above the
# machine's level, so a cap above it runs the machine's build again).
read -r hex expected < <(python3 - "$shared/vectors/iscc-sum/test_vectors.json" <<'PY'
import json, sys
case = json.load(open(sys.argv[1]))["code_iscc_sum"]["test_0003_hello_128"]
data, wide, _ = case["inputs"]
assert data.startswith("stream:") and wide
print(data[len("stream:"):], case["outputs"]["iscc"])
PY
)
python3 -c 'import sys; open(sys.argv[1], "wb").write(bytes.fromhex(sys.argv[2]))' "$work/vector.bin" "$hex"
for cap in "" 2 3 4; do
  line=$(env ${cap:+ACCESSION_X86_LEVEL=$cap} "$accession" iscc "$work/vector.bin")
  echo "accession iscc${cap:+ (ACCESSION_X86_LEVEL=$cap)}: $line"
  [[ $line == "$expected "* ]] || { echo "expected $expected"; exit 1; }
done
echo "tool package OK"
