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
  python3 - "$archive" "$chunks" <<'PY'
import json, sys, zipfile
path, chunks = sys.argv[1], int(sys.argv[2])
rows = 1000
cols = max(1, chunks // rows)
group = {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "multiscales": [{
    "name": "bench",
    "axes": [{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}],
    "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0, 1.0]}]}]}]}}}
array = {"zarr_format": 3, "node_type": "array", "shape": [rows * 32, cols * 32], "data_type": "uint16",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [32, 32]}},
    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}}, "fill_value": 0,
    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "zstd", "configuration": {"level": 0}}],
    "dimension_names": ["y", "x"]}
payload = bytes(64)
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
    z.writestr("zarr.json", json.dumps(group))
    z.writestr("0/zarr.json", json.dumps(array))
    for r in range(rows):
        for c in range(cols):
            z.writestr(f"0/c/{r}/{c}", payload)
PY
fi

# Measure the tool as shipped: a ReadyToRun publish (precompiled, so start-up is not spent in the JIT).
case "$(uname -m)" in
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac
dotnet publish src/Accession.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/accession" -v quiet -nologo >/dev/null
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
