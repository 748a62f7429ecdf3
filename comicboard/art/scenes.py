"""Drawn settings behind a panel's people: a service hall, an office, a meeting room, a home, a street, a clinic,
a school. Light, flat, opaque CMYK tints with thin 100 % K outlines (PDF/X-1a allows no transparency), so black
text stays legible and the setting reads as drawn, in the same line as the people.

A scene is composed for the panel's own box, as an illustrator fills a frame: a floor band below the floor line
(FLOOR of the height) drawn with its tiles, planks or paving; back furniture standing on that line, repeated or
widened to the panel's width (a counter with glass screens, desks, a table, a sofa); and the wall above it hung
with features (windows, notice boards, posters, shelves, a clock, a queue-number display) packed in a row in a
wide panel and in a column in a tall one. Sizes follow a unit `u` (the panel's height, or less in a panel much
taller than wide), as the people do. Every shape lies inside the box by construction (rectangles are cut to it,
anything else is placed only where it fits) and the base follows the panel's rounded corners, so no clipping is
needed. Each drawn thing is named with its box (`scene_elements`), so layout measures what a setting covers.
Each (scene, size) is built once and memoised in the panel's own coordinates; a panel gets it by translation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from ..color import Color
from ..display import Path, PathOp, PathPen
from ..vocab import SCENES
from .ink import OUTLINE, ink, print_safe

__all__ = ["SCENES", "scene_elements", "scene_paths"]

FLOOR = 0.66  # the floor line, as a share of the panel's height from the top
LINE_PT = 0.6  # detail lines in a tint: thick enough for a tint to print (thinner lines must be one solid ink)
OUT_PT = 0.4  # outlines of the setting: 100 % K, thinner than the people's so they stay in front

Box = tuple[float, float, float, float]
K = "K"  # the outline colour's name in the drawers below: 100 % K

# A soft palette: every fill keeps a relative luminance of at least 0.45 (black text on it has a contrast of
# 10:1 or more, above WCAG's 7:1 for AAA), except small accents (digits, a cross) that are not behind text.
WALLS = {"service_hall": "#EEF3F7", "office": "#F7F1E6", "meeting_room": "#EEF2EC", "home": "#FBEEE3",
         "street": "#E6F1FA", "clinic": "#EAF6F2", "school": "#FBF5DF"}
FLOORS = {"service_hall": "#E3DED5", "office": "#E8DCC8", "meeting_room": "#DDE1E6", "home": "#EAD6BF",
          "street": "#E4E4E0", "clinic": "#E2EBEA", "school": "#E9DCC2"}
SKIRTING = {"service_hall": "#D3CCC1", "office": "#D9C7AA", "meeting_room": "#C9CFD6", "home": "#DCC3A4",
            "street": "#D6D2C8", "clinic": "#CFDDDB", "school": "#D8C7A6"}
JOINTS = {"service_hall": "#D2CBC0", "office": "#D9CBB4", "meeting_room": "#CBD1D8", "home": "#D8C0A2",
          "street": "#CFCAC0", "clinic": "#CFDCDA", "school": "#D9C8AA"}
WOOD = "#E2C9A6"
WOOD_DARK = "#CDAE86"
WOOD_EDGE = "#D8BC97"  # a long wooden edge: light enough to sit behind text
METAL = "#D5DBE1"
METAL_DARK = "#B9C2CB"
GLASS = "#DCEEF8"
GLASS_SHINE = "#F2F9FD"
WHITE = "#FFFFFF"
PAPER = "#FFFDF6"
CORK = "#EFD9B8"
TEXT_BAR = "#C9D0D8"  # lines of small print on a poster or a board: shapes, not letters
SEAT = "#BFD9EE"
LEAF = "#BFE0B5"
LEAF_DARK = "#A5CF98"
POT = "#E9B99A"
PASTELS = ("#BFD6EA", "#F2C6B4", "#CFE3C2", "#F3E1A8", "#D9CCEB")


def _soft(accent: Color, amount: float) -> Color:
    """The board's colour tinted toward paper by at least `amount`, and further until it is light (luminance
    0.5 or more), so a dark category colour never darkens a setting."""
    c = accent.lighter(amount)
    while luminance(c) < 0.5 and amount < 0.95:
        amount = min(0.95, amount + 0.05)
        c = accent.lighter(amount)
    return c


class _Scene:
    """Collects paths in the panel's own coordinates (0..w, 0..h), keeping everything inside."""

    def __init__(self, w: float, h: float, r: float, name: str = "") -> None:
        self.w, self.h, self.r, self.name = w, h, r, name
        self.paths: list[Path] = []
        self.elements: list[tuple[str, Box]] = []  # named furniture: the box of the paths drawn for it

    @contextmanager
    def element(self, name: str) -> Iterator[None]:
        """Name what the block draws (a counter, a window...): its paths' bounding box becomes an element."""
        start = len(self.paths)
        yield
        boxes = [_bbox(p) for p in self.paths[start:]]
        if boxes:
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
            self.elements.append((name, (x0, y0, x1 - x0, y1 - y0)))

    def _add(self, ops: list[PathOp], fill: str | Color | None, stroke: str | None = None,
             width: float = LINE_PT) -> None:
        f = ink(fill) if isinstance(fill, str) else fill
        s = (OUTLINE if stroke == K else ink(stroke)) if stroke else None
        if s is not None and stroke == K:
            width = OUT_PT
        self.paths.append(Path(tuple(ops), fill=f, stroke=s, stroke_width=width if s else 0.0))

    def fits(self, x: float, y: float, w: float, h: float, pad: float = 0.0) -> bool:
        """The box lies inside the panel, clear of its rounded corners by `pad` plus the stroke."""
        m = self.r + pad
        return x >= pad and y >= m and x + w <= self.w - pad and y + h <= self.h - m

    def rect(self, x: float, y: float, w: float, h: float, fill: str | Color, stroke: str | None = None,
             radius: float = 0.0) -> None:
        """A rectangle cut to the panel; a stroked or rounded one is kept only if it fits whole."""
        if radius < 2.0:  # a corner rounded by under 2 pt is not seen in print, and costs a renderer curves
            radius = 0.0
        if stroke or radius:
            half = LINE_PT / 2 if stroke else 0.0
            if not self.fits(x - half, y - half, w + 2 * half, h + 2 * half):
                return
            self._add(PathPen().round_rect(x, y, w, h, radius).ops, fill, stroke)
            return
        x0, y0 = max(0.0, x), max(self.r, y)
        x1, y1 = min(self.w, x + w), min(self.h - self.r, y + h)
        if x1 - x0 > 0.05 and y1 - y0 > 0.05:
            self._add(PathPen().rect(x0, y0, x1 - x0, y1 - y0).ops, fill)

    def oval(self, cx: float, cy: float, rx: float, ry: float, fill: str, stroke: str | None = None) -> None:
        half = LINE_PT / 2 if stroke else 0.0
        if self.fits(cx - rx - half, cy - ry - half, 2 * (rx + half), 2 * (ry + half)):
            self._add(PathPen().ellipse(cx, cy, rx, ry).ops, fill, stroke)

    def poly(self, pts: list[tuple[float, float]], fill: str | Color | None, stroke: str | None = None) -> None:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        half = LINE_PT / 2 if stroke else 0.0
        if not self.fits(min(xs) - half, min(ys) - half, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * half):
            return
        pen = PathPen().move(*pts[0])
        for p in pts[1:]:
            pen.line(*p)
        self._add(pen.close().ops if fill else pen.ops, fill, stroke)

    def lines(self, segs: list[tuple[float, float, float, float]], color: str = JOINTS["service_hall"],
              width: float = LINE_PT) -> None:
        """Straight strokes, each cut to the panel's inside (a line is a rectangle for clipping purposes)."""
        pen = PathPen()
        half = width / 2
        for x0, y0, x1, y1 in segs:
            lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            if lo_x - half < 0 or hi_x + half > self.w or lo_y - half < self.r or hi_y + half > self.h - self.r:
                if x0 != x1 and y0 != y1:
                    continue  # a slanted line that does not fit whole is left out
                lo_x, hi_x = max(lo_x, half), min(hi_x, self.w - half)
                lo_y, hi_y = max(lo_y, self.r + half), min(hi_y, self.h - self.r - half)
                if hi_x < lo_x or hi_y < lo_y:
                    continue
                x0, y0, x1, y1 = lo_x, lo_y, hi_x, hi_y
            pen.move(x0, y0).line(x1, y1)
        if pen.ops:
            self._add(pen.ops, None, color, width)

    def wall(self, wall: str, floor_y: float) -> None:
        """The wall: a band that follows the panel's rounded top corners, down to the floor line."""
        self._add(_band(0, 0, self.w, floor_y, self.r, top=True), wall)

    def floor_band(self, floor: str, floor_y: float) -> None:
        self._add(_band(0, floor_y, self.w, self.h - floor_y, self.r, top=False), floor)


