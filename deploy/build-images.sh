#!/usr/bin/env bash
# Builds the two `accession` images from deploy/Containerfile: publishes the CLI self-contained and
# ReadyToRun for linux-x64, stages the build context under artifacts/container/, then builds the
# targets `pennsieve-import` and `omero-iscc`.
#
#   deploy/build-images.sh [BASE_IMAGE] [TAG]
#
# BASE_IMAGE defaults to the official mcr.microsoft.com/dotnet/runtime-deps:10.0; deploy/debian-base.sh
# makes an equivalent one where no registry is reachable. Images: accession-pennsieve-import:TAG and
# accession-omero-iscc:TAG (TAG defaults to latest). Uses podman, or docker when CONTAINER_TOOL=docker.
# Needs: the .NET SDK and podman (or docker).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-mcr.microsoft.com/dotnet/runtime-deps:10.0}
tag=${2:-latest}
tool=${CONTAINER_TOOL:-podman}
context=artifacts/container

rm -rf "$context"
mkdir -p "$context/empty"
dotnet publish src/Accession.Cli -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
  -o "$context/accession" --nologo -v q
# Debug symbols are not needed to run.
find "$context/accession" -name '*.pdb' -delete

for target in pennsieve-import omero-iscc; do
  "$tool" build --quiet --file deploy/Containerfile --build-arg "BASE_IMAGE=$base" \
    --target "$target" --tag "accession-$target:$tag" "$context" > /dev/null
  echo "built accession-$target:$tag"
done
