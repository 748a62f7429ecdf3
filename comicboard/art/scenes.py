"""Drawn settings behind a panel's people: a service hall, an office, a meeting room, a home, a street, a clinic,
a school. Light, flat, opaque CMYK tints (PDF/X-1a allows no transparency), so black text stays legible.

A scene is laid out on the panel's own box: a back wall down to a floor line at FLOOR of the height, furniture
sized by the height (as the people are) and placed by shares of the width, dropped when a narrow panel has no
room. Every shape lies inside the box by construction (rectangles are cut to it, anything else is placed only
where it fits) and the base follows the panel's rounded corners, so no clipping is needed. Each (scene, size)
is built once and memoised in the panel's own coordinates; a panel gets it by translation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from ..color import Color
from ..display import Path, PathOp, PathPen
from ..vocab import SCENES
from .ink import ink, print_safe

__all__ = ["SCENES", "scene_elements", "scene_paths"]

FLOOR = 0.66  # the floor line, as a share of the panel's height from the top
LINE_PT = 0.6  # detail lines: thick enough for a tint to print (thinner lines must be one solid ink)

Box = tuple[float, float, float, float]

# A soft palette: every fill keeps a relative luminance of at least 0.45 (black text on it has a contrast of
# 10:1 or more, above WCAG's 7:1 for AAA), except small accents (digits, a cross) that are not behind text.
WALLS = {"service_hall": "#EEF3F7", "office": "#F7F1E6", "meeting_room": "#EEF2EC", "home": "#FBEEE3",
         "street": "#E6F1FA", "clinic": "#EAF6F2", "school": "#FBF5DF"}
FLOORS = {"service_hall": "#E3DED5", "office": "#E8DCC8", "meeting_room": "#DDE1E6", "home": "#EAD6BF",
          "street": "#E4E4E0", "clinic": "#E2EBEA", "school": "#E9DCC2"}
WOOD = "#E2C9A6"
WOOD_DARK = "#CDAE86"
METAL = "#D5DBE1"
METAL_DARK = "#B9C2CB"
GLASS = "#DCEEF8"
WHITE = "#FFFFFF"
LINE = "#B8B2A8"  # detail lines on walls and floors
SEAT = "#BFD9EE"
LEAF = "#BFE0B5"
LEAF_DARK = "#A5CF98"
POT = "#E9B99A"


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

    def __init__(self, w: float, h: float, r: float) -> None:
        self.w, self.h, self.r = w, h, r
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
        s = ink(stroke) if stroke else None
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

    def poly(self, pts: list[tuple[float, float]], fill: str | None, stroke: str | None = None) -> None:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        half = LINE_PT / 2 if stroke else 0.0
        if not self.fits(min(xs) - half, min(ys) - half, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * half):
            return
        pen = PathPen().move(*pts[0])
        for p in pts[1:]:
            pen.line(*p)
        self._add(pen.close().ops if fill else pen.ops, fill, stroke)

    def lines(self, segs: list[tuple[float, float, float, float]], color: str = LINE, width: float = LINE_PT) -> None:
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

    def base(self, wall: str, floor: str, floor_y: float) -> None:
        """Wall and floor as two bands that follow the panel's rounded corners."""
        self._add(_band(0, 0, self.w, floor_y, self.r, top=True), wall)
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


# ---------------------------------------------------------------------------------------------- furniture


def _plant(sc: _Scene, x: float, floor: float, u: float) -> None:
    """A potted plant standing on the floor at x (its centre); u is the scene's unit (a share of its height)."""
    pw, ph = 0.09 * u, 0.1 * u
    for cx, cy, r in ((x - 0.05 * u, floor - ph - 0.1 * u, 0.07 * u), (x + 0.05 * u, floor - ph - 0.12 * u, 0.075 * u),
                      (x, floor - ph - 0.2 * u, 0.08 * u)):
        sc.oval(cx, cy, r, r * 1.1, LEAF, LEAF_DARK)
    sc.poly([(x - pw / 2, floor - ph), (x + pw / 2, floor - ph), (x + pw * 0.38, floor), (x - pw * 0.38, floor)],
            POT, "#D49E80")


