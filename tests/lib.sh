# Shared by the gold-file test scripts (sourced, POSIX sh).

# build_or_skip WORK CMD...: runs CMD, which builds a gold file from ../shared. Exits the test with
# 77 (ctest's SKIPPED) when CMD says ../shared is missing (its exit status 3), with 1 on any other
# failure (after printing what CMD wrote on stderr).
build_or_skip() {
  work=$1
  shift
  set +e
  "$@" 2>"$work/build.err"
  rc=$?
  set -e
  if [ $rc -eq 3 ]; then
    echo "SKIPPED: $(cat "$work/build.err")"
    exit 77
  fi
  [ $rc -eq 0 ] || { cat "$work/build.err"; exit 1; }
}
