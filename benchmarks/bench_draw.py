"""Render-only cost: paint (geometry → display list) and drawing (display list → file), timed apart from layout.

Run: .venv/bin/python benchmarks/bench_draw.py [--rounds 3] [spec ...] (default examples/gongrenjie.yaml).
Each spec is laid out once (its layout time is reported) and pickled; then each round of each case is a fresh
process that unpickles the layout and paints and writes it (imports, fonts and glyph caches start cold, as for a
user); rounds are interleaved. Times are CPU seconds of the process (the machine is shared: wall time mostly
measures the neighbours), medians, for PDF (PDF/X-4), PNG at 150 dpi and PNG at 300 dpi.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time

CASES = (("pdf", 150), ("png", 150), ("png", 300))

_CHILD = r"""
import json, os, pickle, sys, time
pkl, fmt, dpi, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
cpu, wall = time.process_time, time.perf_counter
with open(pkl, "rb") as f:
    lay = pickle.load(f)
c0, w0 = cpu(), wall()
dl = lay.display
c1, w1 = cpu(), wall()
from comicboard.render import _render
_render(dl, out, dpi=dpi)
c2, w2 = cpu(), wall()
print(json.dumps({"paint": c1 - c0, "draw": c2 - c1, "wall": w2 - w0,
                  "items": sum(len(p.items) for p in dl.pages), "bytes": os.path.getsize(out)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("specs", nargs="*", default=["examples/gongrenjie.yaml"])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import comicboard as cb

    tmp = tempfile.mkdtemp(prefix="bench-draw-")
    pickles, layout_cpu = {}, {}
    for n, spec in enumerate(args.specs):
        c0 = time.process_time()
        lay = cb.layout(cb.load(spec))
        layout_cpu[spec] = time.process_time() - c0
        pickles[spec] = f"{tmp}/{n}.pkl"
        with open(pickles[spec], "wb") as f:
            pickle.dump(lay, f)
    res: dict[tuple[str, str, float], list[dict]] = {}
    for _ in range(args.rounds):
        for spec in args.specs:
            for fmt, dpi in CASES:
                out = f"{tmp}/out.{fmt}"
                p = subprocess.run([sys.executable, "-c", _CHILD, pickles[spec], fmt, str(dpi), out],
                                   capture_output=True, text=True, check=True, env={**os.environ})
                res.setdefault((spec, fmt, dpi), []).append(json.loads(p.stdout.strip().splitlines()[-1]))
    print(f"CPU seconds, medians of {args.rounds} fresh processes; layout: one in-process run")
    print(f"{'spec':32} {'case':8} {'layout':>7} {'paint':>6} {'draw':>6} {'p+d':>6} {'wall':>6} {'items':>6} "
          f"{'bytes':>9}")
    for (spec, fmt, dpi), rows in res.items():
        med = {k: statistics.median(r[k] for r in rows) for k in ("paint", "draw", "wall", "bytes")}
        pd = statistics.median(r["paint"] + r["draw"] for r in rows)
        case = "pdf" if fmt == "pdf" else f"png {dpi:g}"
        print(f"{spec[-32:]:32} {case:8} {layout_cpu[spec]:7.2f} {med['paint']:6.2f} {med['draw']:6.2f} "
              f"{pd:6.2f} {med['wall']:6.2f} {rows[0]['items']:6d} {int(med['bytes']):9d}")


if __name__ == "__main__":
    main()
