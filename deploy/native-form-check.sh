# Sourced by the deploy scripts that ship a native folder built before (NATIVE_DIR) instead of
# running deploy/native.sh: a full install needs the launcher and the build of every x86-64 level.
require_native_form() { # SCRIPT FOLDER
  local file
  for file in accession accession.x86-64-v2 accession.x86-64-v3 accession.x86-64-v4; do
    [ -x "$2/$file" ] || {
      echo "$1: NATIVE_DIR $2 has no $file; run deploy/native.sh with all three levels" >&2
      exit 2
    }
  done
}
