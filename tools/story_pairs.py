#!/usr/bin/env python3
"""Checks story grouping with hand-labelled document pairs.

    tools/story_pairs.py sample DB STORIES.jsonl OUT.tsv [--n 40] [--seed 1]
    tools/story_pairs.py score LABELS.tsv STORIES.jsonl

`sample` draws --n pairs the system put in one story (a random story of 2+ articles, then a
random pair in it) and --n pairs it kept apart although they share a named entity that is not a
country (the hard cases), shuffles them together and writes doc ids with each article's title (or
first sentence) and opening, WITHOUT the system's decision, for a person to label: column
`same` = y when both articles report the same specific event or development, n otherwise.
`score` reads those labels and the stories (`linimasa stories --all --format jsonl`) and prints
pairwise precision of the links (labelled y among pairs grouped together) and the share of
hard pairs kept apart that a reader would have grouped (missed links).
"""
import argparse
import json
import random
import sqlite3
import sys


def load_stories(path):
    story_of = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            for d in s["docs"]:
                story_of[d["doc"]] = s["story"]
    return story_of


def sample(a):
    story_of = load_stories(a.stories)
    members = {}
    for d, s in story_of.items():
        members.setdefault(s, []).append(d)
    db = sqlite3.connect(a.db)
    info = {}
    for doc_id, title, js in db.execute("SELECT doc_id, title, json FROM documents"):
        text = json.loads(js).get("text", "")
        info[doc_id] = ((title or text.split("\n")[0])[:140], " ".join(text.split())[:260])
    ents = {}
    for doc_id, eid in db.execute(
            "SELECT DISTINCT d.doc_id, e.id FROM entities e JOIN documents d ON d.rowid = e.doc "
            "WHERE e.id NOT LIKE 'gpe:__'"):
        ents.setdefault(doc_id, set()).add(eid)
    rnd = random.Random(a.seed)
    multi = sorted(s for s, m in members.items() if len(m) > 1)
    pairs = set()
    while len(pairs) < a.n:
        m = sorted(members[rnd.choice(multi)])
        x, y = rnd.sample(m, 2)
        pairs.add(tuple(sorted((x, y))))
    by_entity = {}
    for d, es in ents.items():
        for e in es:
            by_entity.setdefault(e, []).append(d)
    cands = [e for e, ds in by_entity.items() if 2 <= len(ds) <= 200]
    apart = set()
    while len(apart) < a.n:
        ds = sorted(by_entity[rnd.choice(sorted(cands))])
        x, y = rnd.sample(ds, 2)
        if story_of.get(x) != story_of.get(y):
            apart.add(tuple(sorted((x, y))))
    rows = list(pairs | apart)
    rnd.shuffle(rows)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# doc_a\tdoc_b\tsame (y/n)\ttitle_a | title_b\n")
        for x, y in rows:
            f.write(f"{x}\t{y}\t?\t{info[x][0]} | {info[y][0]}\n")
            f.write(f"#   A: {info[x][1]}\n#   B: {info[y][1]}\n")
    print(f"wrote {len(rows)} pairs to {a.out}", file=sys.stderr)


def score(a):
    story_of = load_stories(a.stories)
    tp = fp = missed = apart_n = unknown = 0
    with open(a.labels, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            x, y, same = line.rstrip("\n").split("\t")[:3]
            if x not in story_of or y not in story_of or same not in ("y", "n"):
                unknown += 1
                continue
            together = story_of[x] == story_of[y]
            if together:
                tp += same == "y"
                fp += same == "n"
            else:
                apart_n += 1
                missed += same == "y"
    prec = tp / (tp + fp) if tp + fp else 0.0
    print(f"linked pairs: {tp + fp}, a reader agrees on {tp} -> pairwise precision {prec:.3f}")
    print(f"hard pairs kept apart: {apart_n}, a reader would group {missed} -> missed-link share "
          f"{missed / apart_n if apart_n else 0:.3f}")
    if unknown:
        print(f"{unknown} rows skipped (unknown doc or unlabelled)")
    print(json.dumps({"linked_pairs": tp + fp, "pairwise_precision": round(prec, 4), "apart_pairs": apart_n,
                      "missed_links": missed}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("db")
    s.add_argument("stories")
    s.add_argument("out")
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("score")
    c.add_argument("labels")
    c.add_argument("stories")
    a = ap.parse_args()
    sample(a) if a.cmd == "sample" else score(a)


if __name__ == "__main__":
    main()
