#!/usr/bin/env bash
# The import processor's figures (spec pennsieve-import §5) in one command, against the test kit's fake
# Pennsieve on 127.0.0.1 (bench/Accession.Bench.Pennsieve serve), `accession` in its shipped form
# (dotnet publish). Each pair runs in one hyperfine run, so ratios come from the same conditions:
#   small files   SMALL_FILES (20,000) files of 2-8 KiB: minimal keep-alive client vs accession
#   big files     BIG_FILES (8) files of BIG_MIB (64) MiB: minimal keep-alive client vs accession
#   workers       accession with UPLOAD_WORKERS 1 2 4 8 16 on SWEEP_FILES (2,000) small files
# then peak RSS and the most bytes present under OUTPUT_DIR during one run of each (extracted to disk).
# The minimal client (bench/Accession.Bench.Pennsieve client) does the same wire work per file (presign
# GET + PUT over keep-alive connections, bodies from memory): the fake's ceiling on this machine.
#   [SMALL_FILES=20000 BIG_FILES=8 BIG_MIB=64 SWEEP_FILES=2000 WORKERS=4 RUNS=3 CASES="small big sweep"] bench/pennsieve.sh [WORKDIR]
# CASES picks the cases to run (e.g. CASES=big for the big-file pair alone).
# With PYTHON_PROCESSOR=DIR (a checkout of Pennsieve's processor-import-ome-zarr) the Python processor
# runs in the same hyperfine runs (Debian's python3 with python3-requests, -boto3 and -backoff;
# bench/python-processor/sitecustomize.py points its Cognito client at the fake).
# Needs: hyperfine, python3, the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
small=${SMALL_FILES:-20000}
big=${BIG_FILES:-8}
big_mib=${BIG_MIB:-64}
sweep=${SWEEP_FILES:-2000}
workers=${WORKERS:-4}
runs=${RUNS:-3}
cases=" ${CASES:-small big sweep} "
work=${1:-${TMPDIR:-/tmp}/accession-pennsieve-bench}
mkdir -p "$work"

dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
dotnet build bench/Accession.Bench.Pennsieve -c Release -o "$work/driver" --nologo -v q > /dev/null
accession="$work/accession/accession"
driver="$work/driver/Accession.Bench.Pennsieve"

archive() { # name files min max: one archive alone in $work/in-NAME
  mkdir -p "$work/in-$1"
  [ -f "$work/in-$1/$1.zip" ] || python3 bench/pennsieve-bench-zip.py "$work/in-$1/$1.zip" "$2" "$3" "$4"
  cat "$work/in-$1/$1.zip" > /dev/null   # page-cache it
}
runs_case() { [[ "$cases" == *" $1 "* ]]; }
runs_case small && archive "small-$small" "$small" 2048 8192
runs_case big && archive "big-$big" "$big" $((big_mib << 20)) $((big_mib << 20))
runs_case sweep && archive "sweep-$sweep" "$sweep" 2048 8192

# The fake lives while fd 3 (its stdin) is open, and 60 minutes at most. Without dynamic PGO its JIT
# settles after the warm-up below instead of recompiling on the shared cores through the first timed runs.
rm -f "$work/fake.in" "$work/fake.env"
mkfifo "$work/fake.in"
DOTNET_TieredPGO=0 "$driver" serve 60 < "$work/fake.in" > "$work/fake.env" &
fake=$!
exec 3> "$work/fake.in"
trap 'exec 3>&-; wait $fake' EXIT
for _ in $(seq 600); do [ "$(wc -l < "$work/fake.env")" -ge 4 ] && break; sleep 0.1; done
set -a
. "$work/fake.env"
ENVIRONMENT=bench IMPORTER_ENABLED=true PENNSIEVE_API_HOST=$BASE_URL PENNSIEVE_API_HOST2=$BASE_URL
AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=$BASE_URL
set +a
python_processor=${PYTHON_PROCESSOR:-}
"$driver" client "$BASE_URL" 5000 2048 8192 "$workers" > /dev/null   # warm-up, untimed
"$driver" client "$BASE_URL" "$big" $((big_mib << 20)) $((big_mib << 20)) "$workers" > /dev/null

