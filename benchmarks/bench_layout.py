"""Layout benchmark: a board laid out in process, cold and again after one step's text is edited, side by side
with another checkout of comicboard (e.g. a worktree of an older commit), each round a fresh process per checkout,
interleaved so both see the same machine load.

Each fresh process imports comicboard, lays out examples/minimal.yaml once (imports done, fonts loaded), forgets
every plan, then times `cb.layout(board)` (cold) and `cb.layout(edited)` (the same board with the first step
of its second procedure given a few more characters: the memo carries over, as in the preview). Reported: the
median wall and CPU seconds of each, the edit's share of the cold layout, and with --base the ratio to it.

Usage:  python benchmarks/bench_layout.py [--spec FILE] [--repeat N] [--base DIR]
        (DIR: another checkout with its own .venv, e.g. `git worktree add /tmp/base 0b56ef2` and its venv)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the measured checkout: only what every version of comicboard has (load, layout, the model).
CHILD = r"""
import dataclasses, json, sys, time
import comicboard as cb
cb.layout(cb.load("examples/minimal.yaml"))
try:
    from comicboard.pagelayout.memo import clear_memos
    clear_memos()
except ImportError:
    pass
board = cb.load(sys.argv[1])
def timed(b):
    t, c = time.perf_counter(), time.process_time()
    cb.layout(b)
    return time.perf_counter() - t, time.process_time() - c
cold = timed(board)
cat = board.categories[0]
proc = cat.procedures[min(1, len(cat.procedures) - 1)]
step = dataclasses.replace(proc.steps[0], caption=proc.steps[0].caption + "并签字")
proc2 = dataclasses.replace(proc, steps=(step, *proc.steps[1:]))
cat2 = dataclasses.replace(cat, procedures=tuple(proc2 if p is proc else p for p in cat.procedures))
edit = timed(dataclasses.replace(board, categories=(cat2, *board.categories[1:])))
print(json.dumps({"cold_wall": cold[0], "cold_cpu": cold[1], "edit_wall": edit[0], "edit_cpu": edit[1]}))
"""


def run(checkout: Path, spec: Path) -> dict[str, float]:
    py = checkout / ".venv" / "bin" / "python"
    out = subprocess.run([str(py if py.exists() else sys.executable), "-c", CHILD, str(spec)], cwd=checkout,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"bench_layout: {checkout} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default="examples/gongrenjie.yaml", help="a spec, relative to each checkout")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--base", type=Path, help="another checkout to measure side by side")
    args = ap.parse_args()
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    results: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    for _ in range(args.repeat):
        for name, path in checkouts.items():
            results[name].append(run(path, Path(args.spec)))
    med = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in results.items()}
    print(f"{args.spec}, median of {args.repeat} fresh processes per checkout, interleaved")
    print(f"{'checkout':10} {'cold wall s':>12} {'cold cpu s':>11} {'edit wall s':>12} {'edit cpu s':>11} "
          f"{'edit/cold':>10}")
    for name, m in med.items():
        print(f"{name:10} {m['cold_wall']:12.3f} {m['cold_cpu']:11.3f} {m['edit_wall']:12.3f} {m['edit_cpu']:11.3f} "
              f"{m['edit_cpu'] / m['cold_cpu']:10.2f}")
    if "base" in med:
        print(f"cold layout, this/base: wall {med['this']['cold_wall'] / med['base']['cold_wall']:.3f}, "
              f"cpu {med['this']['cold_cpu'] / med['base']['cold_cpu']:.3f}")


if __name__ == "__main__":
    main()
