#!/usr/bin/env bash
# Makes a base image equivalent to mcr.microsoft.com/dotnet/runtime-deps:10.0 from Debian packages,
# for machines that reach a Debian mirror but no container registry: a minimal bookworm with the
# libraries a self-contained .NET app loads, and the official image's non-root user `app` (1654).
#
#   deploy/debian-base.sh [IMAGE]        (default accession-runtime-deps:bookworm)
#
# Needs: root, mmdebstrap and podman.
set -euo pipefail
image=${1:-accession-runtime-deps:bookworm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The package list of the official runtime-deps image (Debian 12 names).
mmdebstrap --variant=minbase --quiet \
  --include=ca-certificates,libc6,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='chroot "$1" groupadd --gid 1654 app' \
  --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --create-home --shell /bin/false app' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$work/rootfs.tar"
podman import --quiet --change 'CMD ["/bin/bash"]' "$work/rootfs.tar" "$image" > /dev/null
echo "imported $image"