import_command() { # name workers: the accession command line for archive NAME
  mkdir -p "$work/out-$1-$2"
  echo "env INPUT_DIR=$work/in-$1 OUTPUT_DIR=$work/out-$1-$2 UPLOAD_WORKERS=$2 $accession pennsieve-import --no-progress"
}
python_command() { # name: the Python processor's command line for archive NAME (it extracts to OUTPUT_DIR)
  echo "env PYTHONPATH=$python_processor:$PWD/bench/python-processor AWS_ACCESS_KEY_ID=unused AWS_SECRET_ACCESS_KEY=unused AWS_DEFAULT_REGION=us-east-1 INPUT_DIR=$work/in-$1 OUTPUT_DIR=$work/py-out UPLOAD_WORKERS=$workers /usr/bin/python3 -m processor.main"
}
pair() { # json-name archive-name files min max
  local python=()
  [ -n "$python_processor" ] && python=(-n "python processor" "$(python_command "$2")")
  hyperfine -N --runs "$runs" --export-json "$work/$1.json" --prepare "sh -c 'rm -rf $work/py-out && mkdir -p $work/py-out'" \
    -n "minimal client" "$driver client $BASE_URL $3 $4 $5 $workers" \
    -n "accession pennsieve-import" "$(import_command "$2" "$workers")" "${python[@]}" > /dev/null
}
runs_case small && pair small "small-$small" "$small" 2048 8192
runs_case big && pair big "big-$big" "$big" $((big_mib << 20)) $((big_mib << 20))
if runs_case sweep; then
  sweep_commands=()
  for w in 1 2 4 8 16; do sweep_commands+=(-n "UPLOAD_WORKERS=$w" "$(import_command "sweep-$sweep" "$w")"); done
  hyperfine -N --runs "$runs" --export-json "$work/sweep.json" "${sweep_commands[@]}" > /dev/null
fi

measure() { # name: "seconds peak-RSS-MiB peak-bytes-under-OUTPUT_DIR" of one import
  rm -rf "$work/out-$1-$workers" && mkdir -p "$work/out-$1-$workers"
  # shellcheck disable=SC2046
  python3 bench/pennsieve-measure.py "$work/out-$1-$workers" $(import_command "$1" "$workers")
}
runs_case small && measure "small-$small" > "$work/small.measure"
runs_case big && measure "big-$big" > "$work/big.measure"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command; UPLOAD_WORKERS=$workers unless stated; load:$(uptime | sed 's/.*load average://')"
python3 - "$work" "$small" "$big" "$big_mib" "$sweep" "$cases" <<'PY'
import json, sys
work, small, big, big_mib, sweep, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6].split()
print("| case | minimal client (median) | accession (median) | accession / client | Python processor (median) | accession peak RSS | bytes extracted to disk |")
print("|---|---|---|---|---|---|---|")
for name, label, files, mb in [("small", f"{small:,} files of 2-8 KiB", small, None), ("big", f"{big} files of {big_mib} MiB", big, big * big_mib * 1.048576)]:
    if name not in cases:
        continue
    client, subject, *python = json.load(open(f"{work}/{name}.json"))["results"]
    c, s = client["median"], subject["median"]
    rate = (lambda t: f"{files / t:,.0f} files/s") if mb is None else (lambda t: f"{mb / t:,.0f} MB/s")
    _, rss, disk = open(f"{work}/{name}.measure").read().split()
    py = f"{python[0]['median']:.2f} s, {rate(python[0]['median'])}, accession {python[0]['median'] / s:.1f} × faster" if python else "not run"
    print(f"| {label} | {c:.2f} s, {rate(c)} | {s:.2f} s, {rate(s)} | {c / s:.0%} | {py} | {rss} MiB | {int(disk):,} |")
if "sweep" in cases:
    print()
    print(f"| UPLOAD_WORKERS ({sweep:,} files of 2-8 KiB) | median | files/s |")
    print("|---|---|---|")
    for r in json.load(open(f"{work}/sweep.json"))["results"]:
        print(f"| {r['command']} | {r['median']:.2f} s | {sweep / r['median']:,.0f} |")
PY