def _window(sc: _Scene, x: float, y: float, w: float, h: float, curtains: str | None = None) -> None:
    sc.rect(x, y, w, h, WHITE, "#C9C2B8", radius=0.02 * h)
    sc.rect(x + 0.06 * w, y + 0.06 * h, 0.88 * w, 0.88 * h, GLASS)
    sc.lines([(x + w / 2, y + 0.06 * h, x + w / 2, y + 0.94 * h), (x + 0.06 * w, y + h / 2, x + 0.94 * w, y + h / 2)],
             "#C9C2B8", max(LINE_PT, 0.03 * w))
    if curtains:
        cw = 0.22 * w
        for cx in (x - 0.06 * w, x + w - cw + 0.06 * w):
            sc.rect(cx, y - 0.04 * h, cw, h * 1.02, curtains, "#D9A9A0", radius=0.05 * cw)


def _chairs(sc: _Scene, x: float, floor: float, u: float, n: int, seat: str = SEAT) -> None:
    """A row of linked waiting chairs, seen from the front, from x rightwards."""
    cw, gap = 0.16 * u, 0.03 * u
    seat_y = floor - 0.2 * u
    total = n * cw + (n - 1) * gap
    sc.rect(x, seat_y + 0.03 * u, total, 0.025 * u, METAL_DARK)  # the beam
    for leg in (x + 0.1 * cw, x + total - 0.1 * cw - 0.02 * u):
        sc.rect(leg, seat_y + 0.03 * u, 0.02 * u, floor - seat_y - 0.03 * u, METAL_DARK)
    for i in range(n):
        cx = x + i * (cw + gap)
        sc.rect(cx, seat_y - 0.2 * u, cw, 0.2 * u, seat, "#9FBFD8", radius=0.03 * u)
        sc.rect(cx - 0.01 * u, seat_y - 0.01 * u, cw + 0.02 * u, 0.05 * u, seat, "#9FBFD8", radius=0.02 * u)


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


def _queue_sign(sc: _Scene, x: float, y: float, u: float, accent: Color) -> None:
    """The queue-number board over the counter: a soft panel with a number in warm digits and a ticket slot."""
    w, h = 0.32 * u, 0.12 * u
    if not sc.fits(x, y, w, h):
        return
    sc.rect(x, y, w, h, "#7D8A99", radius=0.015 * u)  # a mid-grey face reads as a display without shouting
    sc.rect(x + 0.015 * u, y + 0.015 * u, 0.075 * u, h - 0.03 * u, accent)
    for i, d in enumerate((0, 2, 8)):
        _seven_seg(sc, x + 0.115 * u + i * 0.066 * u, y + 0.022 * u, h - 0.044 * u, d, "#FFD98A")


def _counter(sc: _Scene, x: float, floor: float, w: float, u: float, stripe: Color) -> None:
    """A long service counter seen from the front, with glass partitions and window numbers above it."""
    top = floor - 0.3 * u
    with sc.element("counter"):  # the solid counter; the glass partitions above it are only their frames
        sc.rect(x, top + 0.04 * u, w, floor - top - 0.04 * u, "#F3EEE6")
        sc.rect(x, top + 0.1 * u, w, 0.05 * u, stripe)
        sc.rect(x - 0.01 * u, top, w + 0.02 * u, 0.045 * u, WOOD)
    n = max(1, int(w / (0.55 * u)))
    for i in range(n + 1):
        px = x + i * w / n
        sc.rect(px - 0.006 * u, top - 0.28 * u, 0.012 * u, 0.28 * u, METAL_DARK)
    sc.rect(x, top - 0.28 * u, w, 0.012 * u, METAL_DARK)
    for i in range(n):
        px = x + (i + 0.5) * w / n
        sc.rect(px - 0.045 * u, top - 0.25 * u, 0.09 * u, 0.07 * u, WHITE, "#9FB3C6", radius=0.01 * u)
        sc.rect(px - 0.006 * u, top - 0.235 * u, 0.012 * u, 0.04 * u, "#7C8DA0")  # the window's number, as a bar


