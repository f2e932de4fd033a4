#!/bin/sh
# Events and quotes on the hand-made detik golds (tests/gold/detik-events: development, tuned on;
# tests/gold/detik-events-heldout: held out): rebuilds each gold JSONL from ../shared, runs
# `linimasa eval events` and `eval quotes`, and fails below the floors (type+trigger F1,
# quote+speaker F1). Exit 77 (SKIPPED) without ../shared.
set -eu
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
MIN_EVENTS=${MIN_EVENTS:-0.70}
MIN_QUOTES=${MIN_QUOTES:-0.90}
MIN_HELDOUT_EVENTS=${MIN_HELDOUT_EVENTS:-0.60}
# Held-out quotes: 0.839 with the NER model before word classes, 0.745 after (one article's speaker,
# 5 of its quotes; the classes raised NER dev F1 on all five shared sets and dev quotes 0.880 →
# 0.910), 0.839 again with the beam-search NER, 0.870 with the indirect-speech patterns of
# 2026-11-25. Not tuned on: the held-out set's quotes stay unread.
MIN_HELDOUT_QUOTES=${MIN_HELDOUT_QUOTES:-0.72}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0
for set in detik-events:$MIN_EVENTS:$MIN_QUOTES detik-events-heldout:$MIN_HELDOUT_EVENTS:$MIN_HELDOUT_QUOTES; do
  name=${set%%:*}
  floors=${set#*:}
  min_e=${floors%%:*}
  min_q=${floors#*:}
  gold=$HERE/gold/$name
  build_or_skip "$WORK" /usr/bin/python3 "$HERE/../tools/detik_events.py" build "$WORK/$name.jsonl" \
    --annotations "$gold/annotations.tsv" --articles "$gold/articles.txt"
  "$BIN" eval events "$WORK/$name.jsonl" > "$WORK/events.out"
  "$BIN" eval quotes "$WORK/$name.jsonl" > "$WORK/quotes.out"
  cat "$WORK/events.out" "$WORK/quotes.out"
  /usr/bin/python3 - "$WORK/events.out" "$WORK/quotes.out" "$name" "$min_e" "$min_q" <<'PY' || status=1
import json, sys
ev = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
qu = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
name, min_e, min_q = sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
e, q = ev["type_trigger"]["f1"], qu["speaker"]["f1"]
print(f"{name}: type+trigger F1 {e:.3f} (floor {min_e}), quote+speaker F1 {q:.3f} (floor {min_q})")
sys.exit(0 if e >= min_e and q >= min_q else 1)
PY
done
exit $status
