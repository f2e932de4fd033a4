#!/usr/bin/env bash
# linimasa throughput, side by side with peers measured in the same run. Needs ../shared.
#   bench/run.sh            (builds Release, makes bench/work/ inputs, prints a table)
# Per-core figures: linimasa runs with -j 1; the peer is single-threaded Python.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data ]] || { echo "bench: ../shared/data not found (SKIPPED)"; exit 0; }
scripts/deps.sh --bench
scripts/build.sh
py=/usr/bin/python3
[[ -f bench/work/corpus.jsonl ]] || $py bench/make_corpus.py --mb "${BENCH_MB:-60}" --pages "${BENCH_PAGES:-2000}"
bin=build/linimasa
now() { date +%s.%N; }

calc() { awk "BEGIN { print $1 }"; }
docs=$(wc -l < bench/work/corpus.jsonl); mb=$(du -m bench/work/corpus.jsonl | cut -f1)
# One analyze run on the JSONL corpus; prints "seconds tokens" from its --summary line.
analyze_s() {
  $bin analyze -j 1 --no-progress --summary "$@" bench/work/corpus.jsonl -o /dev/null 2>&1 >/dev/null |
    tail -1 | $py -c 'import json,sys; j=json.loads(sys.stdin.read()); print(j["seconds"], j["tokens"])'
}
read -r full_s tokens < <(analyze_s)
read -r ent_s _ < <(analyze_s --stages clean,text,time,entities)
read -r time_s _ < <(analyze_s --stages clean,text,time)
read -r text_s _ < <(analyze_s --stages clean,text)
read -r jsonl_s _ < <(analyze_s --stages clean)

t0=$(now); $bin analyze -j 1 --no-progress --stages clean bench/work/html -o /dev/null; t1=$(now)
pages=$(ls bench/work/html | wc -l); hmb=$(du -sm bench/work/html | cut -f1)
html_s=$(calc "$t1 - $t0")

read -r rp rs rmb < <($py bench/readability_peer.py bench/work/html "${BENCH_PEER_PAGES:-1000}")

printf '%-40s %10s %12s %10s\n' "run (one core)" "docs" "docs/s" "MB/s"
printf '%-40s %10d %12.0f %10.1f\n' "analyze JSONL, default (all stages)" "$docs" "$(calc "$docs / $full_s")" "$(calc "$mb / $full_s")"
printf '%-40s %10d %12.0f %10.1f\n' "analyze JSONL, clean,text,time,entities" "$docs" "$(calc "$docs / $ent_s")" "$(calc "$mb / $ent_s")"
printf '%-40s %10d %12.0f %10.1f\n' "analyze JSONL, --stages clean,text,time" "$docs" "$(calc "$docs / $time_s")" "$(calc "$mb / $time_s")"
printf '%-40s %10d %12.0f %10.1f\n' "analyze JSONL, --stages clean,text" "$docs" "$(calc "$docs / $text_s")" "$(calc "$mb / $text_s")"
printf '%-40s %10d %12.0f %10.1f\n' "analyze JSONL, --stages clean" "$docs" "$(calc "$docs / $jsonl_s")" "$(calc "$mb / $jsonl_s")"
printf '%-40s %10d %12.0f %10.1f\n' "analyze HTML pages, --stages clean" "$pages" "$(calc "$pages / $html_s")" "$(calc "$hmb / $html_s")"
printf '%-40s %10d %12.0f %10.1f\n' "readability-lxml Document.summary()" "$rp" "$(calc "$rp / $rs")" "$(calc "$rmb / $rs")"
printf 'full pipeline: %.0f articles/s per core (target >= 1000), %.0f tokens/s per core, %d tokens\n' \
  "$(calc "$docs / $full_s")" "$(calc "$tokens / $full_s")" "$tokens"
printf 'HTML speed-up over readability-lxml: %.1fx (target >= 20x)\n' "$(calc "($pages / $html_s) / ($rp / $rs)")"

# NER: the tagger alone (model + title trimmer, as `tag ner`) and the entities stage (tagging,
# gazetteer, linking), tokens per second on the same corpus (stage_bench's `ner` pseudo-stage).
LINIMASA_DATA=data build/bench/stage_bench bench/work/corpus.jsonl clean,text,ner,entities |
  tail -1 | $py -c 'import json,sys; s=json.loads(sys.stdin.read())["stages"]
print("NER tagging: %.0f tokens/s per core (target >= 1000000); NER + linking (entities stage): %.0f tokens/s per core" % (s["ner"]["tokens_per_s"], s["entities"]["tokens_per_s"]))'

echo
$py bench/timex_bench.py "$bin"