def _band(x: float, y: float, w: float, h: float, r: float, top: bool) -> list[PathOp]:
    """A rectangle whose two outer corners (top or bottom) are rounded by r."""
    r = min(r, h / 2, w / 2)
    k = 0.5523 * r
    pen = PathPen()
    if top:
        pen.move(x, y + h).line(x, y + r).curve(x, y + r - k, x + r - k, y, x + r, y).line(x + w - r, y)
        pen.curve(x + w - r + k, y, x + w, y + r - k, x + w, y + r).line(x + w, y + h)
    else:
        b = y + h
        pen.move(x, y).line(x + w, y).line(x + w, b - r).curve(x + w, b - r + k, x + w - r + k, b, x + w - r, b)
        pen.line(x + r, b).curve(x + r - k, b, x, b - r + k, x, b - r)
    return pen.close().ops


# ---------------------------------------------------------------------------------------------- wall pieces
# Each draws inside its box (x, y, w, h), its outer shape touching the box's four sides; `i` varies colours.


def _window(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0,
            curtains: str | None = None) -> None:
    sill = 0.07 * h
    sc.rect(x, y, w, h - sill, WHITE, K)
    t = 0.07 * min(w, h)
    gx, gy, gw, gh = x + t, y + t, w - 2 * t, h - sill - 2 * t
    sc.rect(gx, gy, gw, gh, GLASS)
    panes = max(1, round(w / (0.75 * h)))
    bars = [(gx + k * gw / (panes + 1 if panes > 1 else 2), gy, gx + k * gw / (panes + 1 if panes > 1 else 2), gy + gh)
            for k in range(1, (panes + 1 if panes > 1 else 2))]
    sc.lines([*bars, (gx, gy + 0.38 * gh, gx + gw, gy + 0.38 * gh)], "#C9D3DC", max(LINE_PT, 0.35 * t))
    s = 0.12 * gw
    sc.poly([(gx + 0.1 * gw, gy + 0.75 * gh), (gx + 0.1 * gw + s, gy + 0.45 * gh), (gx + 0.1 * gw + 1.35 * s,
             gy + 0.45 * gh), (gx + 0.1 * gw + 0.35 * s, gy + 0.75 * gh)], GLASS_SHINE)
    sc.rect(x, y + h - sill, w, sill, WOOD)
    if curtains:
        cw = 0.2 * w
        for cx in (x + t * 0.5, x + w - cw - t * 0.5):
            sc.rect(cx, y + 0.02 * h, cw, h - sill - 0.04 * h, curtains)