def _monitor(sc: _Scene, x: float, y: float, u: float) -> None:
    """A computer monitor standing on a desk top at y, centred on x."""
    mw, mh = 0.3 * u, 0.2 * u
    sc.rect(x - 0.02 * u, y - 0.06 * u, 0.04 * u, 0.06 * u, METAL_DARK)
    sc.rect(x - 0.08 * u, y - 0.015 * u, 0.16 * u, 0.015 * u, METAL_DARK)
    sc.rect(x - mw / 2, y - 0.06 * u - mh, mw, mh, "#C4CCD5", "#A3AEBA", radius=0.015 * u)
    sc.rect(x - mw / 2 + 0.015 * u, y - 0.06 * u - mh + 0.015 * u, mw - 0.03 * u, mh - 0.03 * u, "#DDEFFB")
    sc.rect(x - mw / 2 + 0.035 * u, y - 0.06 * u - mh + 0.04 * u, 0.12 * u, 0.025 * u, "#A9D2F0")
    sc.rect(x - mw / 2 + 0.035 * u, y - 0.06 * u - mh + 0.08 * u, 0.18 * u, 0.02 * u, WHITE)
    sc.rect(x - mw / 2 + 0.035 * u, y - 0.06 * u - mh + 0.115 * u, 0.15 * u, 0.02 * u, WHITE)


def _desk(sc: _Scene, x: float, floor: float, w: float, u: float) -> float:
    """An office desk, front view, from x; returns the y of its top."""
    top = floor - 0.28 * u
    sc.rect(x, top, w, 0.035 * u, WOOD, WOOD_DARK, radius=0.008 * u)
    sc.rect(x + 0.02 * u, top + 0.035 * u, 0.3 * w, floor - top - 0.035 * u, "#EFE2CF", "#D5C2A6")
    for i in range(3):
        dy = top + 0.035 * u + (i + 0.5) * (floor - top - 0.035 * u) / 3
        sc.rect(x + 0.02 * u + 0.15 * w - 0.03 * u, dy - 0.006 * u, 0.06 * u, 0.012 * u, WOOD_DARK)
    sc.rect(x + w - 0.04 * u, top + 0.035 * u, 0.025 * u, floor - top - 0.035 * u, WOOD_DARK)
    return top


def _shelf(sc: _Scene, x: float, floor: float, w: float, hgt: float, u: float) -> None:
    """A bookcase of binders in pastel spines."""
    top = floor - hgt
    sc.rect(x, top, w, hgt, "#EFE4D2", "#D6C4A8", radius=0.01 * u)
    rows = max(1, int(hgt / (0.2 * u)))
    spines = ("#BFD6EA", "#F2C6B4", "#CFE3C2", "#F3E1A8", "#D9CCEB")
    for r in range(rows):
        y1 = top + (r + 1) * hgt / rows - 0.015 * u
        sc.rect(x + 0.01 * u, y1, w - 0.02 * u, 0.015 * u, "#D6C4A8")
        bx = x + 0.02 * u
        i = r * 2
        while bx + 0.04 * u < x + w - 0.02 * u:
            bh = (0.12 + 0.02 * ((i * 7) % 3)) * u
            sc.rect(bx, y1 - bh, 0.035 * u, bh, spines[i % len(spines)])
            bx += 0.042 * u
            i += 1


def _clock(sc: _Scene, cx: float, cy: float, r: float) -> None:
    sc.oval(cx, cy, r, r, WHITE, "#A8B0BA")
    sc.lines([(cx, cy, cx, cy - 0.7 * r), (cx, cy, cx + 0.5 * r, cy + 0.15 * r)], "#8A94A0", max(LINE_PT, 0.09 * r))


def _tree(sc: _Scene, x: float, ground: float, u: float) -> None:
    sc.rect(x - 0.02 * u, ground - 0.28 * u, 0.04 * u, 0.28 * u, "#D9BFA0")
    for dx, dy, r in ((-0.07, -0.33, 0.09), (0.07, -0.34, 0.09), (0.0, -0.43, 0.1)):
        sc.oval(x + dx * u, ground + dy * u, r * u, r * u * 0.95, LEAF, LEAF_DARK)


def _building(sc: _Scene, x: float, ground: float, w: float, hgt: float, u: float, color: str) -> None:
    sc.rect(x, ground - hgt, w, hgt, color)
    rows = max(1, int(hgt / (0.1 * u)))
    for r in range(rows):  # ribbon windows: one pale band per floor
        wy = ground - hgt + (r + 0.3) * hgt / rows
        sc.rect(x + 0.08 * w, wy, 0.84 * w, 0.45 * hgt / rows, "#F4F8FB")


# ---------------------------------------------------------------------------------------------- scenes


