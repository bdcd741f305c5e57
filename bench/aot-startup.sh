#!/usr/bin/env bash
# The native form (deploy/native.sh: Native AOT, a launcher that starts the x86-64-v2, -v3 or -v4
# build for this CPU) against the shipped ReadyToRun publish, each set of commands in one run:
#   start-up   accession iscc TINYFILE: native (through the launcher), the v4 build started directly,
#              ReadyToRun, and b3sum TINYFILE; the launcher alone (starting /bin/true in place of a
#              build) and /bin/true; hyperfine (wall) and bench/cpu-time.py (CPU, interleaved)
#   ISCC-SUM   accession iscc FILE of 1 GiB, page-cached: native, ReadyToRun, b3sum --num-threads 1
# and the size of each form.
#   bench/aot-startup.sh [RUNS=20] [WORKDIR] [BIGDIR=/dev/shm]
# PARTS="startup iscc" (either) measures only those. Building the native form takes minutes:
# NATIVE_DIR=FOLDER reuses one deploy/native.sh built before. Needs: hyperfine, b3sum, python3, the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=${2:-${TMPDIR:-/tmp}/accession-aot-startup}
bigdir=${3:-/dev/shm}
parts=${PARTS:-startup iscc}
mkdir -p "$work"
source bench/native-form.sh
wants() { [[ " $parts " == *" $1 "* ]]; }
summary() { # JSON TITLE: each command's median, its ratio to the first (the anchor), its CPU time
  python3 - "$1" "$2" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
anchor = results[0]["median"]
print(sys.argv[2])
for r in results:
    print(f"  {r['median'] * 1000:7.1f} ms  x{r['median'] / anchor:5.2f}  cpu {(r['user'] + r['system']) * 1000:7.1f} ms  {r['command']}")
PY
}

native_folder=$(native_form "$work/native")
dotnet publish src/Accession.Cli -c Release -o "$work/r2r" --nologo -v q > /dev/null
native="$native_folder/accession"
r2r="$work/r2r/accession"
# The launcher with /bin/true in place of every build: what the launcher itself costs.
rm -rf "$work/launcher" && mkdir "$work/launcher" && cp "$native" "$work/launcher/accession"
for level in 2 3 4; do ln -s "$(type -P true)" "$work/launcher/accession.x86-64-v$level"; done
launcher="$work/launcher/accession"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sizes: native $(du -sb "$native_folder" | cut -f1) bytes in all ($(stat -c %s "$native.x86-64-v4") the v4 build);" \
  "ReadyToRun $(du -sb "$work/r2r" | cut -f1) bytes (framework-dependent); the launcher $(stat -c %s "$native") bytes"

if wants startup; then
  tiny="$work/tiny.txt"
  printf 'hello world\n' > "$tiny"
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/startup.json" \
    -n "b3sum TINYFILE" "b3sum $tiny" \
    -n "native accession iscc TINYFILE (launcher)" "$native iscc $tiny" \
    -n "native v4 build, started directly" "$native.x86-64-v4 iscc $tiny" \
    -n "ReadyToRun accession iscc TINYFILE" "$r2r iscc $tiny" \
    -n "the launcher starting /bin/true" "$launcher iscc $tiny" \
    -n "/bin/true" "$(type -P true) iscc $tiny" > /dev/null
  summary "$work/startup.json" "start-up (hyperfine, wall medians; CPU means):"
  echo "start-up (CPU, user + system, medians of interleaved rounds):"
  python3 bench/cpu-time.py "$runs" "b3sum $tiny" "$native iscc $tiny" "$native.x86-64-v4 iscc $tiny" "$r2r iscc $tiny" \
    "$launcher iscc $tiny" "$(type -P true) iscc $tiny"
fi

if wants iscc; then
  big="$bigdir/accession-aot-startup-1GiB.bin"
  [ -f "$big" ] || head -c $((1024 * 1024 * 1024)) /dev/urandom > "$big"
  cat "$big" > /dev/null
  hyperfine -N --warmup 1 --runs "$((runs < 7 ? runs : 7))" --export-json "$work/iscc.json" \
    -n "b3sum --num-threads 1" "b3sum --num-threads 1 --no-names $big" \
    -n "native accession iscc (1 GiB)" "$native iscc $big" \
    -n "ReadyToRun accession iscc (1 GiB)" "$r2r iscc $big" > /dev/null
  summary "$work/iscc.json" "ISCC-SUM of 1 GiB (hyperfine, wall medians; CPU means):"
  [ -n "${KEEP_BIG:-}" ] || rm -f "$big"
fi
