#!/usr/bin/env bash
# The main job on the sample corpus: install dependencies, build, analyse sample/ (five Indonesian
# news articles) into out/sample.jsonl, print a short summary of each document, then ingest them into
# out/sample.db and print the cross-source timeline with its contradiction flags.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
mkdir -p out
build/linimasa analyze sample/ --output out/sample.jsonl
echo "wrote out/sample.jsonl ($(wc -l < out/sample.jsonl) documents):"
python3 - out/sample.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); m = d["meta"]
    kinds = {}
    for r in d["removed"]: kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f'  {d["id"]}: outlet={m["outlet"]} published={m["published"]} ({m["published_basis"]}) '
          f'authors={m["authors"]} cited={m["cited_sources"]} removed={kinds}')
    ents = sorted({e["canonical"] for e in d["entities"]})
    print(f'    {len(d["entities"])} entity mentions of {len(ents)} entities, {len(d["timexes"])} time '
          f'expressions, {len(d["events"])} events, {len(d["quotes"])} quotes')
PY
rm -f out/sample.db
build/linimasa ingest --db out/sample.db sample/
echo "timeline (out/sample.db):"
build/linimasa timeline --db out/sample.db --format text
echo "search 'kunjungan Kim ke Rusia' (out/sample.db):"
build/linimasa search --db out/sample.db "kunjungan Kim ke Rusia" --format text --limit 3
