"""Render-only cost: paint (geometry → display list) and drawing (display list → file), timed apart from layout.

Run: .venv/bin/python benchmarks/bench_draw.py [--rounds 3] [--against DIR] [spec ...] (default
examples/gongrenjie.yaml). `--against DIR`: also draw with the comicboard package found in DIR (e.g. an older
commit unpacked by `git archive BASE comicboard | tar -x -C DIR`), rounds interleaved with this one.
Each spec is laid out once (its layout time is reported) and pickled; then each round of each case is a fresh
process that unpickles the layout and paints and writes it (imports, fonts and glyph caches start cold, as for a
user); rounds are interleaved. Times are CPU seconds of the process (the machine is shared: wall time mostly
measures the neighbours), medians, for PDF (PDF/X-4), PNG at 150 dpi and PNG at 300 dpi; CPU counts every
thread and the worker processes PNG pages are painted in (spreading the work shows in wall time only). Bytes:
all pages; RSS: the largest peak of the process or one of its workers.
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
import json, os, pickle, resource, sys, time
pkl, fmt, dpi, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
wall = time.perf_counter
def cpu():  # this process and the workers it waited for
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
with open(pkl, "rb") as f:
    lay = pickle.load(f)
c0, w0 = cpu(), wall()
dl = lay.display
c1, w1 = cpu(), wall()
from comicboard.render import _render
written = _render(dl, out, dpi=dpi)
c2, w2 = cpu(), wall()
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"paint": c1 - c0, "draw": c2 - c1, "wall": w2 - w0, "rss": rss / 1024,
                  "items": sum(len(p.items) for p in dl.pages), "bytes": sum(os.path.getsize(p) for p in written)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("specs", nargs="*", default=["examples/gongrenjie.yaml"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", help="a folder holding another comicboard package to compare with")
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
    res: dict[tuple[str, str, str, float], list[dict]] = {}
    here = os.path.dirname(os.path.dirname(os.path.abspath(cb.__file__)))
    trees = [("this", here)] + ([("against", os.path.abspath(args.against))] if args.against else [])
    for _ in range(args.rounds):
        for spec in args.specs:
            for fmt, dpi in CASES:
                for name, tree in trees:
                    out = f"{tmp}/out.{fmt}"
                    env = {**os.environ, "PYTHONPATH": tree}
                    p = subprocess.run([sys.executable, "-c", _CHILD, pickles[spec], fmt, str(dpi), out],
                                       capture_output=True, text=True, check=True, env=env, cwd=tmp)
                    res.setdefault((name, spec, fmt, dpi), []).append(json.loads(p.stdout.strip().splitlines()[-1]))
    print(f"CPU seconds, medians of {args.rounds} fresh processes; layout: one in-process run")
    print(f"{'tree':8} {'spec':32} {'case':8} {'layout':>7} {'paint':>6} {'draw':>6} {'p+d':>6} {'wall':>6} "
          f"{'items':>6} {'bytes':>9} {'RSS MB':>7}")
    for (name, spec, fmt, dpi), rows in res.items():
        med = {k: statistics.median(r[k] for r in rows) for k in ("paint", "draw", "wall", "bytes", "rss")}
        pd = statistics.median(r["paint"] + r["draw"] for r in rows)
        case = "pdf" if fmt == "pdf" else f"png {dpi:g}"
        print(f"{name:8} {spec[-32:]:32} {case:8} {layout_cpu[spec]:7.2f} {med['paint']:6.2f} {med['draw']:6.2f} "
              f"{pd:6.2f} {med['wall']:6.2f} {rows[0]['items']:6d} {int(med['bytes']):9d} {med['rss']:7.0f}")


if __name__ == "__main__":
    main()
