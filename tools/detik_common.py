"""Shared by the detik development-gold tools (detik_timex.py, detik_events.py): reading the shared
CSV, its publication time as a DCT, and finding an annotator's surface in an article."""
import argparse
import csv
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CSV = os.path.join(HERE, "..", "..", "shared", "data", "detik-news-2025", "data_berita.shared.csv")


def read_articles(path, tool):
    """id -> CSV row (first row of an id). Exit 3 with a message when the CSV is missing."""
    if not os.path.exists(path):
        print(f"{tool}: {path} not found (the shared detik corpus); pass --csv PATH", file=sys.stderr)
        sys.exit(3)
    csv.field_size_limit(1 << 30)
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["id"], row)
    return out


def dct(tanggal):
    """The CSV's `tanggal` ("M/D/YYYY HH:MM", WIB) as a TIMEX3 value."""
    t = datetime.datetime.strptime(tanggal, "%m/%d/%Y %H:%M")
    return t.strftime("%Y-%m-%dT%H:%M+07:00")


def find_at_boundary(text, surface, pos, skip):
    """Offset of `surface` in `text` from `pos` at word boundaries, passing over `skip` matches; -1."""
    while True:
        i = text.find(surface, pos)
        if i < 0:
            return -1
        end = i + len(surface)
        ok = (i == 0 or not text[i - 1].isalnum() or not surface[0].isalnum()) and (
            end == len(text) or not text[end].isalnum() or not surface[-1].isalnum())
        if ok:
            if skip == 0:
                return i
            skip -= 1
        pos = i + 1


def run_cli(doc, build, anchor, annotations, articles):
    """The command line both dev-gold tools share: `build OUT` (from the standoff annotations and
    the shared CSV) and `anchor DRAFT` (offsets for a hand-written draft)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--csv", default=DEFAULT_CSV)
    b.add_argument("--annotations", default=annotations)
    b.add_argument("--articles", default=articles)
    a = sub.add_parser("anchor")
    a.add_argument("draft")
    a.add_argument("--csv", default=DEFAULT_CSV)
    args = ap.parse_args()
    return build(args) if args.cmd == "build" else anchor(args)
