"""Turn pen operations into polylines for raster backends: transform, flatten Béziers, split dashes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..display import PathOp

Point = tuple[float, float]

# Largest distance (in device pixels) a flattened curve may stray from the true curve.
FLATNESS_PX = 0.2  # device pixels; masks are 4× supersampled, so this is under a subpixel of error
MAX_CURVE_SEGMENTS = 256


@dataclass(frozen=True)
class Subpath:
    points: list[Point]
    closed: bool


def flatten(ops: Sequence[PathOp], scale: float, dx: float = 0.0, dy: float = 0.0) -> list[Subpath]:
    """Pen operations in points → device-space polylines (x·scale + dx, y·scale + dy)."""
    subpaths: list[Subpath] = []
    points: list[Point] = []
    closed = False

    def finish() -> None:
        if len(points) >= 2 or (points and closed):
            subpaths.append(Subpath(points, closed))

    for op in ops:
        kind = op[0]
        if kind == "M":
            finish()
            points, closed = [(op[1] * scale + dx, op[2] * scale + dy)], False
        elif kind == "L":
            if not points:  # a line without a move starts at its own point, as PDF would reject
                points = [(op[1] * scale + dx, op[2] * scale + dy)]
                continue
            points.append((op[1] * scale + dx, op[2] * scale + dy))
        elif kind == "C":
            if not points:
                points = [(op[5] * scale + dx, op[6] * scale + dy)]
                continue
            p1 = (op[1] * scale + dx, op[2] * scale + dy)
            p2 = (op[3] * scale + dx, op[4] * scale + dy)
            p3 = (op[5] * scale + dx, op[6] * scale + dy)
            points.extend(_cubic(points[-1], p1, p2, p3))
        elif kind == "Z":
            closed = True
            finish()
            # PDF: after closepath the current point is the subpath's start
            points, closed = ([points[0]] if points else []), False
        else:
            raise ValueError(f"unknown path operation {kind!r}")
    finish()
    return [s for s in subpaths if len(s.points) >= 2 or s.closed]


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    """Points after p0 on a cubic Bézier, evenly in t, enough that the chord error stays under FLATNESS_PX."""
    # Second derivative is bounded by 6·max|P0−2P1+P2|, |P1−2P2+P3|; uniform steps then err ≤ bound / (8n²).
    ddx = max(abs(p0[0] - 2 * p1[0] + p2[0]), abs(p1[0] - 2 * p2[0] + p3[0]))
    ddy = max(abs(p0[1] - 2 * p1[1] + p2[1]), abs(p1[1] - 2 * p2[1] + p3[1]))
    dd = 6 * math.hypot(ddx, ddy)
    n = max(1, min(MAX_CURVE_SEGMENTS, math.ceil(math.sqrt(dd / (8 * FLATNESS_PX)))))
    x0, y0, x1, y1, x2, y2, x3, y3 = *p0, *p1, *p2, *p3
    return [(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3) for a, b, c, d in _bernstein(n)]


@lru_cache(maxsize=MAX_CURVE_SEGMENTS)
def _bernstein(n: int) -> tuple[tuple[float, float, float, float], ...]:
    """The cubic Bernstein weights at t = 1/n, 2/n, … 1: the same for every curve cut in n."""
    out = []
    for i in range(1, n + 1):
        t = i / n
        u = 1 - t
        out.append((u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t))
    return tuple(out)


def dash(subpaths: list[Subpath], on: float, off: float) -> list[Subpath]:
    """Split polylines into open 'on' pieces of the pattern (lengths in device units), phase 0 per subpath."""
    if on <= 0:
        return []
    if off <= 0:
        return subpaths
    pieces: list[Subpath] = []
    for sp in subpaths:
        pts = sp.points + ([sp.points[0]] if sp.closed else [])
        drawing, left = True, on  # pattern state: in an 'on' dash, with `left` length to go
        current: list[Point] = [pts[0]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            seg = math.hypot(x1 - x0, y1 - y0)
            pos = 0.0
            while seg - pos > left:
                pos += left
                t = pos / seg
                p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
                if drawing:
                    current.append(p)
                    pieces.append(Subpath(current, False))
                else:
                    current = [p]
                drawing = not drawing
                left = on if drawing else off
            left -= seg - pos
            if drawing:
                current.append((x1, y1))
        if drawing and len(current) >= 2:
            pieces.append(Subpath(current, False))
    return pieces


def bounds(subpaths: list[Subpath]) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) of all points, or None when there are none."""
    xs = [p[0] for sp in subpaths for p in sp.points]
    ys = [p[1] for sp in subpaths for p in sp.points]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def axis_rect(subpaths: list[Subpath]) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) when the outline is one axis-aligned rectangle, else None."""
    if len(subpaths) != 1:
        return None
    pts = list(subpaths[0].points)
    if len(pts) == 5 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) != 4:
        return None
    xs = {p[0] for p in pts}
    ys = {p[1] for p in pts}
    if len(xs) != 2 or len(ys) != 2:
        return None
    # Consecutive corners must differ in exactly one coordinate (rules out a bow-tie).
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1], strict=True):
        if (ax != bx) == (ay != by):
            return None
    return min(xs), min(ys), max(xs), max(ys)
