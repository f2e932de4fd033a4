#!/usr/bin/env python3
"""Recall of the detik CSV's stakeholder strings by linimasa's entity mentions (entities issue).

    tools/eval_detik_entities.py BIN [--csv PATH] [--keep DIR]

Runs `BIN analyze` over the CSV's articles (one row per URL, with their metadata) and, for every
string of the `entity` column (a JSON object of stakeholder lists), asks whether an entity mention
of that article matches it: exactly (the same words, ignoring case and the parenthesised short
form: "Kejaksaan Agung (Kejagung)" = "Kejaksaan Agung") or loosely (one contains the other, the
issue's measure). About a fifth of the strings are common nouns ("Masyarakat", "Kepala Daerah")
that no tagger should find, so recall is bounded well below 1. Prints both recalls, overall and
per stakeholder group. Exit 3 when the CSV is missing (as the other detik tools).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
DEFAULT = os.path.join(HERE, "..", "..", "shared", "data", "detik-news-2025", "data_berita.shared.csv")


def norm(s):
    s = re.sub(r"\([^)]*\)", " ", s)
    return " ".join(re.findall(r"\w+", s.lower()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--csv", default=DEFAULT)
    ap.add_argument("--keep", help="write the analysis here instead of a temporary folder")
    a = ap.parse_args()
    if not os.path.exists(a.csv):
        print(f"SKIPPED: {a.csv} is missing (needs ../shared)", file=sys.stderr)
        return 3
    work = a.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    src, out = os.path.join(work, "detik.jsonl"), os.path.join(work, "analyzed.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "detik_to_jsonl.py"), "--csv", a.csv,
                        "--with-meta", "--unique"], stdout=f, check=True)
    subprocess.run([a.bin, "analyze", "--no-progress", "-j", "2", src, "-o", out], check=True)
    import csv
    wanted = {}
    with open(a.csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                groups = json.loads(row["entity"])
            except (json.JSONDecodeError, TypeError):
                continue
            wanted.setdefault(row["tautan"], groups)
    found = {}
    for line in open(out, encoding="utf-8"):
        d = json.loads(line)
        t = d["text"]
        found[d.get("source", {}).get("url") or d["id"]] = {
            norm(t[e["start"]:e["end"]]) for e in d.get("entities", [])} - {""}
    tot = collections.Counter()
    for url, groups in wanted.items():
        mentions = found.get(url)
        if mentions is None:
            continue
        for group, names in groups.items():
            for name in names:
                n = norm(name)
                if not n:
                    continue
                exact = n in mentions
                loose = exact or any(n in m or m in n for m in mentions if len(m) > 2)
                for key in ("all", group):
                    tot[key, "n"] += 1
                    tot[key, "exact"] += exact
                    tot[key, "loose"] += loose
    for key in ["all"] + sorted({k for k, _ in tot if k != "all"}):
        n = tot[key, "n"]
        print(f"{key:12s} {n:6d} strings  exact {tot[key, 'exact'] / n:.3f}  loose {tot[key, 'loose'] / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
