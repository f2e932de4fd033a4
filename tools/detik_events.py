#!/usr/bin/env python3
"""The hand-made events and quotes development gold on shared detik articles: anchor and build.

The annotations are standoff (tests/gold/detik-events/annotations.tsv): the article text has no
licence to redistribute, so the repository keeps ids, offsets and the first words of each span;
the gold JSONL that `linimasa eval events|quotes` reads is rebuilt from ../shared when it runs.

    tools/detik_events.py build OUT.jsonl [--csv PATH] [--annotations TSV] [--articles TXT]
        writes one JSON object per article of articles.txt: {"id", "published", "title", "text",
        "events": [...], "quotes": [...]} (the gold format of `linimasa eval events|quotes`, see
        tests/gold/detik-events/README.md). Exit 3 (and a message) when the CSV is missing.
    tools/detik_events.py anchor DRAFT.tsv [--csv PATH] > annotations.tsv
        turns an annotator's draft into offsets. Draft lines, in text order per article:
          E <doc> <trigger>[#N] <TYPE> <actors> <targets> <place> <time> <modality>
          Q <doc> <first words> <d|i> <speaker> <cue> [<last words>]
        (tab-separated; names joined by "|", alternatives of one name by "/"; #N passes over N
        earlier matches). A trigger is searched from the previous trigger of its article, a quote
        from the previous quote, at word boundaries. A direct quote (d) ends at the closing quote
        mark after its first words, an indirect one (i) at the end of its sentence, unless last
        words are given. Every line that cannot be anchored is reported.

Offsets are Unicode code points into the CSV's `isi_berita`, end exclusive (as INTERFACE.md counts).
"""
import json
import os
import re
import sys

from detik_common import dct, find_at_boundary, read_articles, run_cli

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_DIR = os.path.join(HERE, "..", "tests", "gold", "detik-events")
DEFAULT_TSV = os.path.join(GOLD_DIR, "annotations.tsv")
DEFAULT_ARTICLES = os.path.join(GOLD_DIR, "articles.txt")
TYPES = {"MEET", "VISIT", "ARRIVE", "INVITE", "STATEMENT", "PRAISE", "SUPPORT", "AGREE", "ACCUSE", "DENY",
         "DEMAND", "THREATEN", "SANCTION", "ATTACK", "ASSAULT", "SUPPLY_ARMS", "AID", "ARREST", "PROTEST",
         "ANNOUNCE"}
MODALITIES = {"asserted", "planned", "reported", "alleged", "denied", "hypothetical"}
CLOSING = "\"\u201d"
SENTENCE_END = re.compile(r"[.!?][\"\u201d]?(?=\s|$)|\n")


def split_skip(surface):
    m = re.fullmatch(r"(.*)#(\d+)", surface)
    return (m.group(1), int(m.group(2))) if m else (surface, 0)


