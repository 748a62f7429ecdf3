"""Anti-aliased PNG (comicboard's renderer) beside a plain Pillow draw of the same display list, no AA.

The plain draw is what a straightforward Pillow backend would do: ImageDraw polygons and lines (aliased)
and draw.text per glyph. Both draw the same laid-out board at the same dpi; only rasterisation differs.

    python benchmarks/bench_aa.py [--spec examples/gongrenjie.yaml] [--dpi 150] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # time this checkout's comicboard, not whichever one is installed

import comicboard as cb  # noqa: E402
from comicboard.display import GlyphRun  # noqa: E402
from comicboard.display import Path as DPath  # noqa: E402
from comicboard.render.geometry import flatten  # noqa: E402
from comicboard.render.png import page_pixels, render_page  # noqa: E402


def plain_draw(page, dpi: float) -> Image.Image:  # noqa: ANN001
    scale = dpi / 72
    image = Image.new("RGB", page_pixels(page, dpi), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}
    for item in page.items:
        if isinstance(item, DPath):
            for sub in flatten(item.ops, scale):
                pts = [tuple(p) for p in sub.points]
                if item.fill is not None and sub.closed and len(pts) >= 3:
                    draw.polygon(pts, fill=item.fill.to_rgb())
                if item.stroke is not None and len(pts) >= 2:
                    draw.line(pts + (pts[:1] if sub.closed else []), fill=item.stroke.to_rgb(),
                              width=max(1, round(item.stroke_width * scale)))
        elif isinstance(item, GlyphRun):
            key = (item.font, round(item.size * scale, 2))
            if key not in fonts:
                fonts[key] = ImageFont.truetype(item.font, key[1])
            for ch, x in zip(item.text, item.xs, strict=True):
                draw.text((x * scale, item.baseline * scale), ch, font=fonts[key], fill=item.color.to_rgb(),
                          anchor="ls")
    return image


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default=str(ROOT / "examples" / "gongrenjie.yaml"))
    ap.add_argument("--dpi", type=float, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    page = cb.layout(cb.load(args.spec)).display.pages[0]
    render_page(page, 20)  # warm font caches for both
    plain_draw(page, 20)
    times: dict[str, list[float]] = {"comicboard (anti-aliased)": [], "plain Pillow (no AA)": []}
    for _ in range(args.repeat):  # interleaved, so machine noise hits both alike
        for name, fn in (("comicboard (anti-aliased)", render_page), ("plain Pillow (no AA)", plain_draw)):
            t0 = time.perf_counter()
            fn(page, args.dpi)
            times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["plain Pillow (no AA)"])
    print(f"{Path(args.spec).name} at {args.dpi:g} dpi, {len(page.items)} display items, {args.repeat} runs")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:28s} median {med:6.2f} s   ratio {med / base:4.2f}")


if __name__ == "__main__":
    main()
