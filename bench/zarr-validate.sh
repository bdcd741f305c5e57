#!/usr/bin/env bash
# Whole-process timing of `accession zarr validate` on a zip with 100,000 chunk entries, against
# Python merely listing the same zip (zipfile.ZipFile(p).infolist()). Prints hyperfine's table, the
# ratios, and peak RSS from /usr/bin/time -v.
#   bench/zarr-validate.sh [CHUNKS] [WORKDIR]
# Targets: plain validation at least 3x faster than the Python listing, --deep at most 2x plain,
# peak RSS under 200 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

chunks=${1:-100000}
work=${2:-$(mktemp -d)}
archive="$work/bench-$chunks.ome.zarr.zip"

command -v hyperfine >/dev/null || { echo "hyperfine is required (https://github.com/sharkdp/hyperfine)"; exit 2; }

if [ ! -f "$archive" ]; then
  echo "writing $archive ($chunks chunk entries)"
  python3 bench/zarr-bench-zip.py "$archive" "$chunks"
fi

# Measure the tool as shipped: the plain publish command (ReadyToRun, set in the project file).
dotnet publish src/Accession.Cli -c Release -o "$work/accession" -v quiet -nologo >/dev/null
accession="$work/accession/accession"

"$accession" zarr validate "$archive" >/dev/null || { echo "the benchmark archive does not validate"; exit 1; }

json="$work/hyperfine.json"
hyperfine --warmup 2 --runs 10 --export-json "$json" \
  -n validate "$accession zarr validate $archive" \
  -n validate-deep "$accession zarr validate --deep $archive" \
  -n python-infolist "python3 -c \"import zipfile,sys; zipfile.ZipFile(sys.argv[1]).infolist()\" $archive"

python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
plain, deep, python = results["validate"], results["validate-deep"], results["python-infolist"]
print(f"python infolist / validate   = {python / plain:.2f}x  (target >= 3)")
print(f"validate --deep / validate   = {deep / plain:.2f}x  (target <= 2)")
PY

for mode in "" "--deep"; do
  rss=$( { /usr/bin/time -v "$accession" zarr validate $mode "$archive" >/dev/null; } 2>&1 | awk -F': ' '/Maximum resident set size/ {print $2}')
  echo "peak RSS validate $mode: $((rss / 1024)) MB (target < 200)"
done
