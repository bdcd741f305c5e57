#!/usr/bin/env bash
# Proves the two images by running their entry points inside the images' own file systems, as the
# non-root user and with the environment the images define, where `podman run` is not available
# (no registry, no usable cgroups): build both images, mount each read-only (`podman image mount`),
# bind the volumes, and start the entry point with `chroot --userspec` in a private mount namespace.
#   (a) accession-pennsieve-import: local mode on an OME-Zarr zip made from samples/cells.ome.zarr;
#       checks the exit code, the plan, the validation report and the extracted files.
#   (b) accession-omero-iscc: `--once` against the test kit's fake OMERO.web on 127.0.0.1; checks that
#       every image got exactly one annotation whose iscc:sum is `accession iscc` of its file, that a
#       second `--once` writes nothing, and that the state file is on the volume (`status` reads it).
#
#   deploy/prove.sh [BASE_IMAGE]
#
# BASE_IMAGE is the build argument of deploy/Containerfile (default: the official runtime-deps image;
# deploy/debian-base.sh makes an equivalent one from Debian packages). FORM and NATIVE_DIR pass on to
# deploy/build-images.sh (default: the native form). Needs root, podman, unshare, chroot, python3 and
# the .NET SDK (and clang or gcc for the native form). Prints each step with its duration; exit 0 when
# every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Inner step, run through unshare: mount what the program needs, then exec the entry point.
if [ "${1:-}" = --inside ]; then
  root=$2 userspec=$3 envfile=$4
  shift 4
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  for bind in ${PROVE_BINDS:-}; do
    IFS=: read -r source target mode <<< "$bind"
    mount --bind "$source" "$root$target"
    if [ "$mode" = ro ]; then mount -o remount,bind,ro "$root$target"; fi
  done
  mapfile -t environment < "$envfile"
  exec env -i "${environment[@]}" "$CHROOT" --userspec="$userspec" "$root" "$@"
fi

[ "$(id -u)" = 0 ] || { echo "deploy/prove.sh: run as root (it mounts image file systems and uses chroot)" >&2; exit 2; }
base=${1:-mcr.microsoft.com/dotnet/runtime-deps:10.0}
tag=proof
work=$(mktemp -d)
host_pid=
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export CHROOT
CHROOT=$(command -v chroot)

started=$(date +%s.%N)
step_start=$started
step() { # name: prints the previous step's duration and starts a new one
  local now
  now=$(date +%s.%N)
  awk -v a="$step_start" -v b="$now" -v name="$1" 'BEGIN { printf "   (%.1f s)\n== %s\n", b - a, name }'
  step_start=$now
}
fail() { echo "FAILED: $*" >&2; exit 1; }

echo "== build the images on $base (${FORM:-native} form)"
deploy/build-images.sh "$base" "$tag"
for image in accession-pennsieve-import accession-omero-iscc; do
  size=$(podman image inspect --format '{{.Size}}' "$image:$tag")
  echo "$image:$tag: $((size / 1000000)) MB"
done
echo "base $base: $(($(podman image inspect --format '{{.Size}}' "$base") / 1000000)) MB"

