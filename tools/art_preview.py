"""Render a contact sheet of the comic art (all looks × expressions, all bubble kinds, all icons) to a PNG.

Usage: .venv/bin/python tools/art_preview.py [--dpi 144] [--debug] [-o out/art_preview.png]
       .venv/bin/python tools/art_preview.py --icons [-o out/icons_preview.png]   (only the icon sheet)
--debug outlines head boxes and mouths, and the boxes icons were asked to fit.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path as FilePath

sys.path.insert(0, str(FilePath(__file__).resolve().parents[1]))  # run from a checkout without installing

from comicboard.art import (
    EXPRESSIONS,
    KINDS,
    LOOKS,
    POSES,
    badge_paths,
    bubble_paths,
    caption_box_paths,
    draw_figure,
)
from comicboard.art.props import PROP_NAMES, prop_paths
from comicboard.color import Color
from comicboard.display import Page, Path, PathPen

INK = Color.cmyk(0, 0, 0, 85)
RED = Color.parse("#E0245E")
PAPER = Color(0, 0, 0, 0)


def _figure_cell(items: list, x: float, y: float, debug: bool, **kw: str) -> None:
    frame = PathPen().rect(x, y, 90, 180).ops
    items.append(Path(tuple(frame), stroke=Color.gray(15), stroke_width=0.5))
    art = draw_figure(x, y, 90, 180, **kw)
    items.extend(art.paths)
    if debug:
        items.append(Path(tuple(PathPen().rect(*art.head).ops), stroke=RED, stroke_width=0.5))
        mx, my = art.mouth
        items.append(Path(tuple(PathPen().ellipse(mx, my, 1.5, 1.5).ops), fill=RED))


def _figures(items: list, debug: bool) -> float:
    """Every look with each expression and four seeds; then every pose, facing both ways, for a few looks."""
    cell_w, cell_h, top = 100.0, 190.0, 20.0
    variants = [(e, "talking" if i % 2 else "standing", "right" if i < 2 else "left", "")
                for i, e in enumerate(EXPRESSIONS)]
    variants += [("neutral", "talking", "right", k) for k in ("a", "b", "c", "d", "e")]
    for row, look in enumerate(LOOKS):
        for col, (expr, pose, facing, seed) in enumerate(variants):
            _figure_cell(items, 10 + col * cell_w, top + row * cell_h, debug, look=look, facing=facing,
                         seed_key=seed, expression=expr, pose=pose)
    top += len(LOOKS) * cell_h + 10
    pose_rows = [("staff", "worker", "happy"), ("elder_woman", "grandma", "neutral"),
                 ("elder_man", "grandpa", "surprised"), ("adult_man", "zhang", "neutral"),
                 ("child", "kid", "happy")]
    cols = [(p, "right") for p in POSES] + [(p, "left") for p in ("pointing", "holding_document", "waving")]
    for row, (look, seed, expr) in enumerate(pose_rows):
        for col, (pose, facing) in enumerate(cols):
            _figure_cell(items, 10 + col * cell_w, top + row * cell_h, debug, look=look, facing=facing,
                         seed_key=seed, expression=expr, pose=pose)
    return top + len(pose_rows) * cell_h


def _bubbles(items: list, top: float) -> float:
    cell_w, cell_h = 225.0, 160.0
    bw, bh = 140.0, 80.0
    directions = [(-0.9, 1.0), (0.9, 1.0), (1.4, 0.1), (-0.3, -1.2)]  # tip offsets in bubble radii
    for row, (dx, dy) in enumerate(directions):
        for col, kind in enumerate(KINDS):
            cx, cy = 10 + col * cell_w + cell_w / 2, top + row * cell_h + cell_h / 2
            x, y = cx - bw / 2 - dx * 20, cy - bh / 2 - dy * 15
            tip = (x + bw / 2 + dx * bw / 2 * 1.05, y + bh / 2 + dy * bh / 2 * 1.5)
            items.extend(bubble_paths(kind, x, y, bw, bh, tip, line_width=2.0, fill=PAPER, stroke=INK))
            items.append(Path(tuple(PathPen().ellipse(*tip, 1.5, 1.5).ops), fill=RED))
    y = top + len(directions) * cell_h
    items.extend(caption_box_paths(20, y, 300, 50, Color.parse("#FFF4D6"), INK))
    for i, hue in enumerate(("#C8102E", "#1F6FB2", "#2E8B57")):
        items.extend(badge_paths(380 + i * 60, y + 25, 22, Color.parse(hue), INK))
    return y + 70


def _icons(items: list, top: float, debug: bool) -> float:
    """Every icon at poster size, at 20 mm and 10 mm (print sizes), and in a wide and a tall box."""
    mm = 72 / 25.4
    cell = 100.0
    per_row = 9
    for i, name in enumerate(PROP_NAMES):
        x, y = 10 + (i % per_row) * cell, top + (i // per_row) * (cell + 65)
        items.append(Path(tuple(PathPen().rect(x, y, 90, 90).ops), stroke=Color.gray(15), stroke_width=0.5))
        items.extend(prop_paths(name, x + 5, y + 5, 80, 80))
        items.extend(prop_paths(name, x + 5, y + 95, 20 * mm, 20 * mm))
        items.extend(prop_paths(name, x + 5 + 20 * mm + 6, y + 95 + 10 * mm, 10 * mm, 10 * mm))
    y = top + -(-len(PROP_NAMES) // per_row) * (cell + 65) + 10
    boxes = [(40.0, 20.0), (16.0, 34.0)]
    for i, name in enumerate(PROP_NAMES):
        for j, (w, h) in enumerate(boxes):
            bx, by = 10 + i * 53, y + j * 40
            if debug:
                items.append(Path(tuple(PathPen().rect(bx, by, w, h).ops), stroke=RED, stroke_width=0.3))
            items.extend(prop_paths(name, bx, by, w, h))
    return y + 80


def _scene(items: list, top: float) -> float:
    """Two people talking in a panel: does it read as a comic?"""
    x, y, w, h = 10, top, 460, 300
    items.append(Path(tuple(PathPen().rect(x, y, w, h).ops), fill=Color.parse("#EAF4FB"), stroke=INK,
                      stroke_width=2))
    a = draw_figure(x + 40, y + 110, 95, 185, look="elder_man", seed_key="grandpa", expression="worried",
                    pose="talking")
    b = draw_figure(x + 300, y + 110, 95, 185, look="staff", facing="left", seed_key="worker",
                    expression="happy", pose="holding_document")
    items.extend(a.paths + b.paths)
    items.extend(bubble_paths("speech", x + 20, y + 12, 190, 80, (a.mouth[0] + 12, a.head[1] - 4),
                              line_width=2, fill=PAPER, stroke=INK))
    items.extend(bubble_paths("speech", x + 250, y + 16, 190, 80, (b.mouth[0] - 10, b.head[1] - 4),
                              line_width=2, fill=Color(0, 0, 0, 0), stroke=INK))
    return y + h + 10


def _fallback_render(page: Page, dpi: float):  # noqa: ANN202 - throwaway, used only without render.png
    from PIL import Image, ImageDraw

    ss, scale = 4, dpi / 72 * 4
    img = Image.new("RGB", (round(page.width * scale), round(page.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    for item in page.items:
        subs, cur, start = [], [], (0.0, 0.0)
        for op in item.ops:
            if op[0] == "M":
                if cur:
                    subs.append(cur)
                cur = [(op[1], op[2])]
                start = cur[0]
            elif op[0] == "L":
                cur.append((op[1], op[2]))
            elif op[0] == "C":
                p0 = cur[-1]
                for i in range(1, 13):
                    t = i / 12
                    mt = 1 - t
                    cur.append(tuple(mt**3 * p0[k] + 3 * mt * mt * t * op[1 + k] + 3 * mt * t * t * op[3 + k]
                                     + t**3 * op[5 + k] for k in (0, 1)))
            else:
                cur.append(start)
        if cur:
            subs.append(cur)
        for s in subs:
            pts = [(px * scale, py * scale) for px, py in s]
            if item.fill is not None and len(pts) > 2:
                draw.polygon(pts, fill=item.fill.to_rgb())
            if item.stroke is not None:
                draw.line(pts, fill=item.stroke.to_rgb(), width=max(1, round(item.stroke_width * scale)),
                          joint="curve")
    return img.resize((img.width // ss, img.height // ss), Image.LANCZOS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=float, default=144)
    ap.add_argument("--debug", action="store_true")
    ap.add_argument("--icons", action="store_true", help="draw only the icon sheet")
    ap.add_argument("-o", default=None, help="output PNG (default out/art_preview.png or out/icons_preview.png)")
    args = ap.parse_args()
    items: list = []
    if args.icons:
        y = _icons(items, 10, args.debug)
    else:
        y = _figures(items, args.debug)
        y = _bubbles(items, y + 10)
        y = _icons(items, y + 10, args.debug)
        y = _scene(items, y + 10)
    page = Page(width=920, height=math.ceil(y + 10), items=items)
    try:
        from comicboard.render.png import render_page
    except ImportError:
        render_page = _fallback_render
    out = FilePath(args.o or ("out/icons_preview.png" if args.icons else "out/art_preview.png"))
    out.parent.mkdir(parents=True, exist_ok=True)
    render_page(page, args.dpi).save(out)
    print(f"wrote {out} ({sum(1 for _ in items)} items)")


if __name__ == "__main__":
    main()
