#!/usr/bin/env python3
"""Boilerplate removal on the shared detik corpus: what is left, what is lost.

    tools/eval_boilerplate.py build/linimasa [--csv PATH] [--show]

Feeds the corpus as JSONL with "id" and "text" only (tools/detik_to_jsonl.py), runs
`linimasa analyze`, then judges each raw line with an INDEPENDENT reference list of portal
furniture written for this script (not the engine's cue file):
  - leftover: reference-furniture lines still in the clean text (target: 0);
  - content kept: of the raw lines the reference does not call furniture, the share that is still
    in the clean text (target: >= 99%). Lines the engine removed that the reference calls content
    are printed with --show so a person can check whether each is really content.
Prints a table and a JSON line.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Reference furniture for detik-style pages (and common to most portals).
REFERENCE = [re.compile(p, re.I) for p in [
    r"^scroll to continue with content$", r"^advertisement$", r"^iklan$",
    r"^baca (juga|pula)\b", r"^(simak|tonton|lihat|saksikan) (juga )?(video|live)",
    r"^\[gambas:", r"^(artikel|berita|tulisan) ini (telah |sudah |pertama kali )?(tayang|terbit)",
    r"^(editor|penulis|reporter|pewarta)\s*:", r"^oleh\s*:?$", r"^\(\w{2,5}(/\w{2,5})+\)$",
    r"^(foto|video)\s*:", r"^\(foto:", r"^-{3,}$|^\*{3,}$", r"^(disadur|diadaptasi) (dari|oleh) [^,.]{0,80}$",
    r"halaman (selanjutnya|berikutnya)", r"^scroll to (continue|resume)",
    r"klik di ?sini", r"tidak mencerminkan pandangan redaksi", r"^baca beritanya dalam ?bahasa",
]]


def furniture(line):
    return any(r.search(line) for r in REFERENCE)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--csv")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    conv = [sys.executable, os.path.join(HERE, "detik_to_jsonl.py")] + (["--csv", a.csv] if a.csv else [])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "detik.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            subprocess.run(conv, stdout=f, check=True)
        raw = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(src, encoding="utf-8")}
        out = subprocess.run([a.binary, "analyze", src], capture_output=True, text=True)
        if out.returncode > 1:
            sys.exit(f"eval_boilerplate: linimasa failed: {out.stderr[-500:]}")
    docs = [json.loads(l) for l in out.stdout.splitlines()]
    leftover, lost, content, kept = [], [], 0, 0
    for d in docs:
        clean_lines = set(l.strip() for l in d["text"].split("\n"))
        for line in raw[d["id"]].split("\n"):
            t = line.strip()
            if not t:
                continue
            if furniture(t):
                if t in clean_lines:
                    leftover.append((d["id"], t))
                continue
            content += 1
            if t in clean_lines or t in d["text"]:
                kept += 1
            else:
                lost.append((d["id"], t))
    print(f"documents        {len(docs)} (of {len(raw)} records)")
    print(f"furniture left   {len(leftover)}")
    print(f"content lines    {content}")
    print(f"content kept     {kept} ({100.0 * kept / max(content, 1):.2f}%)")
    if a.show:
        for i, t in leftover:
            print(f"  LEFT  {i}: {t[:120]}")
        for i, t in lost:
            print(f"  LOST  {i}: {t[:120]}")
    print(json.dumps({"documents": len(docs), "furniture_left": len(leftover), "content_lines": content,
                      "content_kept": kept, "content_kept_pct": round(100.0 * kept / max(content, 1), 3)}))


if __name__ == "__main__":
    main()
