#!/usr/bin/env python3
"""The hand-made TIMEX3 development gold on shared detik articles: anchor and build.

The annotations are standoff (tests/gold/detik-timex/annotations.tsv): the article text has no
licence to redistribute, so the repository keeps only ids, offsets, surfaces and values, and the
TimeML files are rebuilt from ../shared whenever the evaluation runs.

    tools/detik_timex.py build OUT_DIR [--csv PATH] [--annotations TSV]
        writes, for each article of tests/gold/detik-timex/articles.txt, OUT_DIR/gold/*.tml (TEXT
        with TIMEX3 tags) and OUT_DIR/input/*.tml (the same, tags stripped); DCT = the CSV's `tanggal` (WIB).
        Exit 3 (and a message) when the CSV is missing: callers print SKIPPED.
    tools/detik_timex.py anchor DRAFT.txt [--csv PATH] > annotations.tsv
        turns an annotator's draft (lines `id<TAB>surface<TAB>type<TAB>value[<TAB>mod[<TAB>skip=N]]`
        in text order; skip=N passes over N earlier matches of the surface) into standoff offsets:
        each surface is searched from the end of the previous one in the same article, at word
        boundaries. Every surface that cannot be found is reported with its line.

Offsets are Unicode code points into the CSV's `isi_berita`, end exclusive (as INTERFACE.md counts).
Both commands check that each stored surface equals the text at its offsets, so a changed corpus
is detected rather than scored.
"""
import os
import sys

from xml.sax.saxutils import escape

from detik_common import dct, find_at_boundary, read_articles, run_cli

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_DIR = os.path.join(HERE, "..", "tests", "gold", "detik-timex")
DEFAULT_TSV = os.path.join(GOLD_DIR, "annotations.tsv")
DEFAULT_ARTICLES = os.path.join(GOLD_DIR, "articles.txt")
COLUMNS = ["doc", "start", "end", "type", "value", "mod", "surface"]


def anchor(args):
    arts = read_articles(args.csv, "detik_timex")
    print("# " + "\t".join(COLUMNS))
    pos = {}
    bad = 0
    with open(args.draft, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            skip = 0
            if cols and cols[-1].startswith("skip="):
                skip = int(cols.pop()[5:])
            while cols and cols[-1] == "":
                cols.pop()
            if len(cols) < 4:
                print(f"{args.draft}:{n}: expected id, surface, type, value[, mod]", file=sys.stderr)
                bad += 1
                continue
            doc, surface, typ, value = cols[:4]
            mod = cols[4] if len(cols) > 4 else ""
            if doc not in arts:
                print(f"{args.draft}:{n}: no article with id {doc} in {args.csv}", file=sys.stderr)
                bad += 1
                continue
            text = arts[doc]["isi_berita"]
            i = find_at_boundary(text, surface, pos.get(doc, 0), skip)
            if i < 0:
                print(f"{args.draft}:{n}: '{surface}' not found in article {doc} after offset {pos.get(doc, 0)}",
                      file=sys.stderr)
                bad += 1
                continue
            pos[doc] = i + len(surface)
            print("\t".join([doc, str(i), str(i + len(surface)), typ, value, mod, surface]))
    return 1 if bad else 0


def read_annotations(path):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) != len(COLUMNS):
                sys.exit(f"{path}:{n}: expected {len(COLUMNS)} tab-separated columns ({', '.join(COLUMNS)})")
            docs.setdefault(c[0], []).append((int(c[1]), int(c[2]), c[3], c[4], c[5], c[6], n))
    return docs


def build(args):
    arts = read_articles(args.csv, "detik_timex")
    docs = read_annotations(args.annotations)
    with open(args.articles, encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for doc in docs:
        if doc not in listed:
            sys.exit(f"{args.annotations}: article {doc} is annotated but not listed in {args.articles}")
    for doc in listed:
        docs.setdefault(doc, [])  # an annotated article without timexes still counts (precision)
    gold_dir = os.path.join(args.out, "gold")
    in_dir = os.path.join(args.out, "input")
    os.makedirs(gold_dir, exist_ok=True)
    os.makedirs(in_dir, exist_ok=True)
    n_tx = 0
    for doc, tx in sorted(docs.items(), key=lambda kv: int(kv[0])):
        if doc not in arts:
            sys.exit(f"{args.annotations}: article {doc} is not in {args.csv}")
        row = arts[doc]
        text = row["isi_berita"]
        tx.sort()
        parts, last = [], 0
        for k, (s, e, typ, value, mod, surface, n) in enumerate(tx):
            if text[s:e] != surface:
                sys.exit(f"{args.annotations}:{n}: article {doc} has '{text[s:e]}' at {s}-{e}, not '{surface}'"
                         " (the corpus changed: re-anchor the draft)")
            if s < last:
                sys.exit(f"{args.annotations}:{n}: overlaps the previous timex of article {doc}")
            attrs = f'tid="t{k + 1}" type="{typ}" value="{value}"' + (f' mod="{mod}"' if mod else "")
            parts.append(escape(text[last:s]))
            parts.append(f"<TIMEX3 {attrs}>{escape(surface)}</TIMEX3>")
            last = e
        parts.append(escape(text[last:]))
        body = "".join(parts)
        d = dct(row["tanggal"])
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>detik-' + doc + "</DOCID>\n"
                f'<DCT><TIMEX3 tid="t0" type="{"TIME" if "T" in d else "DATE"}" value="{d}" temporalFunction="false" '
                f'functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n<TEXT>')
        tail = "</TEXT>\n</TimeML>\n"
        name = f"detik-{doc}.tml"
        with open(os.path.join(gold_dir, name), "w", encoding="utf-8") as f:
            f.write(head + body + tail)
        with open(os.path.join(in_dir, name), "w", encoding="utf-8") as f:
            f.write(head + escape(text) + tail)
        n_tx += len(tx)
    print(f"detik_timex: {len(docs)} articles, {n_tx} timexes -> {args.out}/gold and {args.out}/input",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(__doc__, build, anchor, DEFAULT_TSV, DEFAULT_ARTICLES))
