#!/usr/bin/env bash
# The many-small-files table of docs/performance.md in one command: times `accession` in both forms it
# ships in, the ReadyToRun publish and the native form (deploy/native.sh: Native AOT builds behind a
# launcher), against `b3sum` on the same files, each group in one hyperfine run (medians), so every
# ratio of either form comes from one run:
#   flat   20,000 random files of 2-8 KiB in 50 folders (bench/small-files-tree.py flat)
#   zarr   an OME-Zarr-like folder of 100,000 chunk files of 1-4 KiB (bench/small-files-tree.py zarr)
# For each tree: `accession iscc DIR` (also --narrow, --units, -o) and `--tree` against
# `find DIR -type f -print0 | xargs -0 b3sum`; the same on one core (taskset -c 0); `--walk` against
# `find DIR -type f | sort`. Peak RSS of `accession iscc` is printed per tree and form.
#   bench/small-files.sh [RUNS=10] [WORKDIR]
# Building the native form takes minutes: NATIVE_DIR=FOLDER reuses one deploy/native.sh built before.
# FORMS="r2r" or FORMS="native" times only that form; TREES="flat" or TREES="zarr" only that tree.
# Needs: hyperfine, b3sum, python3, taskset, GNU time, the .NET SDK (and clang or gcc for the native form).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=${2:-${TMPDIR:-/tmp}/accession-small-files}
forms=${FORMS:-r2r native}
trees=${TREES:-flat zarr}
mkdir -p "$work"
source bench/native-form.sh

# Each form's name and the folder that holds its `accession`.
names=() folders=()
if [[ " $forms " == *" r2r "* ]]; then
  dotnet publish src/Accession.Cli -c Release -o "$work/r2r" --nologo -v q > /dev/null
  names+=(ReadyToRun) folders+=("$work/r2r")
fi
if [[ " $forms " == *" native "* ]]; then
  names+=(native) folders+=("$(native_form "$work/native")")
fi
[ ${#folders[@]} -gt 0 ] || { echo "FORMS=$forms: name r2r, native or both" >&2; exit 2; }

for tree in $trees; do
  [ -d "$work/$tree" ] || python3 bench/small-files-tree.py "$tree" "$work/$tree.tmp"
  [ -d "$work/$tree.tmp" ] && mv "$work/$tree.tmp" "$work/$tree"
  find "$work/$tree" -type f -print0 | xargs -0 cat > /dev/null   # page-cache it
done

group() { # NAME ANCHOR TEMPLATE...: the anchor, then each template in every form (@ stands for its accession), in one run
  local name=$1 args=(-n "$2" "$2") folder template
  shift 2
  for folder in "${folders[@]}"; do
    for template in "$@"; do
      args+=(-n "${template//@/$folder/accession}" "${template//@/$folder/accession}")
    done
  done
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/$name.json" "${args[@]}" > /dev/null
}

for tree in $trees; do
  d="$work/$tree"
  b3="bash -c 'find $d -type f -print0 | xargs -0 b3sum'"
  group "$tree-sums" "$b3" "@ iscc $d" "@ iscc --narrow $d" "@ iscc --units $d" "@ iscc -o $work/sums.txt $d" "@ iscc --tree $d"
  group "$tree-one-core" "taskset -c 0 $b3" "taskset -c 0 @ iscc $d"
  group "$tree-walk" "bash -c 'find $d -type f | sort'" "@ iscc --walk $d"
  for i in "${!folders[@]}"; do
    /usr/bin/time -f "%M" -o "$work/$tree-${names[i]}-rss.txt" "${folders[i]}/accession" iscc "$d" > /dev/null 2>&1
  done
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs per command"
forms_listed=()
for i in "${!folders[@]}"; do forms_listed+=("${names[i]}=${folders[i]}"); done
python3 - "$work" "$trees" "${forms_listed[@]}" <<'PY'
import json, sys
work, trees = sys.argv[1], sys.argv[2].split()
forms = dict(reversed(arg.split("=", 1)) for arg in sys.argv[3:])  # folder -> form name

def form_of(command):
    """The form a command runs ("anchor" for the anchors) and the command without the folders."""
    form = next((name for folder, name in forms.items() if f"{folder}/accession" in command), "anchor")
    for folder in forms:
        command = command.replace(folder + "/", "")
    return form, command.replace(work + "/", "")

print("| tree | form | command | median s | × the anchor (first line of its group) |")
print("|---|---|---|---|---|")
for tree in trees:
    for group in ("sums", "one-core", "walk"):
        results = json.load(open(f"{work}/{tree}-{group}.json"))["results"]
        anchor = results[0]["median"]
        for r in results:
            form, command = form_of(r["command"])
            print(f"| {tree} | {form} | `{command}` | {r['median']:.3f} | {r['median'] / anchor:.2f} |")
    for name in forms.values():
        rss = int(open(f"{work}/{tree}-{name}-rss.txt").read().split()[-1]) // 1024
        print(f"| {tree} | {name} | peak RSS of `accession iscc` | {rss} MiB | |")
PY
