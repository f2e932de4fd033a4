#!/bin/sh
# Events and quotes on the hand-made detik development gold (tests/gold/detik-events): rebuilds the
# gold JSONL from ../shared, runs `linimasa eval events` and `eval quotes`, and fails below the
# floors (type+trigger F1, quote+speaker F1). Exit 77 (SKIPPED) without ../shared.
set -eu
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
MIN_EVENTS=${MIN_EVENTS:-0.60}
MIN_QUOTES=${MIN_QUOTES:-0.85}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
set +e
/usr/bin/python3 "$HERE/../tools/detik_events.py" build "$WORK/gold.jsonl" 2>"$WORK/build.err"
rc=$?
set -e
if [ $rc -eq 3 ]; then
  echo "SKIPPED: $(cat "$WORK/build.err")"
  exit 77
fi
[ $rc -eq 0 ] || { cat "$WORK/build.err"; exit 1; }
"$BIN" eval events "$WORK/gold.jsonl" > "$WORK/events.out"
"$BIN" eval quotes "$WORK/gold.jsonl" > "$WORK/quotes.out"
cat "$WORK/events.out" "$WORK/quotes.out"
/usr/bin/python3 - "$WORK/events.out" "$WORK/quotes.out" <<PY
import json, sys
ev = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
qu = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
e, q = ev["type_trigger"]["f1"], qu["speaker"]["f1"]
print(f"detik events dev: type+trigger F1 {e:.3f} (floor $MIN_EVENTS), quote+speaker F1 {q:.3f} (floor $MIN_QUOTES)")
sys.exit(0 if e >= $MIN_EVENTS and q >= $MIN_QUOTES else 1)
PY
