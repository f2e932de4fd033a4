#!/usr/bin/env bash
# The tests: install dependencies, build, run every unit and end-to-end test (ctest). Tests that
# need ../shared print SKIPPED where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j"${JOBS:-2}"
