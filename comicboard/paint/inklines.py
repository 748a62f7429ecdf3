"""Make every stroke of a display list printable: nothing under 0.25 pt, and a line under 0.5 pt in one solid ink.

A thin line in a screened tint or in two or more inks prints ragged (the screen breaks it up, and the plates
never register exactly), so such a line is widened to 0.5 pt; a hairline below what a plate holds is widened to
0.25 pt. Solid one-ink lines (100 % K outlines) keep their width. Runs once over the painted page, so the PDF,
the PNG and the TIFF draw the same widths.
"""

from __future__ import annotations

from dataclasses import replace

from ..color import Color
from ..display import Item, Path

MIN_LINE_PT = 0.25  # thinnest line a plate holds
THIN_LINE_PT = 0.5  # below this a line must be one solid ink
_SOLID = 0.996  # an ink at 99.6 % or more prints solid (no screen)


def solid_one_ink(c: Color) -> bool:
    """Is the colour one process ink at full strength (or no ink at all: a white line knocks out, unscreened)?"""
    inks = [v for v in (c.c, c.m, c.y, c.k) if v > 1 - _SOLID]
    return len(inks) == 0 or (len(inks) == 1 and inks[0] >= _SOLID)


def printable_width(width: float, color: Color) -> float:
    """The stroke width to draw for a line of `width` points in `color` (see the module's contract)."""
    if width < THIN_LINE_PT and not solid_one_ink(color):
        return THIN_LINE_PT
    return max(width, MIN_LINE_PT)


def printable(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for it in items:
        if isinstance(it, Path) and it.stroke is not None and it.stroke_width > 0:
            w = printable_width(it.stroke_width, it.stroke)
            if w != it.stroke_width:
                it = replace(it, stroke_width=w)
        out.append(it)
    return out
