"""Write a display list as rounded text, one item per line, so tests can compare drawings without images."""

from __future__ import annotations

from pathlib import PurePath

from ..color import Color
from ..display import DisplayList, GlyphRun, Image, Path


def num(v: float) -> str:
    """A number rounded to 0.1, without a trailing '.0' or a negative zero."""
    r = round(float(v), 1)
    if r == 0:
        r = 0.0  # folds -0.0
    return f"{r:.0f}" if r == int(r) else f"{r:.1f}"


def color(c: Color | None) -> str:
    if c is None:
        return "none"
    return "cmyk(" + ",".join(num(v * 100) for v in (c.c, c.m, c.y, c.k)) + ")"


def dump(dl: DisplayList) -> str:
    """The whole display list: a header line per page, then its items in painting order."""
    lines = [f"document title={dl.title!r} lang={dl.lang}"]
    for number, page in enumerate(dl.pages, 1):
        lines.append(f"page {number} {num(page.width)}x{num(page.height)} bleed={num(page.bleed)}")
        lines.extend("  " + item_line(item) for item in page.items)
    return "\n".join(lines) + "\n"


def item_line(item: object) -> str:
    if isinstance(item, Path):
        ops = " ".join(" ".join([op[0], ",".join(num(v) for v in op[1:])]).strip() for op in item.ops)
        extra = f" dash={num(item.dash[0])},{num(item.dash[1])}" if item.dash else ""
        joins = "round" if item.round_joins else "miter"
        return (f"path fill={color(item.fill)} stroke={color(item.stroke)} w={num(item.stroke_width)}"
                f"{extra} {joins}: {ops}")
    if isinstance(item, GlyphRun):
        xs = ",".join(num(x) for x in item.xs)
        return (f"text {item.text!r} y={num(item.baseline)} size={num(item.size)} "
                f"font={PurePath(item.font).name} color={color(item.color)} xs={xs}")
    if isinstance(item, Image):
        return f"image {PurePath(item.path).name} {num(item.x)},{num(item.y)} {num(item.w)}x{num(item.h)}"
    return f"unknown {type(item).__name__}"
