"""How long a CFF font named by family costs: the first load of a board (subset + CFF → TrueType conversion of
each face, regular and bold) against a later one (the cached conversion), and how many characters and glyphs.

    .venv/bin/python benchmarks/bench_fonts.py [--spec examples/gongrenjie.yaml] [--family "Noto Sans CJK SC"]

Needs fontconfig and the family installed (Debian: fonts-noto-cjk). Times are wall-clock, one run each: the cold
load depends on the machine's load far more than the warm one.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spec", default=str(ROOT / "examples" / "gongrenjie.yaml"))
    ap.add_argument("--family", default="Noto Sans CJK SC")
    args = ap.parse_args()
    source = Path(args.spec).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as d:
        os.environ["COMICBOARD_CACHE_DIR"] = str(Path(d) / "cache")
        spec = Path(d) / "board.yaml"
        spec.write_text(f"fonts: {{regular: {args.family}}}\n" + source, encoding="utf-8")
        from fontTools.ttLib import TTFont

        import comicboard as cb
        from comicboard.fonts import board_chars
        from comicboard.model import iter_texts

        def timed() -> tuple[float, float, object]:
            cpu0, t0 = resource.getrusage(resource.RUSAGE_SELF).ru_utime, time.perf_counter()
            board = cb.load(spec)
            return time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu0, board

        cold, cold_cpu, board = timed()
        warm, warm_cpu, _ = timed()
        chars = board_chars(iter_texts(board), board.lang)
        glyphs = {r: len(TTFont(getattr(board.fonts, r)).getGlyphOrder()) for r in ("regular", "bold")}
        print(f"{args.family} for {Path(args.spec).name}: {len(chars)} characters, "
              f"{glyphs['regular']} + {glyphs['bold']} glyphs (regular + bold)")
        print(f"first load (convert both faces): {cold:6.1f} s wall, {cold_cpu:5.1f} s CPU")
        print(f"later load (cached):             {warm:6.1f} s wall, {warm_cpu:5.1f} s CPU")


if __name__ == "__main__":
    main()
