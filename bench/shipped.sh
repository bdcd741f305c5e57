#!/usr/bin/env bash
# The shipped-form table of docs/performance.md in one command: publishes `accession` with the plain
# command users run (ReadyToRun, set in the project file) and times it against its anchors, each
# pair in one hyperfine run (interleaved warm-ups, medians), so every ratio comes from one run:
#   start-up      accession iscc TINYFILE           vs b3sum TINYFILE
#   tool start-up the same, run as the installed .NET tool (deploy/tool-package.sh builds it)
#   zarr 100k     accession zarr validate ZIP       vs python3 zipfile listing ZIP
#   ISCC-SUM 1G   accession iscc FILE (1 GiB)       vs b3sum --num-threads 1 FILE
#   bench/shipped.sh [RUNS=10] [WORKDIR]
# Needs: hyperfine, b3sum, python3, the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=${2:-${TMPDIR:-/tmp}/accession-shipped}
mkdir -p "$work"

dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
accession="$work/accession/accession"
bash deploy/tool-package.sh "$work" > /dev/null
tool="$work/tool/accession"

tiny="$work/tiny.txt"
printf 'hello world\n' > "$tiny"
archive="$work/bench-100000.ome.zarr.zip"
[ -f "$archive" ] || python3 bench/zarr-bench-zip.py "$archive" 100000
big="$work/random-1GiB.bin"
[ -f "$big" ] || head -c $((1024 * 1024 * 1024)) /dev/urandom > "$big"
cat "$big" > /dev/null   # page-cache it

pair() { # name anchor-label anchor-command subject-label subject-command
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/$1.json" \
    -n "$2" "$3" -n "$4" "$5" > /dev/null
}
pair startup "b3sum TINYFILE" "b3sum $tiny" "accession iscc TINYFILE" "$accession iscc $tiny"
pair tool "b3sum TINYFILE" "b3sum $tiny" "accession iscc TINYFILE (.NET tool)" "$tool iscc $tiny"
pair zarr "python3 zipfile listing" "python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).infolist()' $archive" \
  "accession zarr validate" "$accession zarr validate $archive"
pair iscc "b3sum --num-threads 1" "b3sum --num-threads 1 --no-names $big" "accession iscc (1 GiB)" "$accession iscc $big"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
print("| measure | anchor (median) | accession (median) | ratio |")
print("|---|---|---|---|")
for name, what, faster in [("startup", "start-up", False), ("tool", "start-up, .NET tool", False),
                           ("zarr", "zarr validate, 100,000 entries", True),
                           ("iscc", "ISCC-SUM of 1 GiB", False)]:
    anchor, subject = json.load(open(f"{work}/{name}.json"))["results"]
    a, s = anchor["median"], subject["median"]
    ratio = f"{a / s:.2f}x faster than the anchor" if faster else f"{s / a:.2f}x the anchor's time"
    print(f"| {what} | `{anchor['command']}` {a * 1000:.1f} ms | `{subject['command']}` {s * 1000:.1f} ms | {ratio} |")
PY
