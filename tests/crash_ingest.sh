#!/usr/bin/env bash
# Crash test: `linimasa ingest` killed with SIGKILL at random moments (25 times; every other run
# analyses with two threads), then run to the end. Checks: PRAGMA integrity_check is ok, every
# article is stored exactly once, nothing committed before a kill is lost.
# Usage: crash_ingest.sh LINIMASA_BIN SAMPLE_DIR
set -euo pipefail
bin=$1 sample=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3; [[ -x $py ]] || py=python3
# 300 distinct articles: the sample texts with a numbered line each, as JSONL.
$py - "$sample" "$work/in.jsonl" <<'PY'
import json, os, sys
texts = [open(os.path.join(sys.argv[1], f), encoding="utf-8").read()
         for f in sorted(os.listdir(sys.argv[1])) if f.endswith(".txt")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(300):
        out.write(json.dumps({"id": f"a{i:04d}", "text": texts[i % len(texts)] + f"\nNomor arsip {i}."}) + "\n")
PY
db=$work/db.sqlite
count() { $py -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from documents').fetchone()[0])" "$db" 2>/dev/null || echo 0; }
prev=0
for k in $(seq 1 25); do
  "$bin" ingest -j $(( k % 2 + 1 )) --db "$db" --batch 7 "$work/in.jsonl" 2>/dev/null &
  pid=$!
  sleep "0.$(( (RANDOM % 9) + 1 ))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  n=$(count)
  if (( n < prev )); then echo "FAIL: kill $k lost committed documents ($prev -> $n)"; exit 1; fi
  prev=$n
done
"$bin" ingest --db "$db" "$work/in.jsonl" 2>/dev/null
$py - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ok = c.execute("pragma integrity_check").fetchone()[0]
n = c.execute("select count(*) from documents").fetchone()[0]
ids = c.execute("select count(distinct doc_id) from documents").fetchone()[0]
orphans = c.execute("select count(*) from events where doc not in (select rowid from documents)").fetchone()[0]
print(f"integrity={ok} documents={n} distinct={ids} orphan_events={orphans}")
sys.exit(0 if ok == "ok" and n == 300 and ids == 300 and orphans == 0 else 1)
PY
