#!/bin/sh
# TIMEX3 recognition and normalisation on the hand-made detik development gold
# (tests/gold/detik-timex): rebuilds the TimeML from ../shared, runs `linimasa eval timex`, and
# fails below the floors (relaxed span F1, value F1). Exit 77 (SKIPPED) without ../shared.
set -eu
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
MIN_RELAXED=${MIN_RELAXED:-0.95}
MIN_VALUE=${MIN_VALUE:-0.90}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
build_or_skip "$WORK" /usr/bin/python3 "$HERE/../tools/detik_timex.py" build "$WORK"
"$BIN" eval timex "$WORK/gold" > "$WORK/eval.out"
cat "$WORK/eval.out"
tail -n 1 "$WORK/eval.out" | /usr/bin/python3 -c "
import json, sys
r = json.load(sys.stdin)
rel, val = r['relaxed']['f1'], r['value_f1']['f1']
print(f'detik timex dev: relaxed F1 {rel:.3f} (floor $MIN_RELAXED), value F1 {val:.3f} (floor $MIN_VALUE)')
sys.exit(0 if rel >= $MIN_RELAXED and val >= $MIN_VALUE else 1)
"
