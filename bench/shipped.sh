#!/usr/bin/env bash
# The shipped-form table of docs/performance.md in one command: publishes `accession` with the plain
# command users run (ReadyToRun, set in the project file) and times it against its anchors, each
# pair in one hyperfine run (interleaved warm-ups, medians), so every ratio comes from one run:
#   start-up      accession iscc TINYFILE           vs b3sum TINYFILE
#   runtime floor accession iscc TINYFILE           vs an empty ReadyToRun program (what CoreCLR costs)
#   zarr 100k     accession zarr validate ZIP       vs python3 zipfile listing ZIP
#   ISCC-SUM 1G   accession iscc FILE (1 GiB)       vs b3sum --num-threads 1 FILE
#   tool start-up accession iscc TINYFILE, the .NET tool  vs b3sum TINYFILE
#   tool ISCC-SUM accession iscc FILE (1 GiB), the tool   vs b3sum --num-threads 1 FILE
# deploy/tool-package.sh builds and installs the tool; on linux-x64 it is the native form (the
# launcher and its Native AOT builds), so the tool rows measure that form as users get it.
#   bench/shipped.sh [RUNS=10] [WORKDIR]
# PARTS="startup floor" (any of startup floor tool tooliscc zarr iscc) measures only those.
# Needs: hyperfine, b3sum, python3, the .NET SDK (and what deploy/tool-package.sh needs for the tool rows).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=${2:-${TMPDIR:-/tmp}/accession-shipped}
parts=${PARTS:-startup floor tool tooliscc zarr iscc}
mkdir -p "$work"
wants() { [[ " $parts " == *" $1 "* ]]; }

dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
accession="$work/accession/accession"
if wants tool || wants tooliscc; then
  bash deploy/tool-package.sh "$work" > /dev/null
fi
tool="$work/tool/accession"

# The floor: an empty program published as accession is (ReadyToRun, framework-dependent).
if wants floor; then
  mkdir -p "$work/empty-src"
  cat > "$work/empty-src/empty.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishReadyToRun>true</PublishReadyToRun>
    <RuntimeIdentifier>$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$work/empty-src/Program.cs"
  dotnet publish "$work/empty-src" -c Release -o "$work/empty" --nologo -v q > /dev/null
fi

tiny="$work/tiny.txt"
printf 'hello world\n' > "$tiny"
archive="$work/bench-100000.ome.zarr.zip"
big="$work/random-1GiB.bin"
if wants zarr; then
  [ -f "$archive" ] || python3 bench/zarr-bench-zip.py "$archive" 100000
fi
if wants iscc || wants tooliscc; then
  [ -f "$big" ] || head -c $((1024 * 1024 * 1024)) /dev/urandom > "$big"
  cat "$big" > /dev/null   # page-cache it
fi

pair() { # name anchor-label anchor-command subject-label subject-command
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/$1.json" \
    -n "$2" "$3" -n "$4" "$5" > /dev/null
}
wants startup && pair startup "b3sum TINYFILE" "b3sum $tiny" "accession iscc TINYFILE" "$accession iscc $tiny"
wants floor && pair floor "empty ReadyToRun program" "$work/empty/empty" "accession iscc TINYFILE" "$accession iscc $tiny"
wants tool && pair tool "b3sum TINYFILE" "b3sum $tiny" "accession iscc TINYFILE (.NET tool)" "$tool iscc $tiny"
wants tooliscc && pair tooliscc "b3sum --num-threads 1" "b3sum --num-threads 1 --no-names $big" \
  "accession iscc (1 GiB, .NET tool)" "$tool iscc $big"
wants zarr && pair zarr "python3 zipfile listing" "python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).infolist()' $archive" \
  "accession zarr validate" "$accession zarr validate $archive"
wants iscc && pair iscc "b3sum --num-threads 1" "b3sum --num-threads 1 --no-names $big" "accession iscc (1 GiB)" "$accession iscc $big"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$parts" <<'PY'
import json, sys
work, parts = sys.argv[1], sys.argv[2].split()
print("| measure | anchor (median) | accession (median) | ratio |")
print("|---|---|---|---|")
for name, what, faster in [("startup", "start-up", False), ("floor", "start-up over the runtime's floor", False),
                           ("tool", "start-up, .NET tool", False),
                           ("tooliscc", "ISCC-SUM of 1 GiB, .NET tool", False),
                           ("zarr", "zarr validate, 100,000 entries", True),
                           ("iscc", "ISCC-SUM of 1 GiB", False)]:
    if name not in parts:
        continue
    anchor, subject = json.load(open(f"{work}/{name}.json"))["results"]
    a, s = anchor["median"], subject["median"]
    ratio = f"{a / s:.2f}x faster than the anchor" if faster else f"{s / a:.2f}x the anchor's time"
    print(f"| {what} | `{anchor['command']}` {a * 1000:.1f} ms | `{subject['command']}` {s * 1000:.1f} ms | {ratio} |")
PY