def _service_hall(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    sc.lines([(0, floor + 0.35 * (sc.h - floor), w, floor + 0.35 * (sc.h - floor))], "#D3CCC1")
    sc.rect(0, sc.r + 0.04 * u, w, 0.03 * u, "#F8FBFD")  # a ceiling light strip
    cx0, cw = 0.06 * w, 0.88 * w
    _counter(sc, cx0, floor, cw, u, _soft(accent, 0.68))
    with sc.element("queue_sign"):
        _queue_sign(sc, w / 2 - 0.16 * u, sc.r + 0.08 * u, u, _soft(accent, 0.35))
    if w > 1.5 * u:
        with sc.element("chairs"):
            _chairs(sc, 0.03 * w, sc.h - 0.06 * u, u, 2)
        with sc.element("plant"):
            _plant(sc, w - 0.08 * u, sc.h - 0.05 * u, u)


def _office(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    with sc.element("window"):
        _window(sc, 0.06 * w, sc.r + 0.1 * u, min(0.36 * u, 0.3 * w), 0.34 * u)
    with sc.element("clock"):
        _clock(sc, w - 0.14 * u, sc.r + 0.16 * u, 0.06 * u)
    with sc.element("shelf"):
        _shelf(sc, w - 0.36 * u, floor, 0.3 * u, 0.5 * u, u)
    dw = min(0.75 * u, 0.6 * w)
    with sc.element("desk"):
        top = _desk(sc, w / 2 - dw / 2, floor + 0.02 * u, dw, u)
    with sc.element("computer"):
        _monitor(sc, w / 2 + 0.12 * dw, top, u)
    with sc.element("tray"):
        sc.rect(w / 2 - 0.4 * dw, top - 0.05 * u, 0.14 * u, 0.05 * u, "#FFFDF6", "#C9C2B8")  # a tray of forms
        sc.rect(w / 2 - 0.4 * dw + 0.01 * u, top - 0.07 * u, 0.12 * u, 0.02 * u, _soft(accent, 0.6))
    with sc.element("plant"):
        _plant(sc, 0.06 * w + 0.05 * u, sc.h - 0.05 * u, u * 0.8)


def _meeting_room(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    bw = min(0.9 * w, 2.2 * u)
    with sc.element("banner"):
        sc.rect(w / 2 - bw / 2, sc.r + 0.05 * u, bw, 0.09 * u, _soft(accent, 0.7))  # the meeting banner
        sc.rect(w / 2 - bw / 2, sc.r + 0.14 * u, bw, 0.008 * u, _soft(accent, 0.45))
    sbw, sbh = min(0.6 * u, 0.5 * w), 0.3 * u  # a whiteboard with a bar chart
    bx, by = w / 2 - sbw / 2, sc.r + 0.2 * u
    with sc.element("whiteboard"):
        sc.rect(bx, by, sbw, sbh, WHITE, "#B4BCC4", radius=0.01 * u)
        for i, hh in enumerate((0.35, 0.6, 0.5, 0.8)):
            bar_h = hh * sbh * 0.7
            sc.rect(bx + (0.15 + 0.2 * i) * sbw, by + sbh * 0.85 - bar_h, 0.1 * sbw, bar_h,
                    ("#BFD6EA", "#F2C6B4", "#CFE3C2", "#F3E1A8")[i])
        sc.lines([(bx + 0.1 * sbw, by + 0.85 * sbh, bx + 0.9 * sbw, by + 0.85 * sbh)], "#9AA5B1")
    chairs = max(2, int(w / (0.35 * u)))  # chair backs behind a long table
    with sc.element("table"):
        for i in range(chairs):
            cx = (i + 0.5) * w / chairs
            sc.rect(cx - 0.08 * u, floor - 0.36 * u, 0.16 * u, 0.2 * u, "#C9D7E6", "#A9BBCF", radius=0.04 * u)
        sc.rect(0, floor - 0.18 * u, w, 0.04 * u, WOOD)
        sc.rect(0, floor - 0.14 * u, w, 0.14 * u, "#EDE3D4")
        for i in range(chairs):  # name plates and cups on the table
            cx = (i + 0.5) * w / chairs
            sc.poly([(cx - 0.05 * u, floor - 0.18 * u), (cx + 0.05 * u, floor - 0.18 * u),
                     (cx + 0.04 * u, floor - 0.24 * u), (cx - 0.04 * u, floor - 0.24 * u)], WHITE, "#B4BCC4")


def _home(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    sc.rect(0, floor - 0.05 * u, w, 0.05 * u, "#F1DCC8")  # skirting
    with sc.element("window"):
        _window(sc, 0.08 * w, sc.r + 0.1 * u, min(0.4 * u, 0.3 * w), 0.36 * u, curtains="#F6CFC6")
    fx, fy = w - 0.4 * u, sc.r + 0.12 * u  # a framed picture: hills and a sun
    with sc.element("picture"):
        if sc.fits(fx, fy, 0.26 * u, 0.19 * u):
            sc.rect(fx, fy, 0.26 * u, 0.19 * u, "#E7C9A4", "#CDAE86", radius=0.01 * u)
            sc.rect(fx + 0.02 * u, fy + 0.02 * u, 0.22 * u, 0.15 * u, "#EAF4FB")
            sc.poly([(fx + 0.02 * u, fy + 0.17 * u), (fx + 0.1 * u, fy + 0.08 * u), (fx + 0.16 * u, fy + 0.13 * u),
                     (fx + 0.2 * u, fy + 0.1 * u), (fx + 0.24 * u, fy + 0.14 * u), (fx + 0.24 * u, fy + 0.17 * u)],
                    "#CDE6C0")
            sc.oval(fx + 0.18 * u, fy + 0.06 * u, 0.025 * u, 0.025 * u, "#F8DA8C")
    sw = min(0.9 * u, 0.7 * w)  # a sofa along the wall
    sx = w / 2 - sw / 2
    with sc.element("sofa"):
        sofa, sofa_line = _soft(accent, 0.75), "#D8B9B0"
        sc.rect(sx, floor - 0.3 * u, sw, 0.16 * u, sofa, sofa_line, radius=0.05 * u)
        sc.rect(sx - 0.04 * u, floor - 0.2 * u, sw + 0.08 * u, 0.16 * u, sofa, sofa_line, radius=0.04 * u)
        for i in range(2):
            sc.rect(sx + 0.05 * u + i * (sw / 2), floor - 0.27 * u, sw / 2 - 0.1 * u, 0.08 * u, "#FFF6EE", sofa_line,
                    radius=0.03 * u)
        sc.rect(sx + 0.02 * u, floor - 0.04 * u, 0.03 * u, 0.04 * u, WOOD_DARK)
        sc.rect(sx + sw - 0.05 * u, floor - 0.04 * u, 0.03 * u, 0.04 * u, WOOD_DARK)
    lx = w - 0.12 * u  # a floor lamp
    with sc.element("lamp"):
        sc.rect(lx - 0.006 * u, floor - 0.5 * u, 0.012 * u, 0.5 * u, "#C9B79C")
        sc.poly([(lx - 0.07 * u, floor - 0.5 * u), (lx + 0.07 * u, floor - 0.5 * u), (lx + 0.045 * u, floor - 0.62 * u),
                 (lx - 0.045 * u, floor - 0.62 * u)], "#FBE7B8", "#E2C58A")
    rug_y = floor + 0.45 * (sc.h - floor)
    with sc.element("rug"):
        sc.rect(0.2 * w, rug_y, 0.6 * w, 0.05 * u, _soft(accent, 0.82))


def _street(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    x = 0.0
    colors = ("#F3E6D6", "#E6ECF3", "#F2E9D8", "#E9EFE4")
    i = 0
    with sc.element("buildings"):
        while x < w:  # apartment blocks along the back
            bw = (0.42 + 0.08 * (i % 3)) * u
            _building(sc, x, floor - 0.02 * u, bw, (0.48 + 0.1 * ((i * 5) % 3)) * u, u, colors[i % 4])
            x += bw + 0.06 * u
            i += 1
    sc.rect(0, floor - 0.02 * u, w, 0.02 * u, "#D6D2C8")  # kerb
    sc.lines([(0, floor + 0.4 * (sc.h - floor), w, floor + 0.4 * (sc.h - floor))], "#CFCAC0")
    gw = min(1.1 * u, 0.8 * w)  # the community gate: two pillars and a lintel with a name plate
    gx = w / 2 - gw / 2
    for px in (gx, gx + gw - 0.1 * u):
        with sc.element("gate_pillar"):
            sc.rect(px, floor - 0.46 * u, 0.1 * u, 0.46 * u, "#EDE6DA", "#C9BFAF")
            sc.rect(px - 0.01 * u, floor - 0.49 * u, 0.12 * u, 0.04 * u, "#D9CFBF", "#C9BFAF")
    with sc.element("gate_sign"):
        sc.rect(gx - 0.02 * u, floor - 0.58 * u, gw + 0.04 * u, 0.09 * u, _soft(accent, 0.55), "#C9BFAF",
                radius=0.015 * u)
        sc.rect(gx + 0.25 * gw, floor - 0.565 * u, 0.5 * gw, 0.06 * u, "#FFF8EC")
    for tx in (0.08 * w, w - 0.08 * w):
        if tx < gx - 0.1 * u or tx > gx + gw + 0.1 * u:
            with sc.element("tree"):
                _tree(sc, tx, floor + 0.02 * u, u)
    if w > 2.5 * u:  # a notice board
        with sc.element("notice_board"):
            nb = gx + gw + 0.2 * u
            sc.rect(nb, floor - 0.42 * u, 0.3 * u, 0.22 * u, "#EAF2F8", "#B9C2CB", radius=0.01 * u)
            sc.rect(nb + 0.03 * u, floor - 0.39 * u, 0.1 * u, 0.14 * u, WHITE)
            sc.rect(nb + 0.16 * u, floor - 0.39 * u, 0.11 * u, 0.07 * u, _soft(accent, 0.7))
            sc.rect(nb + 0.04 * u, floor - 0.2 * u, 0.02 * u, 0.2 * u, METAL_DARK)
            sc.rect(nb + 0.24 * u, floor - 0.2 * u, 0.02 * u, 0.2 * u, METAL_DARK)


def _clinic(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    px, py = 0.07 * w, sc.r + 0.1 * u  # a green cross on a white plate
    with sc.element("cross_plate"):
        sc.rect(px, py, 0.2 * u, 0.2 * u, WHITE, "#B7D6CB", radius=0.02 * u)
        a, b = 0.025 * u, 0.07 * u
        cx, cy = px + 0.1 * u, py + 0.1 * u
        sc.rect(cx - a, cy - b, 2 * a, 2 * b, "#7CC7A4")
        sc.rect(cx - b, cy - a, 2 * b, 2 * a, "#7CC7A4")
    ex, ey = max(0.45 * w - 0.09 * u, px + 0.3 * u), sc.r + 0.08 * u  # an eye chart
    with sc.element("eye_chart"):
        if sc.fits(ex, ey, 0.18 * u, 0.3 * u):
            sc.rect(ex, ey, 0.18 * u, 0.3 * u, WHITE, "#C6CFD6", radius=0.01 * u)
            for i in range(5):
                lw = 0.12 * u * (1 - 0.16 * i)
                sc.rect(ex + 0.09 * u - lw / 2, ey + 0.03 * u + i * 0.05 * u, lw, 0.02 * u * (1 - 0.12 * i), "#9EAAB5")
    rail_y = sc.r + 0.05 * u  # a curtain on a rail, drawn back at the side
    with sc.element("curtain"):
        sc.rect(0.55 * w, rail_y, 0.45 * w - 0.02 * u, 0.012 * u, METAL_DARK)
        cw = 0.2 * u
        if w > 1.6 * u:
            for i in range(3):
                sc.rect(w - 0.04 * u - cw + i * cw / 3, rail_y, cw / 3, floor - rail_y - 0.05 * u,
                        ("#D7EEE8", "#CBE7DF", "#D7EEE8")[i])
    bx, bw = 0.1 * w, min(0.8 * u, 0.5 * w)  # the examination bed
    with sc.element("bed"):
        sc.rect(bx, floor - 0.24 * u, bw, 0.06 * u, "#E8F3F0", "#B7D6CB", radius=0.02 * u)
        sc.rect(bx + 0.02 * u, floor - 0.27 * u, 0.18 * u, 0.05 * u, WHITE, "#B7D6CB", radius=0.02 * u)
        for lx in (bx + 0.04 * u, bx + bw - 0.06 * u):
            sc.rect(lx, floor - 0.18 * u, 0.02 * u, 0.18 * u, METAL_DARK)
    kx = w - 0.3 * u - (cw + 0.06 * u if w > 1.6 * u else 0.0)  # a cabinet with a cross, clear of the curtain
    with sc.element("cabinet"):
        if kx > bx + bw + 0.05 * u:
            sc.rect(kx, floor - 0.36 * u, 0.24 * u, 0.36 * u, "#F4F7F8", "#C6CFD6", radius=0.01 * u)
            sc.lines([(kx + 0.12 * u, floor - 0.34 * u, kx + 0.12 * u, floor - 0.02 * u)], "#C6CFD6")
            sc.rect(kx + 0.04 * u, floor - 0.3 * u, 0.04 * u, 0.012 * u, _soft(accent, 0.3))
            sc.rect(kx + 0.054 * u, floor - 0.314 * u, 0.012 * u, 0.04 * u, _soft(accent, 0.3))


def _school(sc: _Scene, floor: float, u: float, accent: Color) -> None:
    w = sc.w
    bw = min(1.4 * u, 0.84 * w)  # the blackboard: a pale green board with chalk lines
    bx, by = w / 2 - bw / 2, sc.r + 0.12 * u
    bh = 0.36 * u
    with sc.element("blackboard"):
        sc.rect(bx - 0.02 * u, by - 0.02 * u, bw + 0.04 * u, bh + 0.04 * u, WOOD, WOOD_DARK, radius=0.01 * u)
        sc.rect(bx, by, bw, bh, "#B5D6BE")
        sc.lines([(bx + 0.08 * u, by + 0.1 * u, bx + 0.08 * u + 0.45 * bw, by + 0.1 * u),
                  (bx + 0.08 * u, by + 0.18 * u, bx + 0.08 * u + 0.3 * bw, by + 0.18 * u),
                  (bx + 0.08 * u, by + 0.26 * u, bx + 0.08 * u + 0.38 * bw, by + 0.26 * u)], WHITE,
                 max(LINE_PT, 0.012 * u))
        sc.rect(bx, by + bh + 0.02 * u, bw, 0.02 * u, WOOD_DARK)  # the chalk tray
    with sc.element("clock"):
        _clock(sc, w - 0.1 * u, sc.r + 0.1 * u, 0.05 * u)
    with sc.element("desks"):
        for i in range(max(1, int(w / (0.45 * u)))):  # desks in a row, seen from the front
            dx = 0.05 * u + i * 0.45 * u
            if dx + 0.36 * u > w:
                break
            sc.rect(dx, floor - 0.1 * u, 0.36 * u, 0.035 * u, WOOD, WOOD_DARK, radius=0.006 * u)
            sc.rect(dx + 0.03 * u, floor - 0.065 * u, 0.3 * u, 0.065 * u, "#F0E4CF")
    flags = max(3, int(w / (0.12 * u)))  # bunting under the ceiling
    colors = ("#F6C7C0", "#FBE3A6", "#CDE6C0", "#C9DDF0")
    with sc.element("bunting"):
        for i in range(flags):
            fx = (i + 0.5) * w / flags
            sc.poly([(fx - 0.035 * u, sc.r + 0.02 * u), (fx + 0.035 * u, sc.r + 0.02 * u), (fx, sc.r + 0.08 * u)],
                    colors[i % 4])


_DRAW: dict[str, Callable[[_Scene, float, float, Color], None]] = {
    "service_hall": _service_hall, "office": _office, "meeting_room": _meeting_room, "home": _home,
    "street": _street, "clinic": _clinic, "school": _school,
}


@lru_cache(maxsize=512)
def _built(name: str, w: float, h: float, radius: float, accent: Color) -> _Scene:
    sc = _Scene(w, h, radius)
    floor = FLOOR * h
    sc.base(WALLS[name], FLOORS[name], floor)
    u = min(h, 1.6 * w)  # the unit: the panel's height, or less in a panel much taller than wide
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
    """Runs of consecutive paths of one style that do not overlap become one path of several subpaths: the same
    picture under any fill rule, with a fraction of the items for a renderer to set up (windows, bars, chairs)."""
    out: list[Path] = []
    boxes: list[Box] = []
    for p in paths:
        b = _bbox(p)
        if out and (out[-1].fill, out[-1].stroke, out[-1].stroke_width, out[-1].dash) == (
                p.fill, p.stroke, p.stroke_width, p.dash) and not any(
                b[0] < q[2] and q[0] < b[2] and b[1] < q[3] and q[1] < b[3] for q in boxes):
            out[-1] = Path(out[-1].ops + p.ops, p.fill, p.stroke, p.stroke_width, p.dash, p.round_joins)
            boxes.append(b)
        else:
            out.append(p)
            boxes = [b]
    return out


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