def anchor(args):
    arts = read_articles(args.csv, "detik_events")
    print("# E doc start end TYPE actors targets place time modality trigger")
    print("# Q doc start end kind speaker cue first-words")
    ev_pos, q_pos = {}, {}
    bad = 0

    def err(n, msg):
        nonlocal bad
        bad += 1
        print(f"{args.draft}:{n}: {msg}", file=sys.stderr)

    with open(args.draft, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            c = line.split("\t")
            if c[0] not in ("E", "Q") or len(c) < 2 or c[1] not in arts:
                err(n, "expected E or Q and an article id of the CSV")
                continue
            doc, text = c[1], arts[c[1]]["isi_berita"]
            if c[0] == "E":
                if len(c) != 9:
                    err(n, f"an event has 9 tab-separated columns, this line has {len(c)}")
                    continue
                typ, modality = c[3], c[8]
                if typ not in TYPES or modality not in MODALITIES:
                    err(n, f"unknown type '{typ}' or modality '{modality}'")
                    continue
                if c[7] and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|\d{4}-W\d\d", c[7]):
                    err(n, f"time '{c[7]}' is not a TIMEX3 date value")
                    continue
                surface, skip = split_skip(c[2])
                i = find_at_boundary(text, surface, ev_pos.get(doc, 0), skip)
                if i < 0:
                    err(n, f"trigger '{surface}' not found in article {doc} after offset {ev_pos.get(doc, 0)}")
                    continue
                ev_pos[doc] = i + len(surface)
                print("\t".join(["E", doc, str(i), str(i + len(surface)), typ, c[4], c[5], c[6], c[7], modality,
                                 surface]))
            else:
                if len(c) not in (6, 7) or c[3] not in ("d", "i"):
                    err(n, "a quote is: Q, doc, first words, d|i, speaker, cue[, last words]")
                    continue
                first, skip = split_skip(c[2])
                i = find_at_boundary(text, first, q_pos.get(doc, 0), skip)
                if i < 0:
                    err(n, f"quote start '{first}' not found in article {doc} after offset {q_pos.get(doc, 0)}")
                    continue
                after = i + len(first)
                if len(c) == 7:
                    j = text.find(c[6], after)
                    end = j + len(c[6]) if j >= 0 else -1
                elif c[3] == "d":
                    ends = [k for k in (text.find(q, after) for q in CLOSING) if k >= 0]
                    end = min(ends) if ends else -1
                    if end >= 0 and text[end - 1] in ",.":  # '…nasional," kata' — the comma is not said
                        end -= 1
                else:
                    m = SENTENCE_END.search(text, after)
                    end = m.start() if m else len(text)
                if end < 0:
                    err(n, f"no end for the quote starting '{first}' in article {doc}")
                    continue
                if c[3] == "d" and (i == 0 or text[i - 1] not in "\"\u201c"):
                    err(n, f"direct quote '{first}' does not follow an opening quote mark")
                    continue
                if "\n" in text[i:end] and c[3] == "i":
                    err(n, f"indirect quote '{first}' runs over a line end")
                    continue
                q_pos[doc] = i + 1
                print("\t".join(["Q", doc, str(i), str(end), c[3], c[4], c[5], first]))
    return 1 if bad else 0


def names(field):
    return [n for n in field.split("|") if n] if field else []


def build(args):
    arts = read_articles(args.csv, "detik_events")
    with open(args.articles, encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    gold = {doc: {"events": [], "quotes": []} for doc in listed}
    with open(args.annotations, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            where = f"{args.annotations}:{n}"
            if c[1] not in gold:
                sys.exit(f"{where}: article {c[1]} is annotated but not listed in {args.articles}")
            if c[1] not in arts:
                sys.exit(f"{where}: article {c[1]} is not in {args.csv}")
            text = arts[c[1]]["isi_berita"]
            s, e = int(c[2]), int(c[3])
            if c[0] == "E" and len(c) == 11:
                if text[s:e] != c[10]:
                    sys.exit(f"{where}: article {c[1]} has '{text[s:e]}' at {s}-{e}, not '{c[10]}'"
                             " (the corpus changed: re-anchor the draft)")
                gold[c[1]]["events"].append({
                    "type": c[4], "trigger": {"start": s, "end": e, "text": c[10]}, "actors": names(c[5]),
                    "targets": names(c[6]), "place": c[7] or None, "time": c[8] or None, "modality": c[9]})
            elif c[0] == "Q" and len(c) == 8:
                if not text[s:e].startswith(c[7]):
                    sys.exit(f"{where}: article {c[1]} does not have '{c[7]}' at {s}"
                             " (the corpus changed: re-anchor the draft)")
                gold[c[1]]["quotes"].append({"start": s, "end": e, "text": text[s:e], "kind": c[4],
                                             "speaker": c[5] or None, "cue": c[6] or None})
            else:
                sys.exit(f"{where}: expected an E line of 11 or a Q line of 8 tab-separated columns")
    n_ev = n_q = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in listed:
            if doc not in arts:
                sys.exit(f"{args.articles}: article {doc} is not in {args.csv}")
            row = arts[doc]
            g = gold[doc]
            g["events"].sort(key=lambda x: x["trigger"]["start"])
            g["quotes"].sort(key=lambda x: x["start"])
            n_ev += len(g["events"])
            n_q += len(g["quotes"])
            rec = {"id": "detik-" + doc, "published": dct(row["tanggal"]), "title": row["judul"],
                   "text": row["isi_berita"], "events": g["events"], "quotes": g["quotes"]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"detik_events: {len(listed)} articles, {n_ev} events, {n_q} quotes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(__doc__, build, anchor, DEFAULT_TSV, DEFAULT_ARTICLES))
