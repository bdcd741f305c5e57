#!/usr/bin/env bash
# Checks the deployment files without running them, in about a minute and without root:
#   - Kubernetes manifests (deploy/kubernetes) against the Kubernetes API schemas, unknown fields
#     included (deploy/validate/manifests.mjs);
#   - compose files (deploy/compose) against the compose specification, with dclint's rules;
#   - the systemd unit with `systemd-analyze verify` (any complaint fails).
#   deploy/validate.sh
# Needs: node and npm (the tools are installed from the npm registry into artifacts/deploy-validate),
# systemd-analyze. Exit codes: 0 all valid; 1 some file is not; 3 the tools could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=artifacts/deploy-validate
status=0

mkdir -p "$tools"
cp deploy/validate/package.json deploy/validate/manifests.mjs "$tools/"
if ! (cd "$tools" && npm install --no-audit --no-fund --silent); then
  echo "deploy/validate.sh: the validators could not be installed from npm; nothing was checked" >&2
  exit 3
fi

echo "== Kubernetes manifests"
node "$tools/manifests.mjs" deploy/kubernetes/*.yaml || status=1

echo "== compose files"
# The images are built locally by deploy/build-images.sh, so they carry no registry version tag.
if "$tools/node_modules/.bin/dclint" deploy/compose/*.yaml --max-warnings 0 \
  --disable-rule service-image-require-explicit-tag; then
  for file in deploy/compose/*.yaml; do echo "$file: valid"; done
else
  status=1
fi

echo "== systemd unit"
# verify checks that ExecStart's program exists: point it at a stand-in for the installed build.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$(type -P true)" "$work/accession"
for unit in deploy/systemd/*.service; do
  sed "s|/opt/accession/accession|$work/accession|" "$unit" > "$work/$(basename "$unit")"
  complaints=$(systemd-analyze verify "$work/$(basename "$unit")" 2>&1) || true
  if [ -n "$complaints" ]; then
    echo "$unit: INVALID"
    echo "$complaints" | sed "s|$work/|$(dirname "$unit")/|g; s/^/  /"
    status=1
  else
    echo "$unit: valid"
  fi
done
exit "$status"
