#!/usr/bin/env python3
"""Checks entity linking on the seed articles against ../shared/gold/seeds/timeline.json "entities":
every occurrence of a gold variant in an article's clean text must be covered by an entity mention,
and the mention's canonical name must name that gold entity (compared like score_timeline.py: case-
folded, '-' as space). Capitals and seats of government may instead be their own city (they stand for
the state only where they act). Prints per-entity figures and the misses.

    /usr/bin/python3 tools/eval_seed_entities.py build/linimasa [SEEDS_DIR] [GOLD_JSON]
Exit 1 when a gold entity has an occurrence that is not found, or found under another entity.
"""
import json
import re
import subprocess
import sys
import unicodedata

CAPITALS = {"pyongyang", "moskow", "kremlin", "washington", "kyiv", "seoul"}


def key(s):
    s = unicodedata.normalize("NFKC", str(s)).casefold().replace("-", " ").replace("_", " ")
    return re.sub(r"\s+", " ", s).strip().strip(" .,;:!?\"'()[]")


def main():
    bin_ = sys.argv[1]
    seeds = sys.argv[2] if len(sys.argv) > 2 else "../shared/seeds"
    gold_path = sys.argv[3] if len(sys.argv) > 3 else "../shared/gold/seeds/timeline.json"
    gold = json.load(open(gold_path, encoding="utf-8"))["entities"]
    names = {}
    for g in gold:
        for v in [g["name"]] + g["variants"]:
            names.setdefault(key(v), set()).add(g["name"])
    out = subprocess.run([bin_, "analyze", "--no-progress", seeds], capture_output=True, text=True,
                         check=True).stdout
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    total = ok = 0
    misses = []
    ids = {}
    for g in gold:
        for d in docs:
            text = d["text"]
            for v in sorted(set(g["variants"]), key=len, reverse=True):
                for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
                    # Skip an occurrence inside a longer variant of another gold entity.
                    a, b = m.start(), m.end()
                    cover = [e for e in d["entities"] if e["start"] < b and a < e["end"]]
                    longer = [e for e in cover if e["end"] - e["start"] > b - a and
                              key(e["canonical"]) != key(g["name"]) and
                              names.get(key(e["text"]), set()) - {g["name"]}]
                    if longer:
                        continue
                    total += 1
                    good = [e for e in cover if g["name"] in names.get(key(e["canonical"]), {key(e["canonical"])})
                            or key(e["canonical"]) == key(g["name"])]
                    city = False
                    if not good and key(v) in CAPITALS and cover:
                        good, city = cover, True  # the city itself, where it is a place
                    ok += bool(good)
                    if good and not city:
                        for e in good:
                            if key(e["canonical"]) in CAPITALS:
                                continue
                            if key(e["canonical"]) == key(g["name"]) or g["name"] in names.get(key(e["canonical"]), set()):
                                ids.setdefault(g["name"], set()).add(e["id"])
                    if not good:
                        misses.append((g["name"], d["id"], v, [(e["text"], e["canonical"]) for e in cover]))
    split = {n: i for n, i in ids.items() if len(i) > 1}
    print(f"seed entity occurrences found and linked: {ok}/{total} ({100.0 * ok / max(total, 1):.1f}%)")
    print(f"gold entities with more than one id: {len(split)} {split if split else ''}")
    for m in misses:
        print("  miss:", m)
    return 0 if not misses and not split else 1


if __name__ == "__main__":
    sys.exit(main())
