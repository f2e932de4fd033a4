#!/usr/bin/env python3
"""Converts the shared IndoSum articles (tokenised JSONL) to linimasa JSONL input.

Each record gets "id" ("indosum-" + the IndoSum id), "url", "outlet" (the IndoSum `source`),
"published" (the Unix timestamp leading the id, as ISO 8601 in WIB) and "text": the paragraphs
detokenised (spaces removed before closing punctuation and after opening brackets/quotes).
Used for story grouping and search evaluation and benchmarks; the corpus is CC BY-SA 4.0: keep
the output outside the repository.

    tools/indosum_to_jsonl.py [--input PATH] > indosum.jsonl        (exit 3: input missing)
"""
import argparse
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "data", "indosum", "indosum_dev02-05_minus_dev01.jsonl")
WIB = datetime.timezone(datetime.timedelta(hours=7))
NO_SPACE_BEFORE = set(",.;:!?)]}%")
NO_SPACE_AFTER = set("([{")


def detokenize(tokens):
    out = ""
    open_quote = False
    for t in tokens:
        t = t.replace("\u00a0", " ").strip()
        if not t:
            continue
        if t == '"':
            if open_quote:
                out += t
            else:
                out += (" " if out else "") + t
            open_quote = not open_quote
            continue
        glue = (not out or t[0] in NO_SPACE_BEFORE or out[-1] in NO_SPACE_AFTER
                or (open_quote and out.endswith('"') and (len(out) == 1 or out[-2] == " ")))
        out += ("" if glue else " ") + t
    return re.sub(r"(\d) ([/:]) (?=\d)", r"\1\2", out)  # "8 / 9 / 2017" → "8/9/2017", "07 : 09" → "07:09"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default=DEFAULT)
    a = ap.parse_args()
    if not os.path.exists(a.input):
        print(f"indosum_to_jsonl: {a.input} not found (needs ../shared)", file=sys.stderr)
        return 3
    with open(a.input, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            paras = [" ".join(detokenize(s) for s in p) for p in r["paragraphs"]]
            rec = {"id": "indosum-" + r["id"], "url": r.get("source_url"), "outlet": r.get("source"),
                   "text": "\n\n".join(paras)}
            stamp = r["id"].split("-", 1)[0]
            if stamp.isdigit():
                rec["published"] = datetime.datetime.fromtimestamp(int(stamp), WIB).isoformat(timespec="minutes")
            print(json.dumps(rec, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
