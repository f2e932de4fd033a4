#!/usr/bin/env python3
"""Search relevance suite (tests/gold/search/queries.tsv) over the shared detik corpus + the sample.

    tests/search_suite.py BIN [--db FILE] [--min-success 0.9]

Ingests (unless --db names an existing database) the detik articles (tools/detik_to_jsonl.py
--with-meta --unique) and sample/, runs every query with `BIN search --format jsonl --limit 10`,
and prints per query whether an expected document is within its top k and none of the forbidden
ones appears; then success@k, MRR and one JSON line. Exit 1 below --min-success, 77 (SKIPPED)
without ../shared.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--db")
    ap.add_argument("--min-success", type=float, default=0.9)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="linimasa-search-")
    db = a.db or os.path.join(tmp, "search.db")
    if not (a.db and os.path.exists(a.db)):
        jsonl = os.path.join(tmp, "detik.jsonl")
        with open(jsonl, "w") as out:
            rc = subprocess.call([sys.executable, os.path.join(ROOT, "tools", "detik_to_jsonl.py"),
                                  "--with-meta", "--unique"], stdout=out)
        if rc == 3:
            print("SKIPPED: ../shared/data/detik-news-2025 not found")
            return 77
        if rc != 0:
            print("detik_to_jsonl.py failed", file=sys.stderr)
            return 2
        subprocess.check_call([a.bin, "ingest", "--db", db, jsonl, os.path.join(ROOT, "sample")])
    rows = []
    with open(os.path.join(ROOT, "tests", "gold", "search", "queries.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                print(f"queries.tsv:{n}: expected 6 tab-separated columns, got {len(cols)}", file=sys.stderr)
                return 2
            rows.append((n, cols))
    ok = 0
    rr_sum = 0.0
    for n, (query, opts, expected, k, forbidden, what) in rows:
        cmd = [a.bin, "search", "--db", db, query, "--format", "jsonl", "--limit", "10"]
        if opts != "-":
            cmd += shlex.split(opts)
        p = subprocess.run(cmd, capture_output=True, text=True)
        hits = [json.loads(l)["doc"] for l in p.stdout.splitlines() if l.strip()]
        want = set(expected.split(","))
        bad = set() if forbidden == "-" else set(forbidden.split(","))
        rank = next((i + 1 for i, h in enumerate(hits) if h in want), None)
        good = p.returncode == 0 and rank is not None and rank <= int(k) and not (bad & set(hits))
        ok += good
        rr_sum += 1.0 / rank if rank else 0.0
        status = "ok  " if good else "FAIL"
        print(f"{status} rank={rank or '-':>2} k={k}  {query!r} {'' if opts == '-' else opts}  ({what})"
              + ("" if good else f"  got {hits[:5]}" + (f" forbidden {sorted(bad & set(hits))}" if bad & set(hits) else "")
                 + (f" stderr: {p.stderr.strip()}" if p.returncode else "")))
    total = len(rows)
    print(f"queries {total}  success@k {ok}/{total} = {ok / total:.3f}  MRR@10 {rr_sum / total:.3f}")
    print(json.dumps({"queries": total, "success_at_k": round(ok / total, 4), "mrr": round(rr_sum / total, 4)}))
    return 0 if ok / total >= a.min_success else 1


if __name__ == "__main__":
    sys.exit(main())