def _home_window(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    _window(sc, x, y, w, h, accent, i, curtains="#F6CFC6")


def _text_bars(sc: _Scene, x: float, y: float, w: float, h: float, n: int, color: str = TEXT_BAR) -> None:
    """Lines of small print as bars (a shape of text, not letters: the board's own text stays the only text)."""
    step = h / n
    for k in range(n):
        sc.rect(x, y + k * step + 0.3 * step, w * (0.95 if k % 3 != 2 else 0.6), 0.4 * step, color)


def _notice_board(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, WOOD, K)
    t = 0.06 * min(w, h)
    sc.rect(x + t, y + t, w - 2 * t, h - 2 * t, CORK)
    sc.rect(x + t, y + t, w - 2 * t, 0.16 * h, _soft(accent, 0.55))
    cols = max(1, round((w - 2 * t) / (0.45 * h)))
    cw = (w - 2 * t) / cols
    for c in range(cols):
        px, py = x + t + c * cw + 0.12 * cw, y + t + 0.24 * h + (0.04 * h if c % 2 else 0.0)
        pw, ph = 0.76 * cw, h - 2 * t - 0.32 * h
        sc.rect(px, py, pw, ph, (PAPER, PASTELS[(c + i) % 5], WHITE)[c % 3])
        _text_bars(sc, px + 0.12 * pw, py + 0.12 * ph, 0.76 * pw, 0.7 * ph, 4)
        sc.oval(px + pw / 2, py + 0.04 * ph, 0.03 * h, 0.03 * h, "#E8908A")


def _poster(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, PAPER, K)
    m = 0.08 * w
    sc.rect(x + m, y + m, w - 2 * m, 0.18 * h, (_soft(accent, 0.5), PASTELS[i % 5])[i % 2])
    cx, cy, rr = x + w / 2, y + 0.5 * h, 0.2 * min(w, h)
    sc.oval(cx, cy, rr, rr, PASTELS[(i + 2) % 5])
    sc.rect(cx - 0.35 * rr, cy - 0.15 * rr, 0.7 * rr, 0.3 * rr, WHITE)
    _text_bars(sc, x + m, y + 0.7 * h, w - 2 * m, 0.24 * h, 3)


def _guide_board(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """The service guide on the wall: a header band and rows of items, each with a round mark."""
    sc.rect(x, y, w, h, WHITE, K)
    m = 0.06 * min(w, h)
    sc.rect(x + m, y + m, w - 2 * m, 0.2 * h, _soft(accent, 0.45))
    rows = max(2, min(5, round((h * 0.7) / (0.09 * w + 6))))
    step = (h * 0.72 - m) / rows
    for k in range(rows):
        ry = y + 0.26 * h + k * step
        sc.rect(x + m + 0.1 * step, ry + 0.22 * step, 0.36 * step, 0.36 * step, PASTELS[(k + i) % 5])
        sc.rect(x + m + 0.65 * step, ry + 0.25 * step, (w - 2 * m - 0.65 * step) * (0.9 - 0.12 * (k % 2)),
                0.3 * step, TEXT_BAR)


def _clock(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    r = min(w, h) / 2
    cx, cy = x + w / 2, y + h / 2
    sc.oval(cx, cy, r, r, WHITE, K)
    wd = max(LINE_PT, 0.08 * r)
    sc.lines([(cx, cy - 0.78 * r, cx, cy - 0.62 * r), (cx, cy + 0.62 * r, cx, cy + 0.78 * r),
              (cx - 0.78 * r, cy, cx - 0.62 * r, cy), (cx + 0.62 * r, cy, cx + 0.78 * r, cy)], "#9AA4AE", wd)
    sc.lines([(cx, cy, cx, cy - 0.55 * r), (cx, cy, cx + 0.42 * r, cy + 0.12 * r)], "#7D8A99", max(LINE_PT, 0.1 * r))


def _calendar(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, PAPER, K)
    sc.rect(x, y, w, 0.22 * h, _soft(accent, 0.4))
    ch = 0.62 * h / 4
    for r in range(4):  # weeks as rows of days; one day ringed
        sc.rect(x + 0.1 * w, y + 0.3 * h + r * ch + 0.2 * ch, 0.8 * w, 0.6 * ch, "#E3E7EB")
    sc.rect(x + 0.5 * w, y + 0.3 * h + ch + 0.1 * ch, 0.16 * w, 0.8 * ch, _soft(accent, 0.55))


def _queue_display(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """The queue-number board: a soft grey face with a coloured tab and a number in warm digits."""
    sc.rect(x, y, w, h, "#7D8A99", K)  # a mid-grey face reads as a display without shouting
    m = 0.12 * h
    sc.rect(x + m, y + m, 0.22 * w, h - 2 * m, _soft(accent, 0.35))
    dh = h - 2.2 * m
    for k, d in enumerate((1, 7)):  # a number of few segments: the display reads as one all the same
        _seven_seg(sc, x + 0.42 * w + k * 0.22 * w, y + 1.1 * m, dh, d, "#FFD98A")


def _seven_seg(sc: _Scene, x: float, y: float, hgt: float, digit: int, color: str) -> None:
    """One digit as a seven-segment display (the queue-number board's look), segments as bars."""
    segs = {0: "abcdef", 1: "bc", 2: "abged", 3: "abgcd", 4: "fgbc", 5: "afgcd", 6: "afgedc", 7: "abc", 8: "abcdefg",
            9: "abcdfg"}[digit]
    w, t = 0.55 * hgt, 0.13 * hgt
    bars = {"a": (x, y, w, t), "g": (x, y + hgt / 2 - t / 2, w, t), "d": (x, y + hgt - t, w, t),
            "f": (x, y, t, hgt / 2), "b": (x + w - t, y, t, hgt / 2), "e": (x, y + hgt / 2, t, hgt / 2),
            "c": (x + w - t, y + hgt / 2, t, hgt / 2)}
    for s in segs:
        sc.rect(*bars[s], color)


def _wall_shelf(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """An open shelf of binders and books on the wall: two boards, spines standing on each."""
    board = max(1.0, 0.07 * h)
    for r in range(2):
        by = y + (r + 1) * h / 2 - board
        bx = x + 0.03 * w
        k = r * 3 + i
        while bx + 0.06 * h < x + 0.97 * w:
            sw = (0.14 + 0.04 * (k % 3)) * h
            sh = (0.36 + 0.05 * ((k * 7) % 3)) * h
            if bx + sw > x + 0.97 * w:
                break
            sc.rect(bx, by - sh, sw, sh, PASTELS[k % 5])
            bx += sw + 0.01 * h
            k += 1
        sc.rect(x, by, w, board, WOOD_DARK)


def _picture(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A framed picture: hills and a sun."""
    sc.rect(x, y, w, h, "#E7C9A4", K)
    m = 0.09 * min(w, h)
    fx, fy, fw, fh = x + m, y + m, w - 2 * m, h - 2 * m
    sc.rect(fx, fy, fw, fh, "#EAF4FB")
    sc.poly([(fx, fy + fh), (fx, fy + 0.7 * fh), (fx + 0.35 * fw, fy + 0.35 * fh), (fx + 0.6 * fw, fy + 0.65 * fh),
             (fx + 0.78 * fw, fy + 0.5 * fh), (fx + fw, fy + 0.72 * fh), (fx + fw, fy + fh)], "#CDE6C0")
    sc.oval(fx + 0.75 * fw, fy + 0.25 * fh, 0.1 * fh, 0.1 * fh, "#F8DA8C")


def _certificate(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, WOOD, K)
    m = 0.08 * min(w, h)
    sc.rect(x + m, y + m, w - 2 * m, h - 2 * m, PAPER)
    sc.rect(x + 0.25 * w, y + 0.2 * h, 0.5 * w, 0.1 * h, _soft(accent, 0.5))
    _text_bars(sc, x + 0.18 * w, y + 0.38 * h, 0.64 * w, 0.3 * h, 3)
    sc.oval(x + 0.72 * w, y + 0.76 * h, 0.08 * h, 0.08 * h, _soft(accent, 0.35))


def _air_con(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A split air conditioner on the wall: a long white body with its vent."""
    sc.rect(x, y, w, h, WHITE, K, radius=0.3 * h)
    sc.rect(x + 0.08 * w, y + 0.62 * h, 0.84 * w, 0.14 * h, "#DDE3E8")
    sc.oval(x + 0.88 * w, y + 0.3 * h, 0.05 * h, 0.05 * h, "#9ED8B0")


def _whiteboard(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, WHITE, K)
    tray = 0.06 * h
    sc.rect(x, y + h - tray, w, tray, METAL_DARK)
    cw = w / 9
    for k, hh in enumerate((0.35, 0.6, 0.5, 0.8)):
        bar_h = hh * h * 0.62
        sc.rect(x + (1 + 2 * k) * cw, y + 0.82 * h - bar_h, cw, bar_h, PASTELS[k])
    sc.lines([(x + 0.6 * cw, y + 0.82 * h, x + w - 0.6 * cw, y + 0.82 * h)], "#9AA5B1")


def _blackboard(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A pale green board with chalk lines, in a wooden frame with its chalk tray."""
    sc.rect(x, y, w, h, WOOD, K)
    t = 0.06 * min(w, h)
    sc.rect(x + t, y + t, w - 2 * t, h - 2.4 * t, "#B5D6BE")
    lw = max(LINE_PT, 0.025 * h)
    sc.lines([(x + 3 * t, y + 0.25 * h, x + 0.55 * w, y + 0.25 * h), (x + 3 * t, y + 0.45 * h, x + 0.42 * w,
              y + 0.45 * h), (x + 3 * t, y + 0.65 * h, x + 0.5 * w, y + 0.65 * h)], WHITE, lw)
    sc.oval(x + 0.75 * w, y + 0.45 * h, 0.14 * h, 0.14 * h, "#C9E3CF", None)


def _eye_chart(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, WHITE, K)
    for k in range(6):
        lw = 0.7 * w * (1 - 0.14 * k)
        sc.rect(x + w / 2 - lw / 2, y + 0.08 * h + k * 0.145 * h, lw, 0.08 * h * (1 - 0.1 * k), "#9EAAB5")


def _cross_plate(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, WHITE, K)
    a, b = 0.12 * min(w, h), 0.34 * min(w, h)
    cx, cy = x + w / 2, y + h / 2
    sc.rect(cx - a, cy - b, 2 * a, 2 * b, "#7CC7A4")
    sc.rect(cx - b, cy - a, 2 * b, 2 * a, "#7CC7A4")


def _wall_plant(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A plant on a small wall shelf: leaves over a pot."""
    sc.rect(x, y + 0.9 * h, w, 0.1 * h, WOOD_DARK)
    pw = 0.5 * w
    cx = x + w / 2
    sc.poly([(cx - pw / 2, y + 0.55 * h), (cx + pw / 2, y + 0.55 * h), (cx + 0.38 * pw, y + 0.9 * h),
             (cx - 0.38 * pw, y + 0.9 * h)], POT, K)
    sc.oval(x + w / 2, y + 0.3 * h, 0.48 * w, 0.28 * h, LEAF)


@dataclass(frozen=True)
class Piece:
    """Something an illustrator puts in a setting: its natural width over height, how much wider it may grow
    (a board or a shelf; 1 = not at all), its share of the row's height, and its largest height in the unit."""

    name: str
    draw: Callable[..., None]
    aspect: float
    stretch: float = 1.0
    size: float = 1.0
    cap: float = 9.0
    once: bool = False  # one to a wall (a queue board, a clock, a blackboard)


WINDOW = Piece("window", _window, 0.85, 1.8)
NOTICE = Piece("notice_board", _notice_board, 1.5, 1.6)
POSTER = Piece("poster", _poster, 0.72)
GUIDE = Piece("guide_board", _guide_board, 1.1, 1.5)
CLOCK = Piece("clock", _clock, 1.0, size=0.6, cap=0.16, once=True)
CALENDAR = Piece("calendar", _calendar, 0.8, size=0.85)
QUEUE = Piece("queue_display", _queue_display, 2.4, size=0.7, cap=0.13, once=True)
SHELF = Piece("shelf", _wall_shelf, 1.6, 1.6)
PICTURE = Piece("picture", _picture, 1.35)
CERTIFICATE = Piece("certificate", _certificate, 1.3, size=0.8)
AIRCON = Piece("air_conditioner", _air_con, 3.6, size=0.45, cap=0.12, once=True)
WHITEBOARD = Piece("whiteboard", _whiteboard, 1.6, 1.5, once=True)
BLACKBOARD = Piece("blackboard", _blackboard, 2.2, 1.8, once=True)
EYE_CHART = Piece("eye_chart", _eye_chart, 0.62)
CROSS = Piece("cross_plate", _cross_plate, 1.0, size=0.7, cap=0.2, once=True)
HOME_WINDOW = Piece("window", _home_window, 0.9, 1.6)
WALL_PLANT = Piece("plant", _wall_plant, 0.7, size=0.8)


def _stretch(row: list[list], spare: float, share: float) -> float:
    """Widen the stretchable pieces of `row` ([piece, width, height] each) by up to `share` of the `spare` width,
    in proportion to how far each may stretch; return the width still spare."""
    room = sum(pw * (p.stretch - 1) for p, pw, _ in row)
    if room > 0:
        grow = min(1.0, share * spare / room)
        for it in row:
            extra = it[1] * (it[0].stretch - 1) * grow
            it[1] += extra
            spare -= extra
    return spare


def _hang(sc: _Scene, pieces: tuple[Piece, ...], x0: float, y0: float, x1: float, y1: float, u: float,
          accent: Color, seen: set[str] | None = None, start: int = 0) -> None:
    """Hang pieces on the wall region (x0, y0)-(x1, y1): a row across a wide region, a column down a tall one,
    cycling through `pieces` until no more fit; spare room widens what may grow, then spaces them evenly."""
    W, H = x1 - x0, y1 - y0
    if W < 8 or H < 8:
        return
    seen = set() if seen is None else seen
    if H > 0.8 * W:
        _hang_column(sc, pieces, x0, y0, W, H, u, accent, seen, start)
        return
    fh = 0.86 * H
    gap = max(0.22 * fh, 3.0)
    # a few things spaced along a wall, not a frieze of small ones
    most = max(2, round(W / (1.4 * fh if fh > 0.12 * u else 0.8 * u)))
    row: list[list] = []  # [piece, width, height]
    used, k, miss = 0.0, start, 0
    while miss < len(pieces) and len(row) < most:
        p = pieces[k % len(pieces)]
        k += 1
        ph = min(fh * p.size, p.cap * u)
        pw = ph * p.aspect
        need = pw + (gap if row else 0.0)
        if p.once and p.name in seen:
            miss += 1
        elif used + need <= W or (W - used - (need - pw)) / pw >= 0.55:  # whole, or a smaller one in the rest
            f = min(1.0, (W - used - (need - pw)) / pw)
            seen.add(p.name)
            row.append([p, pw * f, ph * f])
            used += need - pw + pw * f
            miss = 0
        else:
            miss += 1
    if not row:
        return
    pad = _stretch(row, W - used, 0.75) / (len(row) + 1)
    x = x0 + pad
    for n, (p, pw, ph) in enumerate(row):
        with sc.element(p.name):
            p.draw(sc, x, y0 + (H - ph) / 2 - 0.04 * (H - ph), pw, ph, accent, n)
        x += pw + gap + pad


def _hang_column(sc: _Scene, pieces: tuple[Piece, ...], x0: float, y0: float, W: float, H: float, u: float,
                 accent: Color, seen: set[str], start: int) -> None:
    fw = 0.88 * W
    gap = max(0.14 * fw, 3.0)
    col: list[tuple[Piece, float, float]] = []
    used, k, miss = 0.0, start, 0
    while miss < len(pieces) and len(col) < 12:
        p = pieces[k % len(pieces)]
        k += 1
        pw = fw * p.size
        ph = min(pw / p.aspect, 0.6 * H, p.cap * u)
        pw = min(pw, ph * p.aspect * p.stretch)
        need = ph + (gap if col else 0.0)
        if p.once and p.name in seen:
            miss += 1
        elif used + need <= H or (H - used - (need - ph)) / ph >= 0.55:
            f = min(1.0, (H - used - (need - ph)) / ph)
            seen.add(p.name)
            col.append((p, pw * f, ph * f))
            used += need - ph + ph * f
            miss = 0
        else:
            miss += 1
    pad = (H - used) / (len(col) + 1)
    y = y0 + pad
    for n, (p, pw, ph) in enumerate(col):
        with sc.element(p.name):
            p.draw(sc, x0 + (W - pw) / 2, y, pw, ph, accent, n)
        y += ph + gap + pad


# ---------------------------------------------------------------------------------------------- standing pieces
# Each draws in its box (x, y, w, h) standing on the box's bottom (the floor line).


def _desk_computer(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """An office desk, front view, with a monitor and a tray of forms on it."""
    dh = 0.58 * h
    top = y + h - dh
    mw, mh = min(0.5 * w, 0.62 * h), 0.34 * h
    mx = x + 0.62 * w - mw / 2
    sc.rect(mx + mw / 2 - 0.04 * mw, top - 0.08 * h, 0.08 * mw, 0.08 * h, METAL_DARK)
    sc.rect(mx, y, mw, mh, "#C4CCD5", K)
    sc.rect(mx + 0.06 * mw, y + 0.08 * mh, 0.88 * mw, 0.8 * mh, "#DDEFFB")
    _text_bars(sc, mx + 0.14 * mw, y + 0.16 * mh, 0.5 * mw, 0.6 * mh, 3, "#A9D2F0")
    sc.rect(x + 0.1 * w, top - 0.06 * h, 0.24 * w, 0.06 * h, PAPER)
    sc.rect(x + 0.12 * w, top - 0.09 * h, 0.2 * w, 0.03 * h, _soft(accent, 0.6))
    sc.rect(x, top, w, 0.07 * h, WOOD, K)
    sc.rect(x + 0.03 * w, top + 0.07 * h, 0.32 * w, dh - 0.07 * h, "#EFE2CF")
    for k in range(3):
        dy = top + 0.07 * h + (k + 0.5) * (dh - 0.07 * h) / 3
        sc.rect(x + 0.19 * w - 0.04 * w, dy - 0.012 * h, 0.08 * w, 0.024 * h, WOOD_DARK)
    sc.rect(x + w - 0.07 * w, top + 0.07 * h, 0.04 * w, dh - 0.07 * h, WOOD_DARK)


def _cabinet(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A filing cabinet of four drawers, each with a handle and a label."""
    sc.rect(x, y, w, h, METAL, K)
    for k in range(4):
        dy = y + 0.04 * h + k * 0.24 * h
        sc.rect(x + 0.08 * w, dy, 0.84 * w, 0.2 * h, "#E6EAEE")
        sc.rect(x + 0.35 * w, dy + 0.07 * h, 0.3 * w, 0.04 * h, METAL_DARK)


def _bookcase(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, "#EFE4D2", K)
    _wall_shelf(sc, x + 0.06 * w, y + 0.04 * h, 0.88 * w, 0.9 * h, accent, i + 1)


def _water(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A water dispenser: a bottle on a white body with two taps."""
    sc.rect(x + 0.2 * w, y, 0.6 * w, 0.34 * h, GLASS, K, radius=0.12 * w)
    sc.rect(x, y + 0.34 * h, w, 0.66 * h, WHITE, K)
    sc.rect(x + 0.12 * w, y + 0.42 * h, 0.76 * w, 0.2 * h, "#E6EAEE")
    sc.rect(x + 0.26 * w, y + 0.52 * h, 0.14 * w, 0.06 * h, "#E8908A")
    sc.rect(x + 0.6 * w, y + 0.52 * h, 0.14 * w, 0.06 * h, "#8FB8E0")


def _plant(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A potted plant: three clumps of leaves over a pot."""
    ph = 0.3 * h
    sc.poly([(x + 0.22 * w, y + h - ph), (x + 0.78 * w, y + h - ph), (x + 0.7 * w, y + h), (x + 0.3 * w, y + h)],
            POT, K)
    for cx, cy, rx, ry in ((0.3, 0.42, 0.3, 0.2), (0.7, 0.4, 0.3, 0.2), (0.5, 0.22, 0.34, 0.22)):
        sc.oval(x + cx * w, y + cy * h, rx * w, ry * h, (LEAF_DARK, LEAF_DARK, LEAF)[int(cx * 3) % 3])


def _sofa(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sofa = _soft(accent, 0.75)
    sc.rect(x + 0.06 * w, y, 0.88 * w, 0.55 * h, sofa, K, radius=0.2 * h)
    sc.rect(x, y + 0.35 * h, w, 0.5 * h, sofa, K, radius=0.15 * h)
    for k in range(2):
        sc.rect(x + 0.12 * w + k * 0.4 * w, y + 0.12 * h, 0.36 * w, 0.28 * h, "#FFF6EE", None, radius=0.1 * h)
    sc.rect(x + 0.06 * w, y + 0.85 * h, 0.05 * w, 0.15 * h, WOOD_DARK)
    sc.rect(x + 0.89 * w, y + 0.85 * h, 0.05 * w, 0.15 * h, WOOD_DARK)


def _lamp_table(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A side table with a lamp on it."""
    sc.poly([(x + 0.22 * w, y), (x + 0.78 * w, y), (x + 0.92 * w, y + 0.26 * h), (x + 0.08 * w, y + 0.26 * h)],
            "#FBE7B8", K)
    sc.rect(x + 0.47 * w, y + 0.26 * h, 0.06 * w, 0.22 * h, "#C9B79C")
    sc.rect(x, y + 0.48 * h, w, 0.52 * h, WOOD, K)
    sc.rect(x + 0.15 * w, y + 0.62 * h, 0.7 * w, 0.06 * h, WOOD_DARK)


def _tv_cabinet(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x + 0.15 * w, y, 0.7 * w, 0.5 * h, "#C4CCD5", K)
    sc.rect(x + 0.19 * w, y + 0.06 * h, 0.62 * w, 0.38 * h, "#E3EDF5")
    sc.rect(x + 0.46 * w, y + 0.5 * h, 0.08 * w, 0.06 * h, METAL_DARK)
    sc.rect(x, y + 0.56 * h, w, 0.44 * h, WOOD, K)
    for k in range(3):
        sc.rect(x + (0.05 + 0.31 * k) * w, y + 0.62 * h, 0.28 * w, 0.32 * h, "#EAD6BA")


def _bed(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """The examination bed with its pillow."""
    sc.rect(x + 0.04 * w, y, 0.3 * w, 0.28 * h, WHITE, None, radius=0.1 * h)
    sc.rect(x, y + 0.22 * h, w, 0.26 * h, "#E8F3F0", K, radius=0.08 * h)
    for lx in (x + 0.06 * w, x + 0.9 * w):
        sc.rect(lx, y + 0.48 * h, 0.04 * w, 0.52 * h, METAL_DARK)


def _med_cabinet(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    sc.rect(x, y, w, h, "#F4F7F8", K)
    sc.rect(x + 0.08 * w, y + 0.06 * h, 0.84 * w, 0.42 * h, GLASS)
    for k in range(3):
        sc.rect(x + (0.14 + 0.26 * k) * w, y + 0.3 * h, 0.18 * w, 0.16 * h, PASTELS[k])
    sc.lines([(x + w / 2, y + 0.54 * h, x + w / 2, y + 0.96 * h)], "#C6CFD6")
    a, b = 0.04 * w, 0.12 * w
    sc.rect(x + w / 2 - b, y + 0.7 * h - a, 2 * b, 2 * a, "#7CC7A4")
    sc.rect(x + w / 2 - a, y + 0.7 * h - b, 2 * a, 2 * b, "#7CC7A4")


def _screen(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A folding screen of three cloth panels on a frame."""
    pw = w / 3
    for k in range(3):
        sc.rect(x + k * pw, y, pw, 0.88 * h, ("#D7EEE8", "#CBE7DF", "#D7EEE8")[k], K if k == 1 else None)
    for lx in (x + 0.05 * w, x + 0.92 * w):
        sc.rect(lx, y + 0.88 * h, 0.03 * w, 0.12 * h, METAL_DARK)


def _school_desk(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """A pupil's desk with the chair's back behind it."""
    sc.rect(x + 0.25 * w, y, 0.5 * w, 0.4 * h, SEAT, None, radius=0.1 * h)
    sc.rect(x, y + 0.3 * h, w, 0.14 * h, WOOD, K)
    sc.rect(x + 0.05 * w, y + 0.44 * h, 0.9 * w, 0.3 * h, "#F0E4CF")
    for lx in (x + 0.08 * w, x + 0.86 * w):
        sc.rect(lx, y + 0.74 * h, 0.06 * w, 0.26 * h, METAL_DARK)


def _chair_backs(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """Linked waiting chairs, seen from the front."""
    n = max(1, round(w / h))
    cw = w / n
    sc.rect(x, y + 0.7 * h, w, 0.08 * h, METAL_DARK)
    for k in range(n):
        cx = x + k * cw + 0.06 * cw
        sc.rect(cx, y, 0.88 * cw, 0.55 * h, SEAT, None, radius=0.12 * h)
        sc.rect(cx - 0.02 * cw, y + 0.5 * h, 0.92 * cw, 0.16 * h, "#A9C9E4", None, radius=0.06 * h)
        sc.rect(cx + 0.4 * cw, y + 0.78 * h, 0.08 * cw, 0.22 * h, METAL_DARK)


@dataclass(frozen=True)
class Stand:
    """A piece standing on the floor: its height in the unit, its natural width over height, how much wider it
    may grow."""

    name: str
    draw: Callable[..., None]
    height: float
    aspect: float
    stretch: float = 1.0


DESK = Stand("desk", _desk_computer, 0.42, 1.7, 1.4)
CABINET = Stand("cabinet", _cabinet, 0.42, 0.62)
BOOKCASE = Stand("bookcase", _bookcase, 0.42, 0.9, 1.5)
WATER = Stand("water_dispenser", _water, 0.42, 0.4)
PLANT = Stand("plant", _plant, 0.38, 0.62)
SOFA = Stand("sofa", _sofa, 0.3, 2.4, 1.3)
LAMP_TABLE = Stand("side_table", _lamp_table, 0.4, 0.6)
TV = Stand("tv_cabinet", _tv_cabinet, 0.4, 1.5, 1.3)
BED = Stand("bed", _bed, 0.28, 2.4, 1.2)
MED_CABINET = Stand("cabinet", _med_cabinet, 0.42, 0.7)
SCREEN = Stand("screen", _screen, 0.42, 0.9, 1.3)
SCHOOL_DESK = Stand("desk", _school_desk, 0.3, 1.2)
CHAIRS = Stand("chairs", _chair_backs, 0.22, 2.0, 2.0)


def _stand(sc: _Scene, pieces: tuple[Stand, ...], x0: float, x1: float, floor: float, u: float,
           accent: Color) -> float:
    """Stand pieces along the floor line from x0 to x1, cycling until no more fit; spare room widens what may
    grow, then spaces them evenly. Returns the top of the tallest placed (the floor if none)."""
    W = x1 - x0
    gap = 0.05 * u
    row: list[list] = []
    used, k, miss = 0.0, 0, 0
    while miss < len(pieces) and len(row) < 24:
        p = pieces[k % len(pieces)]
        k += 1
        ph = p.height * u
        pw = ph * p.aspect
        need = pw + (gap if row else 0.0)
        if used + need <= W:
            row.append([p, pw, ph])
            used += need
            miss = 0
        else:
            miss += 1
    if not row:  # a very narrow panel: the first piece, narrowed to the room there is
        p = pieces[0]
        row, used = [[p, 0.92 * W, p.height * u]], 0.92 * W
    pad = _stretch(row, W - used, 0.8) / (len(row) + 1)
    x = x0 + pad
    for n, (p, pw, ph) in enumerate(row):
        with sc.element(p.name):
            p.draw(sc, x, floor - ph, pw, ph, accent, n)
        x += pw + gap + pad
    return floor - max(ph for _, _, ph in row)


WAINSCOT = {"office": ("#EADFCB", "#D9C7AA"), "clinic": ("#D3ECE3", "#B7D6CB"), "home": ("#F3DCCB", "#DCC3A4"),
            "school": ("#D6EAD8", "#B9D6BE"), "service_hall": ("#E2E8EE", "#C9D3DC")}


def wainscot(sc: _Scene, x0: float, x1: float, floor: float, u: float, name: str = "") -> None:
    """The painted lower wall (a dado, 墙裙) with its rail: public rooms paint it to take the wear of chairs."""
    fill, rail = WAINSCOT.get(name or sc.name, WAINSCOT["office"])
    hgt = 0.24 * u
    with sc.element("wainscot"):
        sc.rect(0, floor - hgt, sc.w, hgt, fill)
        sc.rect(0, floor - hgt, sc.w, 0.02 * u, rail)
        step = 0.3 * u
        xk = (sc.w % step) / 2 + step / 2
        segs = []
        while xk < sc.w - 1:
            segs.append((xk, floor - hgt + 0.05 * u, xk, floor - 0.03 * u))
            xk += step
        sc.lines(segs, rail)


def _furnish(sc: _Scene, stands: tuple[Stand, ...], tall: tuple[Piece, ...], over: tuple[Piece, ...], floor: float,
             u: float, accent: Color) -> None:
    """A room's back wall as an illustrator draws it: furniture standing along the floor with room between,
    tall things (windows, boards) in the wall between the furniture, smaller ones (a clock, a calendar) above it."""
    x0, x1, top = _margins(sc, u)
    W = x1 - x0
    gap = 0.05 * u
    row: list[tuple[Stand, float, float]] = []
    used, k, miss = 0.0, 0, 0
    while miss < len(stands) and len(row) < 12:  # furniture takes about half the wall's width
        p = stands[k % len(stands)]
        k += 1
        ph = p.height * u
        pw = ph * p.aspect
        need = pw + (gap if row else 0.0)
        if not row and pw > W:  # a narrow panel: the main piece, narrowed to the room there is
            row.append((p, 0.92 * W, ph))
            used = 0.92 * W
        elif used + need <= 0.5 * W or not row:
            row.append((p, pw, ph))
            used += need
            miss = 0
        else:
            miss += 1
    pad = (W - used) / (len(row) + 1)
    wainscot(sc, x0, x1, floor, u)
    seen: set[str] = set()
    tall_h = floor - 0.16 * u - top
    x, n = x0, 0

    def between(x: float) -> None:
        nonlocal n
        if pad < 0.2 * u or tall_h < 0.2 * u or not tall:
            return
        p = tall[n % len(tall)]
        n += 1
        ph = 0.9 * tall_h
        pw = min(0.86 * pad, ph * p.aspect * p.stretch)
        if pw < ph * p.aspect:
            ph = pw / p.aspect
        with sc.element(p.name):
            p.draw(sc, x + (pad - pw) / 2, top + 0.03 * tall_h, pw, ph, accent, n)

    for j, (p, pw, ph) in enumerate(row):
        between(x)
        x += pad
        with sc.element(p.name):
            p.draw(sc, x, floor - ph, pw, ph, accent, j)
        if len(row) == 1:  # alone, it has the whole wall above it: a window too
            _hang(sc, (*tall[:1], *over), x0, top, x1, floor - ph - 0.05 * u, u, accent, seen, j)
        else:
            _hang(sc, over, x, top, x + pw, floor - ph - 0.05 * u, u, accent, seen, j)
        x += pw + (gap if j < len(row) - 1 else 0.0)
    between(x)


# ---------------------------------------------------------------------------------------------- floors


def _floor(sc: _Scene, name: str, floor: float, u: float) -> None:
    """The floor band with its skirting and its pattern: tiles in perspective, planks, or paving."""
    w, h = sc.w, sc.h
    with sc.element("floor"):
        sc.floor_band(FLOORS[name], floor)
        sc.rect(0, floor, w, 0.025 * u, SKIRTING[name])
        top, bottom = floor + 0.025 * u, h - sc.r - 0.5
        depth = bottom - top
        if depth < 4:
            return
        joints = JOINTS[name]
        if name in ("office", "home", "school"):  # planks: long rows, joints staggered
            rows = max(2, round(depth / (0.1 * u)))
            segs = []
            for k in range(1, rows):
                yk = top + depth * (k / rows) ** 1.3
                segs.append((0, yk, w, yk))
            for k in range(rows):
                ya = top + depth * (k / rows) ** 1.3
                yb = top + depth * ((k + 1) / rows) ** 1.3
                plank = 0.9 * u
                off = (k % 2) * plank / 2 + plank / 3
                xk = off
                while xk < w:
                    segs.append((xk, ya, xk, yb))
                    xk += plank
            sc.lines(segs, joints)
        else:  # tiles or paving: rows widening toward the viewer, joints fanning from the middle
            rows = max(2, round(depth / (0.12 * u)))
            segs = [(0, top + depth * (k / rows) ** 1.4, w, top + depth * (k / rows) ** 1.4) for k in range(1, rows)]
            tile = (0.3 if name != "street" else 0.4) * u
            n = int(w / 2 / tile) + 2
            cx = w / 2
            for k in range(-n, n + 1):
                xb = cx + k * tile
                xt = cx + k * tile * 0.62
                if 0.5 < xt < w - 0.5 and 0.5 < xb < w - 0.5:
                    segs.append((xt, top, xb, bottom))
            sc.lines(segs, joints)


def _ceiling(sc: _Scene, u: float) -> None:
    """The ceiling's edge: a cornice band with its row of light panels."""
    depth = 0.035 * u
    with sc.element("ceiling"):
        sc.rect(0, 0, sc.w, sc.r + depth, WHITE)
        sc.rect(0, sc.r + depth, sc.w, 0.008 * u, "#D6D0C6")
        step = 0.7 * u
        x = (sc.w % step) / 2 + 0.15 * u
        while x + 0.4 * u <= sc.w - sc.r:
            sc.rect(x, sc.r + 0.008 * u, 0.4 * u, depth - 0.016 * u, "#FFF4CF")
            x += step


# ---------------------------------------------------------------------------------------------- scenes


def _margins(sc: _Scene, u: float) -> tuple[float, float, float]:
    """Left and right of the room to hang and stand things in, and the top of the wall below the ceiling."""
    m = max(sc.r + 1.0, 0.03 * u)
    return m, sc.w - m, sc.r + 0.05 * u


def _service_hall(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    """A long counter with glass screens and numbered windows under a fascia; the queue board and guides above."""
    x0, x1, top = _margins(sc, u)
    w = x1 - x0
    ct = floor - 0.26 * u  # the counter's top
    gt = ct - 0.18 * u  # the glass screens' top
    ft = gt - 0.06 * u  # the fascia's top
    n = max(1, round(w / (0.6 * u)))
    pane = w / n
    with sc.element("glass_screen"):  # one glass band, posts between the windows, a shine on each pane
        sc.rect(x0, gt, w, ct - gt, GLASS, K)
        for k in range(n):
            px = x0 + k * pane
            if k:
                sc.rect(px - 0.006 * u, gt, 0.012 * u, ct - gt, METAL_DARK)
            sc.poly([(px + 0.12 * pane, ct - 0.15 * (ct - gt)), (px + 0.2 * pane, gt + 0.2 * (ct - gt)),
                     (px + 0.26 * pane, gt + 0.2 * (ct - gt)), (px + 0.18 * pane, ct - 0.15 * (ct - gt))], GLASS_SHINE)
    with sc.element("fascia"):
        sc.rect(x0, ft, w, gt - ft, _soft(accent, 0.62), K)
        for k in range(n):
            px = x0 + (k + 0.5) * pane
            sc.rect(px - 0.05 * u, ft + 0.012 * u, 0.1 * u, gt - ft - 0.024 * u, WHITE)
    with sc.element("counter"):
        sc.rect(x0 - 0.01 * u, ct, w + 0.02 * u, 0.045 * u, WOOD_EDGE)
        sc.rect(x0, ct + 0.045 * u, w, floor - ct - 0.045 * u, "#F3EEE6", K)
        sc.rect(x0, ct + 0.11 * u, w, 0.05 * u, _soft(accent, 0.68))
    if ft - 0.03 * u - top >= 0.14 * u:
        _hang(sc, (QUEUE, GUIDE, CLOCK, POSTER, NOTICE), x0, top, x1, ft - 0.03 * u, u, accent)
    else:  # too little wall above for things to read: the queue board hangs in front of the fascia
        qh = 0.11 * u
        with sc.element("queue_display"):
            _queue_display(sc, x0 + w / 2 - 1.2 * qh, max(top, ft - 0.03 * u), 2.4 * qh, qh, accent)


def _office(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    _furnish(sc, (DESK, CABINET, BOOKCASE, WATER, PLANT), (WINDOW, NOTICE),
             (CLOCK, CALENDAR, CERTIFICATE, AIRCON), floor, u, accent)


def _meeting_room(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    """A banner under the ceiling, a long table with chair backs and name plates, a whiteboard and windows."""
    x0, x1, top = _margins(sc, u)
    w = x1 - x0
    with sc.element("banner"):
        sc.rect(x0, top, w, 0.09 * u, _soft(accent, 0.62), K)
        sc.rect(x0 + 0.2 * w, top + 0.03 * u, 0.6 * w, 0.03 * u, _soft(accent, 0.85))
    _hang(sc, (WHITEBOARD, WINDOW, CLOCK, POSTER), x0, top + 0.13 * u, x1, floor - 0.2 * u, u, accent)
    chairs = max(2, round(w / (0.3 * u)))  # chair backs and the table, in front of the wall
    with sc.element("table"):
        for k in range(chairs):
            cx = x0 + (k + 0.5) * w / chairs
            sc.rect(cx - 0.08 * u, floor - 0.38 * u, 0.16 * u, 0.22 * u, "#C9D7E6", None, radius=0.04 * u)
        sc.rect(x0, floor - 0.2 * u, w, 0.045 * u, WOOD_EDGE)
        sc.rect(x0 + 0.01 * u, floor - 0.155 * u, w - 0.02 * u, 0.155 * u, "#EDE3D4", K)
        for k in range(chairs):  # name plates on the table
            cx = x0 + (k + 0.5) * w / chairs
            sc.poly([(cx - 0.05 * u, floor - 0.2 * u), (cx + 0.05 * u, floor - 0.2 * u),
                     (cx + 0.04 * u, floor - 0.26 * u), (cx - 0.04 * u, floor - 0.26 * u)], WHITE)



def _home(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    _furnish(sc, (SOFA, LAMP_TABLE, TV, BOOKCASE), (HOME_WINDOW,), (PICTURE, CLOCK, CALENDAR, WALL_PLANT),
             floor, u, accent)


def _building(sc: _Scene, x: float, y: float, w: float, h: float, accent: Color, i: int = 0) -> None:
    """An apartment block: its face, ribbon windows floor by floor, a roof edge."""
    colors = ("#F3E6D6", "#EFE0E6", "#F2E9D8", "#E2ECD4")  # warm faces, apart from the sky's blue
    sc.rect(x, y, w, h, colors[i % 4], K)
    sc.rect(x, y, w, 0.05 * h, "#D9CFBF")
    rows = max(2, round(h / (0.11 * max(w, h))))
    for r in range(rows):  # ribbon windows: one pale band per floor
        wy = y + 0.1 * h + r * 0.88 * h / rows
        sc.rect(x + 0.1 * w, wy + 0.2 * 0.88 * h / rows, 0.8 * w, 0.5 * 0.88 * h / rows, "#F4F8FB")


def _street(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    """Apartment blocks along the back, the community gate with its name board, trees and a notice board."""
    x0, x1, top = _margins(sc, u)
    w = x1 - x0
    x, k = x0, 0
    while x < x1 - 0.1 * u:  # blocks of a few heights, side by side
        bw = min((0.42 + 0.08 * (k % 3)) * u, x1 - x)
        bh = min(floor - top, max((0.5 + 0.1 * ((k * 5) % 3)) * u, (0.62 + 0.12 * ((k * 5) % 3)) * (floor - top)))
        with sc.element("building"):
            _building(sc, x, floor - bh, bw, bh, accent, k)
        x += bw + 0.04 * u
        k += 1
    gw = min(1.1 * u, 0.8 * w)  # the gate: two pillars and a lintel with a name board
    gx = x0 + w / 2 - gw / 2
    with sc.element("gate"):
        for px in (gx, gx + gw - 0.1 * u):
            sc.rect(px, floor - 0.46 * u, 0.1 * u, 0.46 * u, "#EDE6DA", K)
            sc.rect(px - 0.01 * u, floor - 0.49 * u, 0.12 * u, 0.04 * u, "#D9CFBF")
        sc.rect(gx - 0.02 * u, floor - 0.6 * u, gw + 0.04 * u, 0.1 * u, _soft(accent, 0.55), K)
        sc.rect(gx + 0.25 * gw, floor - 0.58 * u, 0.5 * gw, 0.06 * u, "#FFF8EC")
    for tx in (x0 + 0.12 * u, x1 - 0.12 * u):
        if tx < gx - 0.14 * u or tx > gx + gw + 0.14 * u:
            with sc.element("tree"):
                sc.rect(tx - 0.02 * u, floor - 0.28 * u, 0.04 * u, 0.28 * u, "#D9BFA0")
                for dx, dy, r in ((-0.07, -0.33, 0.09), (0.07, -0.34, 0.09), (0.0, -0.43, 0.1)):
                    sc.oval(tx + dx * u, floor + dy * u, r * u, r * u * 0.95, LEAF if dx else LEAF_DARK)
    nb = gx + gw + 0.3 * u
    if nb + 0.34 * u < x1:
        with sc.element("notice_board"):
            sc.rect(nb + 0.04 * u, floor - 0.2 * u, 0.02 * u, 0.2 * u, METAL_DARK)
            sc.rect(nb + 0.26 * u, floor - 0.2 * u, 0.02 * u, 0.2 * u, METAL_DARK)
            _notice_board(sc, nb, floor - 0.44 * u, 0.32 * u, 0.24 * u, accent)


def _clinic(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    _furnish(sc, (BED, MED_CABINET, SCREEN, PLANT), (WINDOW, EYE_CHART), (CROSS, POSTER, CLOCK), floor, u,
             accent)


def _school(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    x0, x1, top = _margins(sc, u)
    flags = max(3, int((x1 - x0) / (0.12 * u)))
    colors = ("#F6C7C0", "#FBE3A6", "#CDE6C0", "#C9DDF0")
    sc.lines([(x0, top, x1, top)], "#C9B79C")  # bunting under the ceiling: drawn, not counted (mostly air)
    for k in range(flags):
        fx = x0 + (k + 0.5) * (x1 - x0) / flags
        sc.poly([(fx - 0.045 * u, top), (fx + 0.045 * u, top), (fx, top + 0.08 * u)], colors[k % 4])
    wainscot(sc, x0, x1, floor, u)
    _hang(sc, (BLACKBOARD, CLOCK, POSTER, WINDOW), x0, top + 0.12 * u, x1, floor - 0.12 * u, u, accent)
    _stand(sc, (SCHOOL_DESK,), x0, x1, floor, u, accent)  # the pupils' desks, in front of the wall


_DRAW: dict[str, Callable[[_Scene, float, float, Color], None]] = {
    "service_hall": _service_hall, "office": _office, "meeting_room": _meeting_room, "home": _home,
    "street": _street, "clinic": _clinic, "school": _school,
}


@lru_cache(maxsize=512)
def _built(name: str, w: float, h: float, radius: float, accent: Color) -> _Scene:
    sc = _Scene(w, h, radius, name)
    floor = FLOOR * h
    sc.wall(WALLS[name], floor)
    u = min(h, 1.6 * w)  # the unit: the panel's height, or less in a panel much taller than wide
    _floor(sc, name, floor, u)
    if name != "street":
        _ceiling(sc, u)
    _DRAW[name](sc, floor, u, accent)
    return sc


@lru_cache(maxsize=512)
def _scene_local(name: str, w: float, h: float, radius: float, accent: Color) -> tuple[Path, ...]:
    return tuple(print_safe(_merge(_built(name, w, h, radius, accent).paths)))


_GEOMETRY_ACCENT = ink("#C8102E")  # the accent only colours things: any one gives the same elements


def scene_elements(name: str, x: float, y: float, w: float, h: float, *,
                   radius: float = 0.0) -> tuple[tuple[str, Box], ...]:
    """The furniture scene `name` draws in the box (x, y, w, h), as (name, (x, y, w, h)) in reading of the
    drawing order: counter, window, desk, chairs... (not the wall and floor tints behind them). The same
    drawing `scene_paths` makes, so layout can measure what a panel's setting covers. `plain` has none."""
    if name not in SCENES:
        raise ValueError(f"unknown scene {name!r}; use one of {', '.join(SCENES)}")
    if name == "plain" or not (w > 0 and h > 0):
        return ()
    sc = _built(name, round(w, 3), round(h, 3), round(radius, 3), _GEOMETRY_ACCENT)
    return tuple((n, (bx + x, by + y, bw, bh)) for n, (bx, by, bw, bh) in sc.elements)


def _bbox(p: Path) -> Box:
    xs = [op[i] for op in p.ops if op[0] != "Z" for i in range(1, len(op), 2)]
    ys = [op[i] for op in p.ops if op[0] != "Z" for i in range(2, len(op), 2)]
    return (min(xs), min(ys), max(xs), max(ys))


def _merge(paths: list[Path]) -> list[Path]:
    """Fills of one colour become one path of several subpaths where the picture cannot tell: a path joins the
    latest earlier group of its style when it overlaps nothing in that group (so any fill rule draws the same) and
    nothing drawn between that group and it (so nothing that covered it is now under it). Boxes count with their
    stroke and a point of margin (anti-aliased edges that touch keep their order). A scene of a few hundred shapes
    becomes a few dozen items for a renderer to set up (every window frame, every shelf's spines...)."""
    groups: list[tuple[Path, list[Box]]] = []
    for p in paths:
        m = (p.stroke_width / 2 if p.stroke is not None else 0.0) + 1.0
        x0, y0, x1, y1 = _bbox(p)
        b = (x0 - m, y0 - m, x1 + m, y1 + m)
        style = (p.fill, p.stroke, p.stroke_width, p.dash, p.round_joins)
        target = None
        # Only plain fills of straight edges join: a renderer fills many boxes as cheaply as one, while a stroke
        # or a curve over a wide union costs it a mask as wide.
        joins = p.stroke is None and all(op[0] in "MLZ" for op in p.ops)
        for gi in range(len(groups) - 1 if joins else -1, -1, -1):
            g, boxes = groups[gi]
            if any(b[0] < q[2] and q[0] < b[2] and b[1] < q[3] and q[1] < b[3] for q in boxes):
                break  # it must stay drawn after this group
            if (g.fill, g.stroke, g.stroke_width, g.dash, g.round_joins) == style and all(
                    op[0] in "MLZ" for op in g.ops[:8]):  # a group begun by a curve stays alone
                target = gi
                break
        if target is None:
            groups.append((p, [b]))
        else:
            g, boxes = groups[target]
            groups[target] = (Path(g.ops + p.ops, g.fill, g.stroke, g.stroke_width, g.dash, g.round_joins),
                              [*boxes, b])
    return [g for g, _ in groups]


def scene_paths(name: str, x: float, y: float, w: float, h: float, *, radius: float = 0.0,
                accent: Color | None = None) -> list[Path]:
    """Scene `name` filling the box (x, y, w, h), whose corners are rounded by `radius` like the panel's.

    `accent` tints a few things in the board's colour (the counter's band, a banner, the sofa), always lightened.
    `plain` draws nothing. Raises ValueError for an unknown name (listing the known ones) or a box without area."""
    if name not in SCENES:
        raise ValueError(f"unknown scene {name!r}; use one of {', '.join(SCENES)}")
    if not (w > 0 and h > 0):
        raise ValueError(f"scene {name!r} needs a box with positive width and height, got {w} × {h}")
    if name == "plain":
        return []
    local = _scene_local(name, round(w, 3), round(h, 3), round(radius, 3), accent or ink("#C8102E"))
    if x == 0 and y == 0:
        return list(local)
    return [Path(_shift(p.ops, x, y), p.fill, p.stroke, p.stroke_width, p.dash, p.round_joins) for p in local]


def _shift(ops: tuple[PathOp, ...], dx: float, dy: float) -> tuple[PathOp, ...]:
    return tuple(op if op[0] == "Z" else (op[0], *(v + (dx if i % 2 == 0 else dy) for i, v in enumerate(op[1:])))
                 for op in ops)


def luminance(c: Color) -> float:
    """Relative luminance (WCAG 2) of the colour as it prints, through the output profile."""
    def lin(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else math.pow((s + 0.055) / 1.055, 2.4)

    r, g, b = c.to_rgb()
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
