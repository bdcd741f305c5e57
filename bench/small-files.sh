#!/usr/bin/env bash
# The many-small-files table of docs/performance.md in one command: publishes `accession` as shipped
# (ReadyToRun) and times it against `b3sum` on the same files, each group in one hyperfine run
# (medians), so every ratio comes from one run:
#   flat   20,000 random files of 2-8 KiB in 50 folders (bench/small-files-tree.py flat)
#   zarr   an OME-Zarr-like folder of 100,000 chunk files of 1-4 KiB (bench/small-files-tree.py zarr)
# For each tree: `accession iscc DIR` (also --narrow, --units, -o) and `--tree` against
# `find DIR -type f -print0 | xargs -0 b3sum`; the same on one core (taskset -c 0); `--walk` against
# `find DIR -type f | sort`. Peak RSS of `accession iscc` is printed per tree.
#   bench/small-files.sh [RUNS=10] [WORKDIR]
# Needs: hyperfine, b3sum, python3, taskset, GNU time, the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=${2:-${TMPDIR:-/tmp}/accession-small-files}
mkdir -p "$work"

dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
accession="$work/accession/accession"

for tree in flat zarr; do
  [ -d "$work/$tree" ] || python3 bench/small-files-tree.py "$tree" "$work/$tree.tmp"
  [ -d "$work/$tree.tmp" ] && mv "$work/$tree.tmp" "$work/$tree"
  find "$work/$tree" -type f -print0 | xargs -0 cat > /dev/null   # page-cache it
done

group() { # name command... (the first command is the anchor)
  local name=$1; shift
  local args=()
  for command in "$@"; do args+=(-n "$command" "$command"); done
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/$name.json" "${args[@]}" > /dev/null
}

for tree in flat zarr; do
  d="$work/$tree"
  b3="bash -c 'find $d -type f -print0 | xargs -0 b3sum'"
  group "$tree-sums" "$b3" "$accession iscc $d" "$accession iscc --narrow $d" "$accession iscc --units $d" \
    "$accession iscc -o $work/sums.txt $d" "$accession iscc --tree $d"
  group "$tree-one-core" "taskset -c 0 $b3" "taskset -c 0 $accession iscc $d"
  group "$tree-walk" "bash -c 'find $d -type f | sort'" "$accession iscc --walk $d"
  /usr/bin/time -f "%M" -o "$work/$tree-rss.txt" "$accession" iscc "$d" > /dev/null
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
print("| tree | command | median s | × the anchor (first line of its group) |")
print("|---|---|---|---|")
for tree in ("flat", "zarr"):
    for group in ("sums", "one-core", "walk"):
        results = json.load(open(f"{work}/{tree}-{group}.json"))["results"]
        anchor = results[0]["median"]
        for r in results:
            command = r["command"].replace(work + "/accession/", "").replace(work + "/", "")
            print(f"| {tree} | `{command}` | {r['median']:.3f} | {r['median'] / anchor:.2f} |")
    rss = int(open(f"{work}/{tree}-rss.txt").read().split()[-1]) // 1024
    print(f"| {tree} | peak RSS of `accession iscc` | {rss} MiB | |")
PY
