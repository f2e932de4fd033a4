#!/usr/bin/env python3
"""Entity mention precision on 40 shared detik articles, judged by hand (entities issue).

    tools/entity_precision.py BIN [--csv PATH] [--judgments TSV] [--min-entity P] [--min-strict P]

tests/gold/entity-precision/judgments.tsv gives, for every mention linimasa output on 40 detik
articles (the first 40 by SHA-1 of their id, in two batches of 20, chosen before reading them), a
verdict read by hand:
`ok` (a named entity, its span and type right), `type` (a named entity typed wrong), `span` (a named
entity with a word too many or too few) or `no` (no named entity: a title, a term, a common noun).
This runs BIN on the same articles and matches its mentions to the judgments by (article, start,
end, type): entity precision is (ok + type + span) / judged, strict precision ok / judged. Mentions
output now but never judged are listed (judge them and add them to the file); judged mentions no
longer output are counted. Exits 1 below a floor, 3 (and a message) when the CSV is missing.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "data", "detik-news-2025", "data_berita.shared.csv")
JUDGMENTS = os.path.join(HERE, "..", "tests", "gold", "entity-precision", "judgments.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--csv", default=DEFAULT)
    ap.add_argument("--judgments", default=JUDGMENTS)
    ap.add_argument("--min-entity", type=float, default=0.0)
    ap.add_argument("--min-strict", type=float, default=0.0)
    a = ap.parse_args()
    if not os.path.exists(a.csv):
        print(f"SKIPPED: {a.csv} is missing (needs ../shared)", file=sys.stderr)
        return 3
    judged = {}
    for n, line in enumerate(open(a.judgments, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 5 or f[4] not in ("ok", "type", "span", "no"):
            print(f"{a.judgments}:{n}: expected doc, start, end, type, verdict (ok|type|span|no)",
                  file=sys.stderr)
            return 2
        judged[f[0], int(f[1]), int(f[2]), f[3]] = f[4]
    docs = {k[0] for k in judged}
    with tempfile.TemporaryDirectory() as work:
        src, out = os.path.join(work, "in.jsonl"), os.path.join(work, "out.jsonl")
        conv = subprocess.run([sys.executable, os.path.join(HERE, "detik_to_jsonl.py"), "--csv", a.csv,
                               "--with-meta", "--unique"], capture_output=True, text=True, check=True)
        with open(src, "w", encoding="utf-8") as f:
            for line in conv.stdout.splitlines():
                if json.loads(line)["id"] in docs:
                    f.write(line + "\n")
        subprocess.run([a.bin, "analyze", "--no-progress", src, "-o", out], check=True)
        verdicts, unjudged = collections.Counter(), []
        seen = set()
        for line in open(out, encoding="utf-8"):
            d = json.loads(line)
            for e in d.get("entities", []):
                key = (d["id"], e["start"], e["end"], e["type"])
                if key in judged:
                    verdicts[judged[key]] += 1
                    seen.add(key)
                else:
                    unjudged.append((d["id"], e["start"], e["end"], e["type"], d["text"][e["start"]:e["end"]]))
    n = sum(verdicts.values())
    entity = (verdicts["ok"] + verdicts["type"] + verdicts["span"]) / n if n else 0.0
    strict = verdicts["ok"] / n if n else 0.0
    for u in unjudged:
        print("unjudged\t" + "\t".join(map(str, u)))
    print(f"{len(docs)} articles, {n} judged mentions output ({dict(verdicts)}), {len(unjudged)} unjudged, "
          f"{len(judged) - len(seen)} judged no longer output")
    print(f"entity precision {entity:.3f} (floor {a.min_entity}), strict (span and type) {strict:.3f} "
          f"(floor {a.min_strict})")
    return 0 if entity >= a.min_entity and strict >= a.min_strict else 1


if __name__ == "__main__":
    sys.exit(main())
