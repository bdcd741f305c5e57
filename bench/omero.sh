#!/usr/bin/env bash
# The OMERO service's performance table (docs/performance.md) in one command: publishes `accession`
# in the forms it ships in, starts the test kit's fake OMERO.web on 127.0.0.1
# (bench/Accession.Bench.Omero), and times each case against a minimal client that does only the HTTP
# work (omero-bench download|annotate|list), the anchor and every form in one hyperfine run:
#   large file   accession omero-iscc --once (hash while downloading)  vs  raw download of the same file
#   many images  accession omero-iscc --once over N ~100 KiB images     vs  download each + post one annotation
#   idle poll    accession omero-iscc --once, all annotated, nothing new vs  one pass over the image listing
# and the peak RSS of each form's run (/usr/bin/time). Every run of the first two starts from
# unannotated images and an empty state file (hyperfine --prepare). The large case also prints the CPU
# time (user + system) of client and server for one run of each command, the budget two cores share.
#   bench/omero.sh [RUNS=5] [WORKDIR]   with LARGE_MIB (1024), SMALL_IMAGES (1000), IDLE_IMAGES (100000),
#   CASES (the cases to run: "large small idle") and FORMS (the forms to measure: "r2r native"):
#     r2r     ReadyToRun, as `dotnet publish` makes it (the .NET tool; the images with FORM=r2r);
#     native  the Native AOT folder of deploy/native.sh, started through its launcher: built here
#             (LEVELS="x86-64-v4" builds only that level, see deploy/native.sh), or NATIVE_DIR names
#             a folder deploy/native.sh made before.
# Small-scale check: LARGE_MIB=64 SMALL_IMAGES=100 IDLE_IMAGES=10000 FORMS=r2r bench/omero.sh 2
# Needs: hyperfine, curl, /usr/bin/time, python3, the .NET SDK (and clang or gcc for the native form).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${2:-${TMPDIR:-/tmp}/accession-omero-bench}
large_mib=${LARGE_MIB:-1024}
cases=" ${CASES:-large small idle} "
forms=${FORMS:-r2r native}
small_images=${SMALL_IMAGES:-1000}
idle_images=${IDLE_IMAGES:-100000}
mkdir -p "$work"
touch "$work/started"

source bench/native-form.sh
declare -A program
for form in $forms; do
  case $form in
    r2r)
      dotnet publish src/Accession.Cli -c Release -o "$work/accession" --nologo -v q > /dev/null
      program[r2r]="$work/accession/accession" ;;
    native)
      program[native]="$(native_form "$work/accession-native")/accession" ;;
    *)
      echo "bench/omero.sh: FORMS has '$form'; the forms are r2r and native" >&2
      exit 2 ;;
  esac
done
echo "$forms" > "$work/forms"
dotnet build bench/Accession.Bench.Omero -c Release -o "$work/omero-bench" --nologo -v q > /dev/null
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

pair() { # name anchor-label anchor-command [hyperfine options]: the anchor, then `accession omero-iscc --once` in each form
  local name=$1 form
  local commands=(-n "$2" "$3")
  shift 3
  for form in $forms; do
    commands+=(-n "accession omero-iscc --once ($form)" "${program[$form]} omero-iscc --once")
  done
  control=$control hyperfine --warmup 1 --runs "$runs" --export-json "$work/$name.json" "$@" "${commands[@]}" > /dev/null
}

peak_rss() { # name: the peak RSS in KiB of one `accession omero-iscc --once` run per form, each from a reset state
  local form
  for form in $forms; do
    eval "$reset"
    /usr/bin/time -f '%M' -o "$work/$1.$form.rss" "${program[$form]}" omero-iscc --once > /dev/null
  done
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
  pair large "raw download" "$bench download --url $url --image 1" --prepare "$reset"
  peak_rss large
  cpu_time "large, raw download" "$bench" download --url "$url" --image 1
  for form in $forms; do
    cpu_time "large, accession ($form)" "${program[$form]}" omero-iscc --once
  done
fi

if [[ $cases == *" small "* ]]; then
  start_server --images "$small_images" --size 102400
  pair small "download + annotate" "$bench annotate --url $url --concurrency 4" --prepare "$reset"
  peak_rss small
fi

if [[ $cases == *" idle "* ]]; then
  start_server --images "$idle_images" --size 1024 --annotated
  rm -f "$work/state.sqlite"*
  # The service has seen every image: its watermark is the highest id, and every form polls from there.
  "${program[${forms%% *}]}" omero-iscc --once > /dev/null
  pair idle "listing pass" "$bench list --url $url"
  reset=true
  peak_rss idle
fi
stop_server

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command;" \
  "large file $large_mib MiB, $small_images images of 100 KiB, idle poll over $idle_images images"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
forms = open(f"{work}/forms").read().split()
print("| case | form | minimal client (median) | accession (median) | ratio | accession peak RSS |")
print("|---|---|---|---|---|---|")
cases = [("large", "large file, hash while downloading", "throughput {:.0%} of the raw download", lambda a, s: a / s),
         ("small", "many small images annotated", "rate {:.0%} of download + annotate", lambda a, s: a / s),
         ("idle", "idle poll, nothing new", "{:.2f}x one listing pass", lambda a, s: s / a)]
for name, what, form, ratio in cases:
    if not os.path.exists(f"{work}/{name}.json") or os.path.getmtime(f"{work}/{name}.json") < os.path.getmtime(f"{work}/started"):
        continue
    anchor, *subjects = json.load(open(f"{work}/{name}.json"))["results"]
    a = anchor["median"]
    for shipped, subject in zip(forms, subjects):
        s = subject["median"]
        rss = int(open(f"{work}/{name}.{shipped}.rss").read().split()[-1]) / 1024
        print(f"| {what} | {shipped} | {a:.3f} s | {s:.3f} s | {form.format(ratio(a, s))} | {rss:.0f} MiB |")
PY
