"""What a board's font work costs in a fresh process: loading and laying out a board, and within it (under cProfile,
cumulative) loading its FontSet (fontset_for) and checking that every character draws (check_outlines).

    .venv/bin/python benchmarks/bench_fontcheck.py [--spec examples/gongrenjie.yaml] [--runs 3]

Each run is two new Python processes, one plain and one profiled (nothing cached in memory; the font files are in
the OS's page cache after the first). Run it from another checkout's folder to measure that
checkout's code. Times are wall-clock medians over the runs; the machine's load moves them far more than a few
percent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path.cwd() if (Path.cwd() / "comicboard").is_dir() else Path(__file__).resolve().parents[1]

ONE_RUN = r"""
import cProfile, json, pstats, sys, time
t0 = time.perf_counter()
import comicboard as cb
if sys.argv[2] == "profile":
    prof = cProfile.Profile()
    prof.enable()
board = cb.load(sys.argv[1])
cb.layout(board)
wall = time.perf_counter() - t0
if sys.argv[2] == "profile":
    prof.disable()
    stats = pstats.Stats(prof).stats
    cum = {f"{fn}": v[3] for (path, _, fn), v in stats.items() if path.endswith("comicboard/fonts.py")}
    print(json.dumps({"in check_outlines (profiled)": cum.get("check_outlines", 0.0),
                      "in fontset_for (profiled)": cum.get("fontset_for", 0.0),
                      "import + load + layout (profiled)": wall}))
else:
    print(json.dumps({"import + load + layout": wall}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spec", default=str(ROOT / "examples" / "gongrenjie.yaml"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs = []
    for _ in range(args.runs):
        run = {}
        for mode in ("plain", "profile"):
            out = subprocess.run([sys.executable, "-c", ONE_RUN, args.spec, mode], capture_output=True, text=True,
                                 check=True, cwd=ROOT)
            run.update(json.loads(out.stdout))
        runs.append(run)
    print(f"{Path(args.spec).name}, {args.runs} fresh processes (median, min–max):")
    for name in runs[0]:
        values = [r[name] for r in runs]
        print(f"  {name:34} {statistics.median(values):6.3f} s  ({min(values):.3f}–{max(values):.3f})")


if __name__ == "__main__":
    main()
