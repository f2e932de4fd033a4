#!/bin/sh
# Golden end-to-end test on the five seed articles (../shared/seeds): each article's own events
# (tests/seeds_events.py), then ingest + timeline scored against ../shared/gold/seeds/timeline.json
# with the shared scorer: every salient event found with its gold date and type, its whom and where,
# the three gold conflicts flagged and none spurious, and reported_by equal to the gold for at least
# MIN_PROVENANCE of the seven events (all 7: the Tribunnews article's undated 'lawatan Kim ke Rusia'
# is listed among the mentions of Kim's arrival but does not attest it, as the gold reads it).
# Exit 77 (SKIPPED) without ../shared.
set -eu
BIN=$1
SHARED=$2
HERE=$(cd "$(dirname "$0")" && pwd)
MIN_PROVENANCE=${MIN_PROVENANCE:-7}
if [ ! -d "$SHARED/seeds" ] || [ ! -f "$SHARED/gold/seeds/timeline.json" ]; then
  echo "SKIPPED: $SHARED/seeds or its gold timeline is missing (the seeds golden test needs ../shared)"
  exit 77
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" analyze --no-progress "$SHARED/seeds" -o "$WORK/seeds.jsonl"
/usr/bin/python3 "$HERE/seeds_events.py" "$SHARED/gold/seeds/timeline.json" "$WORK/seeds.jsonl"
"$BIN" ingest --db "$WORK/seeds.db" "$SHARED/seeds"
"$BIN" timeline --db "$WORK/seeds.db" > "$WORK/timeline.jsonl"
/usr/bin/python3 "$SHARED/eval/score_timeline.py" "$SHARED/gold/seeds/timeline.json" "$WORK/timeline.jsonl" \
  > "$WORK/score.out"
cat "$WORK/score.out"
tail -n 1 "$WORK/score.out" | /usr/bin/python3 -c "
import json, sys
r = json.load(sys.stdin)
ev, c = r['events'], r['conflicts']
ok = (ev['matched'] == ev['n_gold'] and r['whom_agree'] == 1.0 and r['where_agree'] == 1.0
      and c['found'] == c['of'] and c['spurious'] == 0 and r['provenance']['correct'] >= $MIN_PROVENANCE)
print(f\"seeds timeline: {ev['matched']}/{ev['n_gold']} events, whom {r['whom_agree']:.2f}, where \"
      f\"{r['where_agree']:.2f}, conflicts {c['found']}/{c['of']} ({c['spurious']} spurious), provenance \"
      f\"{r['provenance']['correct']}/{r['provenance']['matched']} (floor $MIN_PROVENANCE): {'ok' if ok else 'FAIL'}\")
sys.exit(0 if ok else 1)
"
