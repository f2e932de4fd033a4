#!/usr/bin/env python3
"""Peer: readability-lxml (Debian python3-readability) on the same HTML pages. Prints pages/s."""
import os
import sys
import time

from readability import Document

d = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
files = sorted(os.listdir(d))[:limit]
pages = [open(os.path.join(d, f), encoding="utf-8").read() for f in files]
t = time.perf_counter()
for p in pages:
    Document(p).summary()
dt = time.perf_counter() - t
mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
print(f"{len(pages)} {dt:.3f} {mb:.3f}")
