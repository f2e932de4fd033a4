#!/usr/bin/env python3
"""Scores the publication date linimasa infers from article text (issue: time layer).

Feeds the shared detik corpus WITHOUT its `tanggal` field to `linimasa analyze`, then compares the
inferred `meta.published` (date part) with `tanggal`. Reports accuracy over all articles and over
the articles whose text carries the publication date (the date written as D/M/YYYY, D/M in
parentheses, or "D <month> YYYY" anywhere in the raw text).

    tools/eval_published.py BUILD/linimasa [--csv PATH]
"""
import argparse
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "data", "detik-news-2025", "data_berita.shared.csv")
MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember"]


def carries(text, d):
    t = text.lower()
    pats = [rf"\b0?{d.day}/0?{d.month}/{d.year}\b", rf"\(0?{d.day}/0?{d.month}\)",
            rf"\b0?{d.day} {MONTHS[d.month - 1]} {d.year}\b"]
    return any(re.search(p, t) for p in pats)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--csv", default=DEFAULT)
    ap.add_argument("--errors", action="store_true", help="list the wrong ones")
    a = ap.parse_args()
    if not os.path.exists(a.csv):
        print(f"SKIPPED: {a.csv} not found")
        return 0
    csv.field_size_limit(1 << 30)
    gold, texts, seen = {}, {}, set()
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        with open(a.csv, encoding="utf-8", newline="") as f, open(inp, "w", encoding="utf-8") as out:
            for row in csv.DictReader(f):
                if row["tautan"] in seen:
                    continue
                seen.add(row["tautan"])
                i = f"detik-{row['id']}"
                gold[i] = datetime.datetime.strptime(row["tanggal"].strip(), "%m/%d/%Y %H:%M").date()
                texts[i] = row["isi_berita"]
                out.write(json.dumps({"id": i, "text": row["isi_berita"]}, ensure_ascii=False) + "\n")
        res = subprocess.run([a.bin, "analyze", inp, "--stages", "clean,text,time", "--no-progress"],
                             capture_output=True, text=True)
        if res.returncode > 1:
            sys.exit(f"eval_published: linimasa failed: {res.stderr[-500:]}")
    n = ok = n_c = ok_c = none = 0
    for line in res.stdout.splitlines():
        doc = json.loads(line)
        g = gold[doc["id"]]
        p = (doc["meta"].get("published") or "")[:10]
        c = carries(texts[doc["id"]], g)
        hit = p == g.isoformat()
        n += 1
        ok += hit
        none += not p
        if c:
            n_c += 1
            ok_c += hit
        if a.errors and not hit:
            print(f"{doc['id']}\tgold {g}\tpred {p or '-'}\tcarries={c}")
    print(f"articles: {n}; inferred correctly: {ok} ({100 * ok / max(n, 1):.1f}%); none inferred: {none}")
    print(f"articles whose text carries the date: {n_c}; correct: {ok_c} ({100 * ok_c / max(n_c, 1):.1f}%)")
    print(json.dumps({"n": n, "correct": ok, "n_carries": n_c, "correct_carries": ok_c, "none": none}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
