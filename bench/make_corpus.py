#!/usr/bin/env python3
"""Builds the benchmark inputs from ../shared (kept outside git, under bench/work/):
  corpus.jsonl  >= --mb MB of {"id","text"} records: the detik articles (raw, with boilerplate)
                and the IndoSum articles (detokenised), repeated with fresh ids;
  html/         --pages HTML pages: the same articles inside a typical news-portal page (menu,
                share bar, related-article list, sidebar, footer, scripts), for main-content
                extraction throughput. The template is synthetic; the text is real.
"""
import argparse
import csv
import html
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "data")


def detok(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    return s.replace(" / ", "/")


def articles():
    csv.field_size_limit(1 << 30)
    with open(os.path.join(SHARED, "detik-news-2025", "data_berita.shared.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["judul"], row["isi_berita"]
    with open(os.path.join(SHARED, "indosum", "indosum_dev02-05_minus_dev01.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            paras = ["".join(detok(s) + " " for s in p).strip() for p in r["paragraphs"]]
            yield r["id"], "\n".join(paras)


PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{title} - Portal Berita</title>
<meta property="og:site_name" content="Portal Berita"><meta property="og:title" content="{title}">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script>
<style>body{{font-family:sans-serif}} .nav a{{margin:4px}}</style></head>
<body><header class="site-header"><div class="nav">{nav}</div></header>
<div class="container"><main><article class="detail">
<h1 class="detail__title">{title}</h1><div class="detail__author">Tim Redaksi</div>
<div class="share-box"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<div class="detail__body-text">{body}</div>
<div class="tags">Tags: <a href="/t/a">berita</a> <a href="/t/b">nasional</a></div>
</article>
<div class="related-box"><h3>Berita Terkait</h3><ul>{related}</ul></div></main>
<aside class="sidebar"><h3>Terpopuler</h3><ol>{popular}</ol><div class="ads">Advertisement</div></aside></div>
<footer class="footer"><p>Copyright 2025 Portal Berita. All rights reserved.</p><a href="/about">Tentang Kami</a></footer>
<script>console.log("done")</script></body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=60)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--out", default=os.path.join(HERE, "work"))
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "html"), exist_ok=True)
    arts = list(articles())
    rnd = random.Random(7)
    size, n = 0, 0
    with open(os.path.join(a.out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        while size < a.mb << 20:
            title, text = arts[n % len(arts)]
            line = json.dumps({"id": f"b{n}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    titles = [t for t, _ in arts]
    for i in range(a.pages):
        title, text = arts[i % len(arts)]
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        links = lambda k: "".join(f'<li><a href="/a/{rnd.randrange(10**6)}">{html.escape(rnd.choice(titles)[:90])}</a></li>' for _ in range(k))
        nav = "".join(f'<a href="/{c}">{c.title()}</a>' for c in ["news", "finance", "sport", "tekno", "hot", "travel", "food", "health"])
        page = PAGE.format(title=html.escape(title[:120]), nav=nav, body=body, related=links(5), popular=links(8))
        with open(os.path.join(a.out, "html", f"p{i:05d}.html"), "w", encoding="utf-8") as f:
            f.write(page)
    print(f"corpus.jsonl: {n} records, {size / 1e6:.1f} MB; html/: {a.pages} pages")


if __name__ == "__main__":
    main()
