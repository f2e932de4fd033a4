#!/usr/bin/python3
"""Writes the unlabeled text that `linimasa train clusters` learns word classes from.

One sentence per line, tokens separated by single spaces, lower-cased. Sources (all under
../shared/data): IndoSum articles (CC BY-SA 4.0) and the *training* files of the POS/NER/UD sets
whose licences allow shipping what is derived from them (their words only, not their labels; the
IndoLEM NER sets have no licence and stay out). Every dev/validation sentence of those sets is left out, and so
is any IndoSum sentence that shares a 5-gram with one: the clusters feed the POS and NER taggers,
whose dev figures must not be training scores.

usage: tools/cluster_corpus.py SHARED_DATA_DIR OUT.txt
"""
import json
import os
import sys


def conll_sentences(path, sep=None):
    """Yields token lists from a one-token-per-line file (first field is the token)."""
    cur = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    yield cur
                cur = []
                continue
            if line.startswith("#"):
                continue
            fields = line.split("\t") if "\t" in line else line.split(" ")
            if path.endswith(".conllu"):
                if len(fields) < 2 or "-" in fields[0] or "." in fields[0]:
                    continue
                cur.append(fields[1])
            else:
                cur.append(fields[0])
    if cur:
        yield cur


def norm(tokens):
    return "".join(c for t in tokens for c in t.lower() if c.isalnum())


def grams(tokens, n=5):
    low = [t.lower() for t in tokens]
    return {tuple(low[i:i + n]) for i in range(len(low) - n + 1)}


def main():
    data, out = sys.argv[1], sys.argv[2]
    p = lambda *a: os.path.join(data, *a)
    dev_files = [
        p("ud-indonesian-gsd", "id_gsd-ud-dev.conllu"),
        p("indonlu-nergrit", "valid_preprocess.txt"),
        p("indonlu-nerp", "valid_preprocess.txt"),
        p("indonlu-posp", "valid_preprocess.txt"),
        p("indonlu-bapos", "valid_preprocess.txt"),
        p("idner-news-2k", "dev.txt"),
        p("indolem-nerui", "dev.01.tsv"),
        p("indolem-nerugm", "dev.01.tsv"),
    ]
    train_files = [
        p("ud-indonesian-csui", "id_csui-ud-train.conllu"),
        p("indonlu-nergrit", "train_preprocess.txt"),
        p("indonlu-nerp", "train_preprocess.txt"),
        p("indonlu-bapos", "train_preprocess.txt"),
        p("idner-news-2k", "train.txt"),
    ]
    dev_norm, dev_grams = set(), set()
    for f in dev_files:
        for s in conll_sentences(f):
            dev_norm.add(norm(s))
            dev_grams |= grams(s)
    kept = dropped = 0
    seen = set()
    with open(out, "w", encoding="utf-8") as o:

        def emit(tokens):
            nonlocal kept, dropped
            n = norm(tokens)
            if not n or n in seen:
                return
            seen.add(n)
            if n in dev_norm or grams(tokens) & dev_grams:
                dropped += 1
                return
            kept += 1
            o.write(" ".join(t.lower().replace(" ", "_") for t in tokens) + "\n")

        for f in train_files:
            for s in conll_sentences(f):
                emit(s)
        with open(p("indosum", "indosum_dev02-05_minus_dev01.jsonl"), encoding="utf-8") as f:
            for line in f:
                for para in json.loads(line)["paragraphs"]:
                    for s in para:
                        emit(s)
    print(f"cluster corpus: {kept} sentences written, {dropped} left out (dev overlap)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
