#!/usr/bin/env bash
# Builds the `accession` .NET tool as users get it and checks it end to end: `dotnet pack` makes one
# ReadyToRun package per platform in ToolPackageRuntimeIdentifiers (src/Accession.Cli/Accession.Cli.csproj)
# plus a portable one; `dotnet tool install` installs from those packages alone into a fresh tool
# path (picking this machine's platform); the installed command must print its version and give the
# ISCC-SUM of a conformance vector that the vector file states.
#   deploy/tool-package.sh [WORKDIR]
# The installed command is WORKDIR/tool/accession. Needs: the .NET SDK, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/accession-tool}
shared=${ACCESSION_SHARED:-../shared}
rm -rf "$work/packages" "$work/tool"
mkdir -p "$work"

dotnet pack src/Accession.Cli -c Release -o "$work/packages" --nologo -v q
echo "packages:"
ls -1 "$work/packages"

version=$(sed -nE 's|.*<Version>(.+)</Version>.*|\1|p' Directory.Build.props | head -1)
dotnet tool install Accession --version "$version" --tool-path "$work/tool" --add-source "$work/packages" \
  --ignore-failed-sources --no-cache
accession="$work/tool/accession"

installed=$("$accession" --version)
echo "accession --version: $installed"
[[ $installed == "$version"* ]] || { echo "expected version $version, got '$installed'"; exit 1; }

# The machine's platform package is ReadyToRun: its assembly carries precompiled code.
store=$(find "$work/tool/.store/accession" -name accession.dll -path '*/tools/*' | head -1)
echo "installed: ${store#"$work/tool/"}"

# One ISCC-SUM vector (shared/vectors/iscc-sum): its bytes in a file, its code from the file.
read -r hex expected < <(python3 - "$shared/vectors/iscc-sum/test_vectors.json" <<'PY'
import json, sys
case = json.load(open(sys.argv[1]))["code_iscc_sum"]["test_0003_hello_128"]
data, wide, _ = case["inputs"]
assert data.startswith("stream:") and wide
print(data[len("stream:"):], case["outputs"]["iscc"])
PY
)
python3 -c 'import sys; open(sys.argv[1], "wb").write(bytes.fromhex(sys.argv[2]))' "$work/vector.bin" "$hex"
line=$("$accession" iscc "$work/vector.bin")
echo "accession iscc: $line"
[[ $line == "$expected "* ]] || { echo "expected $expected"; exit 1; }
echo "tool package OK"
