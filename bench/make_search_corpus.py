#!/usr/bin/env python3
"""Builds the search/ingest benchmark corpus: the shared IndoSum and detik articles plus sample/,
repeated until N documents (each copy gets its own id, URL and a closing "Arsip N." line, so the
store keeps every copy). Output JSONL on stdout; exit 3 without ../shared.

    bench/make_search_corpus.py N > corpus.jsonl
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    base = []
    for tool, args in (("indosum_to_jsonl.py", []), ("detik_to_jsonl.py", ["--with-meta", "--unique"])):
        p = subprocess.run([sys.executable, os.path.join(ROOT, "tools", tool)] + args, capture_output=True, text=True)
        if p.returncode == 3:
            print("make_search_corpus: ../shared not found", file=sys.stderr)
            return 3
        p.check_returncode()
        base += [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    sample = os.path.join(ROOT, "sample")
    for name in sorted(os.listdir(sample)):
        if name.endswith(".txt"):
            with open(os.path.join(sample, name), encoding="utf-8") as f:
                base.append({"id": name[:-4], "text": f.read()})
    out = sys.stdout
    for i in range(n):
        r = dict(base[i % len(base)])
        copy = i // len(base)
        if copy:
            r["id"] = f"{r['id']}~{copy}"
            if r.get("url"):
                r["url"] = f"{r['url']}?copy={copy}"
            r["text"] = r["text"] + f"\n\nArsip {copy}."
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
