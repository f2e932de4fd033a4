#!/usr/bin/env python3
"""Timex recognition + normalisation throughput and dev-gold recall, linimasa beside dateparser.

    bench/timex_bench.py BUILD/linimasa [--repeat N] [--peer-articles N]

Input: the shared detik articles (one per URL) as JSONL with `published` = `tanggal` (the anchor),
repeated --repeat times into bench/work/timex.jsonl so the run is long enough to time.
linimasa, one core: recognition + normalisation alone is the time stage timed in-process by
bench/stage_bench (documents already read, cleaned and tokenised); the end-to-end figure is
`analyze --stages clean,text,time` through the CLI.
Peer: dateparser's `search_dates(text, languages=['id'])` with the DCT as RELATIVE_BASE over the first
--peer-articles articles (Debian python3-dateparser; it is slow, so it sees fewer articles).
Both are scored for recall on the hand-made dev gold (tests/gold/detik-timex): a gold timex counts as
found when a returned span overlaps it (TempEval relaxed match); linimasa also gets its value F1.
Prints a table and one JSON line.
"""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import detik_common  # noqa: E402  (the gold's own readers: one CSV reader …)
import detik_timex  # noqa: E402  (… and one annotation reader)


def articles():
    """(id, tanggal as datetime, text), one per URL, in CSV order."""
    seen, out = set(), []
    for doc_id, row in detik_common.read_articles(detik_common.DEFAULT_CSV, "timex bench").items():
        if row["tautan"] not in seen:
            seen.add(row["tautan"])
            out.append((doc_id, datetime.datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M"), row["isi_berita"]))
    return out


def gold_spans():
    return {doc: [(s, e) for s, e, *_ in tx] for doc, tx in detik_timex.read_annotations(detik_timex.DEFAULT_TSV).items()}


def dateparser_spans(search_dates, text, dct):
    """search_dates returns (substring, datetime) pairs in text order: locate them one after another."""
    res = search_dates(text, languages=["id"], settings={"RELATIVE_BASE": dct}) or []
    spans, pos = [], 0
    for sub, _ in res:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        spans.append((i, i + len(sub)))
        pos = i + len(sub)
    return spans


def recall(gold, pred):
    found = 0
    for doc, gs in gold.items():
        ps = pred.get(doc, [])
        used = set()
        for s, e in gs:
            for k, (ps_, pe) in enumerate(ps):
                if k not in used and ps_ < e and s < pe:
                    used.add(k)
                    found += 1
                    break
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--stage-bench", help="the stage_bench binary (default: BIN's folder/bench/stage_bench)")
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_TIMEX_REPEAT", "10")))
    ap.add_argument("--peer-articles", type=int, default=int(os.environ.get("BENCH_TIMEX_PEER", "80")))
    a = ap.parse_args()
    a.stage_bench = a.stage_bench or os.path.join(os.path.dirname(os.path.abspath(a.bin)), "bench", "stage_bench")
    if not os.path.exists(detik_common.DEFAULT_CSV):
        print(f"timex bench: {detik_common.DEFAULT_CSV} not found (SKIPPED)")
        return 0
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("timex bench: python3-dateparser is not installed (apt-get install python3-dateparser); "
              "the peer column is SKIPPED", file=sys.stderr)
        search_dates = None
    arts = articles()
    work = os.path.join(HERE, "work", "timex.jsonl")
    os.makedirs(os.path.dirname(work), exist_ok=True)
    chars = 0
    with open(work, "w", encoding="utf-8") as f:
        for r in range(a.repeat):
            for doc_id, dct, text in arts:
                f.write(json.dumps({"id": f"r{r}-{doc_id}", "text": text,
                                    "published": dct.strftime("%Y-%m-%dT%H:%M+07:00")}, ensure_ascii=False) + "\n")
                chars += len(text)

    # The time stage alone, timed in-process over documents already read, cleaned and tokenised.
    per_stage = subprocess.run([a.stage_bench, work, "clean,text,time"], check=True, capture_output=True,
                               text=True).stdout.strip().splitlines()[-1]
    lin_s = json.loads(per_stage)["stages"]["time"]["seconds"]
    lin_cps = chars / lin_s
    # End to end through the CLI: read, clean, tokenise, split, tag, lemmatise, recognise, write.
    t0 = time.perf_counter()
    subprocess.run([a.bin, "analyze", "-j", "1", "--no-progress", "--stages", "clean,text,time", work, "-o",
                    os.devnull], check=True)
    e2e_s = time.perf_counter() - t0
    e2e_cps = chars / e2e_s

    # Dev-gold figures: linimasa's from its own evaluator, dateparser's by relaxed overlap.
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "detik_timex.py"), "build", tmp], check=True,
                   stderr=subprocess.DEVNULL)
    ev = subprocess.run([a.bin, "eval", "timex", os.path.join(tmp, "gold")], check=True, capture_output=True,
                        text=True).stdout.strip().splitlines()[-1]
    shutil.rmtree(tmp)
    ev = json.loads(ev)
    gold = gold_spans()
    n_gold = sum(len(v) for v in gold.values())

    peer = {}
    if search_dates:
        sample = arts[: a.peer_articles]
        pchars = sum(len(t) for _, _, t in sample)
        t0 = time.perf_counter()
        for _, dct, text in sample:
            dateparser_spans(search_dates, text, dct)
        peer_s = time.perf_counter() - t0
        by_id = {doc_id: (dct, text) for doc_id, dct, text in arts}
        pred = {doc: dateparser_spans(search_dates, by_id[doc][1], by_id[doc][0]) for doc in gold}
        n_pred = sum(len(v) for v in pred.values())
        found = recall(gold, pred)
        peer = {"articles": len(sample), "chars": pchars, "seconds": round(peer_s, 2),
                "chars_per_s": round(pchars / peer_s), "dev_recall": round(found / n_gold, 4),
                "dev_precision": round(found / n_pred, 4) if n_pred else 0.0}

    print(f"{'timex, one core':44s} {'articles':>9s} {'MB':>7s} {'chars/s':>12s} {'dev recall':>11s}")
    print(f"{'linimasa recognise+normalise (time stage)':44s} {len(arts) * a.repeat:9d} "
          f"{chars / 1e6:7.1f} {lin_cps:12.0f} {ev['relaxed']['r']:11.3f}")
    print(f"{'linimasa analyze --stages clean,text,time':44s} {len(arts) * a.repeat:9d} "
          f"{chars / 1e6:7.1f} {e2e_cps:12.0f} {'':>11s}")
    if peer:
        print(f"{'dateparser search_dates(languages=[id])':44s} {peer['articles']:9d} "
              f"{peer['chars'] / 1e6:7.2f} {peer['chars_per_s']:12.0f} {peer['dev_recall']:11.3f}")
        print(f"speed-up over dateparser: {lin_cps / peer['chars_per_s']:.0f}x recognise+normalise (target >= 100x), "
              f"{e2e_cps / peer['chars_per_s']:.0f}x end to end with JSON in and out; "
              f"linimasa dev value F1 {ev['value_f1']['f1']:.3f}, relaxed F1 {ev['relaxed']['f1']:.3f}; "
              f"dateparser dev precision {peer['dev_precision']:.3f}")
    print(json.dumps({"linimasa": {"articles": len(arts) * a.repeat, "chars": chars, "time_stage_seconds": round(lin_s, 3),
                                   "end_to_end_seconds": round(e2e_s, 2), "chars_per_s": round(lin_cps),
                                   "end_to_end_chars_per_s": round(e2e_cps), "dev_recall": ev["relaxed"]["r"],
                                   "dev_relaxed_f1": ev["relaxed"]["f1"], "dev_value_f1": ev["value_f1"]["f1"]},
                      "dateparser": peer}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