# run_image IMAGE [ARG...]: runs the image's entry point with ARGs; PROVE_BINDS="host:target[:ro] ..."
# and PROVE_ENV (extra NAME=VALUE lines) add volumes and settings. Passes the program's output and
# exit code on.
run_image() {
  local image=$1 root user uid gid home code
  shift
  user=$(podman image inspect --format '{{.Config.User}}' "$image")
  [[ $user =~ ^([0-9]+)(:([0-9]+))?$ ]] || fail "$image: USER '$user' is not a numeric non-root uid[:gid]"
  uid=${BASH_REMATCH[1]} gid=${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}
  [ "$uid" != 0 ] || fail "$image runs as root"
  root=$(podman image mount "$image")
  # HOME as a container engine sets it: the user's home in the image's passwd, else /.
  home=$(awk -F: -v uid="$uid" '$3 == uid { print $6 }' "$root/etc/passwd")
  { podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" | sed '/^$/d'
    echo "HOME=${home:-/}"
    printf '%s' "${PROVE_ENV:-}"; } > "$work/env"
  mapfile -t entrypoint < <(podman image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$image" | sed '/^$/d')
  code=0
  unshare --mount --propagation private "$0" --inside "$root" "$uid:$gid" "$work/env" "${entrypoint[@]}" "$@" || code=$?
  podman image unmount "$image" > /dev/null
  return "$code"
}

step "(a) pennsieve-import, local mode, as a non-root user"
mkdir -p "$work/input" "$work/output"
python3 -m zipfile -c "$work/input/cells.ome.zarr.zip" samples/cells.ome.zarr
chmod -R a+rX "$work/input"
chown 1654:1654 "$work/output"
set +e
PROVE_BINDS="$work/input:/data/input:ro $work/output:/data/output" run_image "accession-pennsieve-import:$tag" \
  2> "$work/import.log"
code=$?
set -e
sed 's/^/   | /' "$work/import.log" | tail -5
[ "$code" = 0 ] || fail "pennsieve-import exited $code"
plan=$work/output/cells.ome.zarr.import-plan.json
[ -f "$plan" ] || fail "no import plan in the output folder: $(ls "$work/output")"
[ -f "$work/output/cells.ome.zarr.validation.json" ] || fail "no validation report in the output folder"
python3 - "$plan" samples/cells.ome.zarr "$work/output/cells.ome.zarr/cells.ome.zarr" <<'PY'
import json, os, sys
plan, sample, extracted = sys.argv[1:]
def tree(root):
    return {os.path.relpath(os.path.join(d, f), root): os.path.getsize(os.path.join(d, f))
            for d, _, files in os.walk(root) for f in files}
expected, doc = tree(sample), json.load(open(plan))
assert doc["assetName"] == "cells.ome.zarr", f"asset name {doc['assetName']!r}"
planned = {f["filePath"].removeprefix("cells.ome.zarr/"): f["bytes"] for f in doc["files"]}
assert planned == expected, f"the plan's files differ from the sample: {sorted(planned)} vs {sorted(expected)}"
assert tree(extracted) == expected, "the extracted files differ from the sample"
print(f"   plan: asset {doc['assetName']!r}, {len(planned)} files with the sample's paths and sizes; extracted alike")
PY
owner=$(stat -c %u "$plan")
[ "$owner" = 1654 ] || fail "the plan was written by uid $owner, not the image's user"
echo "   outputs written by uid $owner"

step "(b) omero-iscc --once against the fake OMERO.web"
dotnet build tests/Accession.TestKit.Host -c Release --nologo -v q > "$work/host-build.log" \
  || { cat "$work/host-build.log"; fail "the fake OMERO.web did not build"; }
mkdir -p "$work/images" "$work/state"
head -c 300000 /dev/urandom > "$work/images/scan 1, left.tif"
printf 'a small original file\n' > "$work/images/notes.txt"
chown 1654:1654 "$work/state"
chmod 700 "$work/state"
password=$(head -c 18 /dev/urandom | base64)
tests/Accession.TestKit.Host/bin/Release/net10.0/Accession.TestKit.Host omero-web --files "$work/images" \
  --user iscc-service --password "$password" --lifetime 300 > "$work/fake.out" 2> "$work/fake.err" &
host_pid=$!
for _ in $(seq 150); do
  grep -q '^listening ' "$work/fake.out" && break
  kill -0 "$host_pid" 2> /dev/null || { cat "$work/fake.err"; fail "the fake OMERO.web stopped"; }
  sleep 0.2
done
url=$(sed -n 's/^listening //p' "$work/fake.out")
[ -n "$url" ] || fail "the fake OMERO.web did not start within 30 s"
echo "   fake OMERO.web at $url"
for run in 1 2; do
  set +e
  summary=$(PROVE_BINDS="$work/state:/var/lib/omero-iscc" \
    PROVE_ENV=$(printf 'OMERO_ISCC_WEB_URL=%s\nOMERO_ISCC_USERNAME=iscc-service\nOMERO_ISCC_PASSWORD=%s\n' "$url" "$password") \
    run_image "accession-omero-iscc:$tag" --once 2> "$work/service-$run.log")
  code=$?
  set -e
  echo "   --once run $run: exit $code: $summary"
  [ "$code" = 0 ] || { tail -5 "$work/service-$run.log"; fail "omero-iscc --once exited $code"; }
done
status=$(PROVE_BINDS="$work/state:/var/lib/omero-iscc" run_image "accession-omero-iscc:$tag" status) \
  || fail "omero-iscc status exited $? on the state volume"
echo "   status: $status"
kill -TERM "$host_pid"
wait "$host_pid" || true
host_pid=
[ -f "$work/state/omero-iscc.sqlite" ] || fail "no state file on the state volume"
[ "$(stat -c %u "$work/state/omero-iscc.sqlite")" = 1654 ] || fail "the state file is not the image user's"
images=0
while IFS=$'\t' read -r kind id name count code; do
  [ "$kind" = image ] || continue
  images=$((images + 1))
  expected=$(artifacts/container/accession/accession iscc "$work/images/$name" | cut -d' ' -f1)
  [ "$count" = annotations=1 ] || fail "image $id ($name): $count after two runs, not exactly one"
  [ "$code" = "iscc:sum=$expected" ] || fail "image $id ($name): $code, but accession iscc gives $expected"
  echo "   image $id ($name): one annotation, iscc:sum = accession iscc of the file"
done < "$work/fake.out"
[ "$images" = 2 ] || fail "the fake reported $images images, not 2"

step "all checks passed"
awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "   total %.1f s\n", b - a }'
