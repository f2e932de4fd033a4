#!/usr/bin/env python3
"""Xapian peer for bench/search_bench.sh: indexes the same title/body text (Snowball Indonesian
stemmer, title weighted 3x), then runs the same queries (AND by default, "phrases", OR, -word,
prefix*) with a 10-hit result page and a highlighted snippet per hit, timing each on one core.

    bench/xapian_peer.py DOCS.jsonl QUERIES.txt DBDIR [--repeat N]
"""
import argparse
import json
import shutil
import time

import xapian


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("queries")
    ap.add_argument("dbdir")
    ap.add_argument("--repeat", type=int, default=10)
    a = ap.parse_args()
    shutil.rmtree(a.dbdir, ignore_errors=True)
    stem = xapian.Stem("indonesian")
    db = xapian.WritableDatabase(a.dbdir, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(stem)
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    chars = 0
    t0 = time.perf_counter()
    with open(a.docs, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(r["title"], 3)
            tg.increase_termpos()
            tg.index_text(r["body"])
            doc.set_data(r["body"])
            db.add_document(doc)
            chars += len(r["title"]) + len(r["body"])
    db.commit()
    index_s = time.perf_counter() - t0
    db.close()
    rdb = xapian.Database(a.dbdir)
    qp = xapian.QueryParser()
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_AND)
    qp.set_database(rdb)
    flags = (xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_LOVEHATE
             | xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_WILDCARD)
    enquire = xapian.Enquire(rdb)
    queries = [l.rstrip("\n") for l in open(a.queries, encoding="utf-8") if l.strip() and not l.startswith("#")]

    def run(q):
        enquire.set_query(qp.parse_query(q, flags))
        m = enquire.get_mset(0, 10)
        n = 0
        for item in m:
            m.snippet(item.document.get_data().decode("utf-8", "replace"), 200, stem,
                      xapian.MSet.SNIPPET_EXHAUSTIVE, "<mark>", "</mark>", "…")
            n += 1
        return n

    for q in queries:
        run(q)  # warm-up
    times, hits = [], 0
    for _ in range(a.repeat):
        for q in queries:
            t = time.perf_counter()
            hits += run(q)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    qps = 1000 * len(times) / sum(times)
    print(f"{'Xapian 1.4 (Snowball indonesian)':<34} {chars / 1e6 / index_s:>12.2f} {qps:>10.0f} {pct(0.5):>9.2f} "
          f"{pct(0.99):>9.2f} {hits / len(times):>10.1f}")
    print(json.dumps({"xapian": {"index_mchars_s": chars / 1e6 / index_s, "qps": qps, "p50_ms": pct(0.5),
                                 "p99_ms": pct(0.99), "documents": rdb.get_doccount()}}))


if __name__ == "__main__":
    main()
