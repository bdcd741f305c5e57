# Sourced by the benchmark scripts that time the native form (deploy/native.sh: Native AOT builds and
# their launcher) beside the ReadyToRun publish.
#   native_form OUTDIR   prints the folder that holds the native `accession`: $NATIVE_DIR when set (a
#                        folder deploy/native.sh built before, reused as it is, since building takes
#                        minutes), else a fresh build in OUTDIR.
native_form() {
  if [ -n "${NATIVE_DIR:-}" ]; then
    if [ ! -x "$NATIVE_DIR/accession" ]; then
      echo "NATIVE_DIR=$NATIVE_DIR holds no accession launcher; build one with deploy/native.sh DIR or leave NATIVE_DIR unset" >&2
      return 2
    fi
    (cd "$NATIVE_DIR" && pwd)
  else
    bash deploy/native.sh "$1" > /dev/null
    printf '%s\n' "$1"
  fi
}
