#!/usr/bin/env bash
# Ingest and search throughput on >= 100k documents, beside plain FTS5 unicode61 and Xapian
# (Snowball Indonesian stemmer) over the same text, all on one core. Needs ../shared.
#   bench/search_bench.sh [N]        (default 100000 documents; BENCH_REPEAT queries repeats)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data ]] || { echo "search bench: ../shared/data not found (SKIPPED)"; exit 0; }
n=${1:-100000}
scripts/deps.sh --bench
scripts/build.sh
py=/usr/bin/python3
work=bench/work/search; mkdir -p "$work"
[[ -f $work/corpus-$n.jsonl ]] || $py bench/make_search_corpus.py "$n" > "$work/corpus-$n.jsonl"
cut -f1 tests/gold/search/queries.tsv | grep -v '^#' > "$work/queries.txt"
bin=build/linimasa
db=$work/bench-$n.db
rm -f "$db" "$db-wal" "$db-shm"
t0=$(date +%s.%N)
$bin ingest --db "$db" --batch 256 "$work/corpus-$n.jsonl"
t1=$(date +%s.%N)
ingest_s=$(awk "BEGIN { print $t1 - $t0 }")
printf 'ingest (full pipeline + store + index, one core): %d articles in %.1f s = %.0f articles/s (target >= 500); db %s MB\n' \
  "$n" "$ingest_s" "$(awk "BEGIN { print $n / $ingest_s }")" "$(du -m "$db" | cut -f1)"
# The same ingest with every core of this machine analysing (the writer is one thread): what a
# user gets from `ingest -j N` (not a per-core figure). INGEST_JOBS=0 skips it.
jobs=${INGEST_JOBS:-$(nproc)}
if (( jobs > 1 )); then
  rm -f "$db-j" "$db-j-wal" "$db-j-shm"
  t0=$(date +%s.%N)
  $bin ingest -j "$jobs" --db "$db-j" --batch 256 "$work/corpus-$n.jsonl"
  t1=$(date +%s.%N)
  printf 'ingest -j %d (all cores): %d articles in %.1f s = %.0f articles/s\n' \
    "$jobs" "$n" "$(awk "BEGIN { print $t1 - $t0 }")" "$(awk "BEGIN { print $n / ($t1 - $t0) }")"
  rm -f "$db-j" "$db-j-wal" "$db-j-shm"
fi
# Corpus-wide reads: the whole timeline (merge + copy marking) and one entity-filtered search.
for cmd in "timeline --db $db" "search --db $db kunjungan --entity Jakarta"; do
  t0=$(date +%s.%N); $bin $cmd > /dev/null; t1=$(date +%s.%N)
  printf '%-60s %.2f s\n' "linimasa ${cmd//$db/DB}:" "$(awk "BEGIN { print $t1 - $t0 }")"
done
LINIMASA_DATA=data build/bench/search_bench "$db" "$work/queries.txt" --repeat "${BENCH_REPEAT:-10}" \
  --export "$work/docs-$n.jsonl"
$py bench/xapian_peer.py "$work/docs-$n.jsonl" "$work/queries.txt" "$work/xapian-$n" --repeat "${BENCH_REPEAT:-10}"
