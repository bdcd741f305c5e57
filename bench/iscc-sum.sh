#!/usr/bin/env bash
# Whole-process comparison of Accession's BLAKE3, Data-Code and ISCC-SUM against b3sum on one
# page-cached file. Prints hyperfine tables, ratios to `b3sum --num-threads 1`, the two-thread
# Data-Code against the sequential chunker and one thread in interleaved rounds (ReadyToRun and native
# kernel program), and peak RSS.
#   bench/iscc-sum.sh [SIZE_MIB=1024] [FILE]
# Needs: b3sum, hyperfine (apt-get install b3sum hyperfine), the .NET SDK.
# `accession iscc --narrow` runs in both shipped forms; the native one (deploy/native.sh) takes minutes
# to build: NATIVE_DIR=FOLDER reuses one built before.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
file=${2:-${TMPDIR:-/tmp}/accession-bench-${size_mib}MiB.bin}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -f "$file" ]; then
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$file"
fi
cat "$file" > /dev/null   # page-cache it

# The tool as shipped (the plain publish command: ReadyToRun, set in the project file); the kernels
# ReadyToRun too, so neither spends its start-up in the JIT.
dotnet publish src/Accession.Cli -c Release -o "$out/cli" --nologo -v q > /dev/null
rid=$(dotnet --info | awk '/ RID:/ {print $2; exit}')
dotnet publish bench/Accession.Bench.Kernels -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/bench" --nologo -v q > /dev/null
cli="$out/cli/accession"
source bench/native-form.sh
native="$(native_form "$out/native")/accession"
kern="$out/bench/Accession.Bench.Kernels"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "file: $file ($size_mib MiB, page-cached)"
hyperfine --warmup 2 --runs 7 --export-json "$out/h.json" \
  -n "b3sum --num-threads 1" "b3sum --num-threads 1 --no-names $file" \
  -n "b3sum" "b3sum --no-names $file" \
  -n "blake3 1 thread" "$kern blake3 --threads 1 $file" \
  -n "blake3 all threads" "$kern blake3 --threads -1 $file" \
  -n "data-code" "$kern datacode $file" \
  -n "data-code speculative, 1 thread" "$kern datacode --threads 1 $file" \
  -n "data-code speculative, 2 threads" "$kern datacode --threads 2 $file" \
  -n "accession iscc --narrow" "$cli iscc --narrow $file" \
  -n "accession iscc --narrow (native)" "$native iscc --narrow $file" \
  -n "accession iscc --narrow --no-mmap" "$cli iscc --narrow --no-mmap $file"

python3 - "$out/h.json" "$size_mib" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
mib = int(sys.argv[2])
base = next(r["median"] for r in results if r["command"] == "b3sum --num-threads 1")
threaded = next(r["median"] for r in results if r["command"] == "b3sum")
print(f"\n| command | median s | GB/s | × b3sum -t1 | × b3sum |")
print("|---|---|---|---|---|")
for r in results:
    gbs = mib * 1048576 / r["median"] / 1e9
    print(f"| {r['command']} | {r['median']:.3f} | {gbs:.2f} | {base / r['median']:.2f} | {threaded / r['median']:.2f} |")
PY

# The Data-Code on two threads against the sequential chunker and against the pipeline on one thread,
# in interleaved rounds (bench/cpu-time.py: every round runs each command once), so a drift of the
# machine's speed between hyperfine's back-to-back batches does not land in the ratio; the same runs on
# 1 MiB give the program's fixed cost, for the ratios without it.
# The kernel program runs ReadyToRun and, on x86-64, as Native AOT for this machine's level like the
# shipped native form, whose fixed cost has no JIT in it.
head -c 1048576 "$file" > "$out/one-mib.bin"
kernels=("ReadyToRun:$kern")
if [ "$(uname -m)" = x86_64 ]; then
  level=x86-64-v2
  grep -qw avx2 /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && level=x86-64-v3
  grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && grep -qw avx512vl /proc/cpuinfo \
    && grep -qw avx512dq /proc/cpuinfo && grep -qw avx512cd /proc/cpuinfo && level=x86-64-v4
  dotnet publish bench/Accession.Bench.Kernels -c Release -r linux-x64 -p:PublishAot=true -p:SelfContained=true \
    -p:PublishReadyToRun=false -p:IlcInstructionSet=$level -o "$out/bench-native" --nologo -v q > /dev/null
  kernels+=("native $level:$out/bench-native/Accession.Bench.Kernels")
fi
for entry in "${kernels[@]}"; do
  form=${entry%%:*} k=${entry#*:}
  echo
  echo "data-code, interleaved rounds, kernel program $form:"
  python3 bench/cpu-time.py 15 "$k datacode $file" "$k datacode --threads 1 $file" "$k datacode --threads 2 $file" \
    "$k datacode $out/one-mib.bin" "$k datacode --threads 1 $out/one-mib.bin" "$k datacode --threads 2 $out/one-mib.bin" \
    | tee "$out/rounds.txt"
  python3 - "$out/rounds.txt" "$form" <<'PY'
import re, sys
walls = [float(re.search(r"wall\s+([\d.]+) ms", line).group(1)) for line in open(sys.argv[1])]
(seq, one, two), (seq_small, one_small, two_small) = walls[:3], walls[3:]
for name, base, base_small in (("the sequential chunker", seq, seq_small), ("the pipeline on 1 thread", one, one_small)):
    print(f"data-code ({sys.argv[2]}), 2 threads vs {name} (wall medians of interleaved rounds): {base / two:.2f} x; "
          f"without the fixed cost of a 1 MiB run: {(base - base_small) / (two - two_small):.2f} x")
PY
done

echo
for cmd in "$cli iscc --narrow $file" "$kern blake3 --threads -1 $file"; do
  rss=$(/usr/bin/time -f '%M' $cmd 2>&1 >/dev/null | tail -1)
  echo "peak RSS $((rss / 1024)) MiB: $cmd"
done
