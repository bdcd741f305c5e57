#!/usr/bin/env bash
# Builds the two `accession` images from deploy/Containerfile: stages the program for linux-x64 under
# artifacts/container/, then builds the targets `pennsieve-import` and `omero-iscc`.
#
#   deploy/build-images.sh [BASE_IMAGE] [TAG]
#
# FORM chooses the program the images ship:
#   native (default)  the native form of deploy/native.sh: Native AOT builds for x86-64-v2, -v3 (AVX2)
#                     and -v4 (AVX-512) and the launcher `accession` that starts the best one the
#                     machine runs (docs/performance.md, "Shipped forms": it starts and hashes faster).
#                     NATIVE_DIR names a folder deploy/native.sh made with all three levels, to ship it
#                     instead of building again.
#   r2r               `dotnet publish` self-contained and ReadyToRun.
# BASE_IMAGE defaults to the official mcr.microsoft.com/dotnet/runtime-deps:10.0; deploy/debian-base.sh
# makes an equivalent one where no registry is reachable. Images: accession-pennsieve-import:TAG and
# accession-omero-iscc:TAG (TAG defaults to latest). Uses podman, or docker when CONTAINER_TOOL=docker.
# Needs: the .NET SDK and podman (or docker); for the native form also clang or gcc.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-mcr.microsoft.com/dotnet/runtime-deps:10.0}
tag=${2:-latest}
tool=${CONTAINER_TOOL:-podman}
form=${FORM:-native}
context=artifacts/container

case $form in
  native | r2r) ;;
  *) echo "deploy/build-images.sh: FORM must be native or r2r, not '$form'" >&2; exit 2 ;;
esac
if [ "$form" = native ] && [ -n "${NATIVE_DIR:-}" ]; then
  . deploy/native-form-check.sh
  require_native_form deploy/build-images.sh "$NATIVE_DIR"
fi

rm -rf "$context"
mkdir -p "$context/empty"
case $form in
  native)
    if [ -n "${NATIVE_DIR:-}" ]; then
      cp -a "$NATIVE_DIR" "$context/accession"
    else
      # Every level, whatever LEVELS says: the image runs on machines this one may not resemble.
      LEVELS= deploy/native.sh "$context/accession" > /dev/null
    fi
    ;;
  r2r)
    dotnet publish src/Accession.Cli -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
      -o "$context/accession" --nologo -v q
    # Debug symbols are not needed to run.
    find "$context/accession" -name '*.pdb' -delete
    ;;
esac
echo "staged the $form form: $(du -sh "$context/accession" | cut -f1), $(find "$context/accession" -type f | wc -l) files"

for target in pennsieve-import omero-iscc; do
  "$tool" build --quiet --file deploy/Containerfile --build-arg "BASE_IMAGE=$base" \
    --target "$target" --tag "accession-$target:$tag" "$context" > /dev/null
  echo "built accession-$target:$tag"
done
