"""Scenes cost: the same laid-out board painted and written as PDF with and without its scene items, interleaved.

Run: .venv/bin/python benchmarks/bench_scenes.py [spec] [rounds] (default examples/gongrenjie.yaml, 5). Prints the
coordinates in the display list and the medians of interleaved rounds of paint + PDF write and of paint + PNG write
(at 72 dpi, every sheet) each way, and their ratios (the issue asks for within 10 %).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace

import comicboard as cb
from comicboard.paint import paint


def _coords(dl: object) -> int:
    return sum(len(op) - 1 for pg in dl.pages for it in pg.items for op in getattr(it, "ops", ()))  # type: ignore[attr-defined]


def main() -> None:
    board = cb.load(sys.argv[1] if len(sys.argv) > 1 else "examples/gongrenjie.yaml")
    lay = cb.layout(board)
    plain = replace(lay, pages=[replace(p, items=[i for i in p.items if getattr(i, "kind", "") != "scene"])
                                for p in lay.pages])
    print("coordinates without/with scenes:", _coords(paint(plain)), _coords(paint(lay)))
    tmp = tempfile.mkdtemp()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for fmt, opts in (("pdf", {}), ("png", {"dpi": 72})):
        res: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(rounds):
            for name, lo in (("without", plain), ("with", lay)):
                t0 = time.perf_counter()
                cb.render(lo, os.path.join(tmp, f"{name}.{fmt}"), **opts)
                res[name].append(time.perf_counter() - t0)
        a, b = statistics.median(res["without"]), statistics.median(res["with"])
        print(f"{fmt.upper()} paint + write, median of {rounds} interleaved: without {a:.2f} s, with {b:.2f} s, "
              f"ratio {b / a:.2f}")


if __name__ == "__main__":
    main()
