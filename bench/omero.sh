#!/usr/bin/env bash
# The OMERO service's performance table (docs/performance.md) in one command: publishes
# `accession` as shipped (ReadyToRun, `dotnet publish`), starts the test kit's fake OMERO.web on
# 127.0.0.1 (bench/Accession.Bench.Omero), and times each case against a minimal client that does only
# the HTTP work (omero-bench download|annotate|list), anchor and subject in one hyperfine run:
#   large file   accession omero-iscc --once (hash while downloading)  vs  raw download of the same file
#   many images  accession omero-iscc --once over N ~100 KiB images     vs  download each + post one annotation
#   idle poll    accession omero-iscc --once, all annotated, nothing new vs  one pass over the image listing
# and the peak RSS of each accession run (/usr/bin/time). Every run of the first two starts from
# unannotated images and an empty state file (hyperfine --prepare). The large case also prints the CPU
# time (user + system) of client and server for one run of each side, the budget two cores share.
#   bench/omero.sh [RUNS=5] [WORKDIR]   with LARGE_MIB (1024), SMALL_IMAGES (1000), IDLE_IMAGES (100000),
#   CASES (the cases to run: "large small idle")
# Small-scale check: LARGE_MIB=64 SMALL_IMAGES=100 IDLE_IMAGES=10000 bench/omero.sh 2
# Needs: hyperfine, curl, /usr/bin/time, python3, the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${2:-${TMPDIR:-/tmp}/accession-omero-bench}
large_mib=${LARGE_MIB:-1024}
cases=" ${CASES:-large small idle} "
small_images=${SMALL_IMAGES:-1000}
idle_images=${IDLE_IMAGES:-100000}
mkdir -p "$work"
touch "$work/started"

dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
dotnet build bench/Accession.Bench.Omero -c Release -o "$work/omero-bench" --nologo -v q > /dev/null
accession="$work/accession/accession"
bench="$work/omero-bench/omero-bench"
server_pid=

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

start_server() { # omero-bench serve arguments; sets url and control
  stop_server
  "$bench" serve --max-seconds 3600 "$@" > "$work/server.out" &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^control=' "$work/server.out" 2> /dev/null && break
    kill -0 "$server_pid" || { echo "omero-bench serve exited" >&2; exit 1; }
    sleep 0.1
  done
  url=$(sed -n 's/^url=//p' "$work/server.out")
  control=$(sed -n 's/^control=//p' "$work/server.out")
  export OMERO_ISCC_WEB_URL="$url"
}

export OMERO_ISCC_USERNAME=bench OMERO_ISCC_PASSWORD=bench OMERO_ISCC_STATE_PATH="$work/state.sqlite"
export OMERO_ISCC_LOG_LEVEL=warning OMERO_ISCC_BATCH_SIZE=100000
reset="curl -sf -X POST \$control > /dev/null && rm -f $work/state.sqlite*"

pair() { # name anchor-label anchor-command subject-label subject-command [hyperfine options]
  local name=$1 anchor_label=$2 anchor=$3 subject_label=$4 subject=$5
  shift 5
  control=$control hyperfine --warmup 1 --runs "$runs" --export-json "$work/$name.json" "$@" \
    -n "$anchor_label" "$anchor" -n "$subject_label" "$subject" > /dev/null
}

peak_rss() { # name command...: the peak RSS in KiB of one run
  /usr/bin/time -f '%M' -o "$work/$1.rss" "${@:2}" > /dev/null
}

server_cpu() { # the server's CPU time so far (user + system), in clock ticks
  awk '{ print $14 + $15 }' "/proc/$server_pid/stat"
}

cpu_time() { # label command...: client and server CPU time of one run from a reset state
  eval "$reset"
  local before after ticks
  before=$(server_cpu)
  /usr/bin/time -f '%U %S %e' -o "$work/cpu.out" "${@:2}" > /dev/null
  after=$(server_cpu)
  ticks=$(getconf CLK_TCK)
  read -r user system elapsed < "$work/cpu.out"
  awk -v l="$1" -v u="$user" -v s="$system" -v e="$elapsed" -v t=$((after - before)) -v hz="$ticks" 'BEGIN {
    printf "%s: client %.2f core-s (user %.2f, sys %.2f), server %.2f core-s, together %.2f core-s in %.2f s\n", l, u + s, u, s, t / hz, u + s + t / hz, e }'
}

if [[ $cases == *" large "* ]]; then
  start_server --images 1 --size $((large_mib * 1024 * 1024))
  export control
  pair large "raw download" "$bench download --url $url --image 1" \
    "accession omero-iscc --once" "$accession omero-iscc --once" --prepare "$reset"
  eval "$reset"; peak_rss large "$accession" omero-iscc --once
  cpu_time "large, raw download" "$bench" download --url "$url" --image 1
  cpu_time "large, accession" "$accession" omero-iscc --once
fi

if [[ $cases == *" small "* ]]; then
  start_server --images "$small_images" --size 102400
  pair small "download + annotate" "$bench annotate --url $url --concurrency 4" \
    "accession omero-iscc --once" "$accession omero-iscc --once" --prepare "$reset"
  eval "$reset"; peak_rss small "$accession" omero-iscc --once
fi

if [[ $cases == *" idle "* ]]; then
  start_server --images "$idle_images" --size 1024 --annotated
  rm -f "$work/state.sqlite"*
  "$accession" omero-iscc --once > /dev/null   # the service has seen every image: its watermark is the highest id
  pair idle "listing pass" "$bench list --url $url" "accession omero-iscc --once" "$accession omero-iscc --once"
  peak_rss idle "$accession" omero-iscc --once
fi
stop_server

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command;" \
  "large file $large_mib MiB, $small_images images of 100 KiB, idle poll over $idle_images images"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
print("| case | minimal client (median) | accession (median) | ratio | accession peak RSS |")
print("|---|---|---|---|---|")
cases = [("large", "large file, hash while downloading", "throughput {:.0%} of the raw download", lambda a, s: a / s),
         ("small", "many small images annotated", "rate {:.0%} of download + annotate", lambda a, s: a / s),
         ("idle", "idle poll, nothing new", "{:.2f}x one listing pass", lambda a, s: s / a)]
for name, what, form, ratio in cases:
    if not os.path.exists(f"{work}/{name}.json") or os.path.getmtime(f"{work}/{name}.json") < os.path.getmtime(f"{work}/started"):
        continue
    anchor, subject = json.load(open(f"{work}/{name}.json"))["results"]
    a, s = anchor["median"], subject["median"]
    rss = int(open(f"{work}/{name}.rss").read().split()[-1]) / 1024
    print(f"| {what} | {a:.3f} s | {s:.3f} s | {form.format(ratio(a, s))} | {rss:.0f} MiB |")
PY
