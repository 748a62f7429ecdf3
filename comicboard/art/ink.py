"""Print rules for drawn art: outlines in solid black ink, no hairlines, thin lines in one solid ink.

A print shop's press registers its four plates to within about 0.1 mm, so a thin line built from several inks,
or a tint (a screen of dots), breaks up or fringes; a line under 0.25 pt may not print at all. Every drawing in
`art` passes its paths through `print_safe` last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from ..color import Color
from ..display import Path

OUTLINE = Color.cmyk(0, 0, 0, 100)  # every outline: 100 % K, never rich black, never a grey tint
MIN_LINE_PT = 0.25  # nothing thinner prints reliably
ONE_INK_BELOW_PT = 0.5  # a line thinner than this must be one solid ink (100 % of C, M, Y or K)


@cache
def ink(hex_or_cmyk: str) -> Color:
    """A palette colour from its spec form, separated once (through the ICC profile) on first use."""
    return Color.parse(hex_or_cmyk)


def solid_one_ink(c: Color) -> bool:
    inks = [v for v in (c.c, c.m, c.y, c.k) if v > 0]
    return len(inks) == 1 and inks[0] >= 1.0


def print_safe(paths: Iterable[Path]) -> list[Path]:
    """Paths with every stroke at least MIN_LINE_PT, and thin strokes of mixed or tinted ink widened to
    ONE_INK_BELOW_PT (a detail line drawn in a colour keeps its colour and gets just thick enough to print)."""
    out = []
    for p in paths:
        if p.stroke is not None and p.stroke_width < ONE_INK_BELOW_PT:
            w = max(p.stroke_width, MIN_LINE_PT) if solid_one_ink(p.stroke) else ONE_INK_BELOW_PT
            if w != p.stroke_width:
                p = replace(p, stroke_width=w)
        out.append(p)
    return out
