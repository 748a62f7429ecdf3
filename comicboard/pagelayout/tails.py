"""A bubble's tail: where it ends (beside a face, above a head, in a linked bubble), where it leaves the bubble,
and whether the tails of a panel, as the art draws them, keep clear of the other bubbles and of each other."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ..art.bubbles import _pt, _squircle, tail_hulls
from .geometry import Box

TAIL_MARGIN = 0.35  # clearance around a tail, in em of the base size
TAIL_TOUCH = 0.3  # of the margin: how near two tails to one mouth may run before they meet there
DRAWN_MARGIN = 0.08  # clearance, in em, between a tail as drawn and another bubble or tail: about two strokes


Pt = tuple[float, float]


def _tail_tip(head: Box, facing: str, beside: bool, s: float) -> Pt:
    """Where a bubble's tail ends: beside the face (bubbles beside the figures) or just above the head."""
    hx, hy, hw, hh = head
    if beside:
        return (hx + hw + 0.25 * s if facing == "right" else hx - 0.25 * s, hy + hh * 0.6)
    return (hx + hw / 2, hy - 0.25 * s)


def _tail_root(box: Box, tip: Pt) -> Pt:
    """Where the tail leaves the bubble: the ray from its centre to the tip crosses its (inscribed) ellipse."""
    x, y, w, h = box
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    d = math.hypot((tip[0] - cx) / rx, (tip[1] - cy) / ry)
    if d <= 1.0:
        return tip
    return (cx + (tip[0] - cx) / d, cy + (tip[1] - cy) / d)


def _segment_hits(p: Pt, q: Pt, box: Box, margin: float) -> bool:
    """Whether segment p–q comes within `margin` of the box (Liang–Barsky clipping on the grown box)."""
    x0, y0 = box[0] - margin, box[1] - margin
    x1, y1 = box[0] + box[2] + margin, box[1] + box[3] + margin
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for den, num in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if den == 0:
            if num < 0:
                return False
            continue
        t = num / den
        if den < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _segments_cross(p1: Pt, p2: Pt, q1: Pt, q2: Pt) -> bool:
    def orient(a: Pt, b: Pt, c: Pt) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0


def link_tip(box: Box) -> Pt:
    """Where a linked bubble's tail ends: the middle of the next bubble of the same speaker (drawn over it)."""
    return (box[0] + box[2] / 2, box[1] + box[3] / 2)


def bubble_tips(boxes: list[Box], links: list[int | None], head_tips: list[Pt]) -> list[Pt]:
    return [link_tip(boxes[k]) if k is not None else t for k, t in zip(links, head_tips, strict=True)]


def tails_clear(boxes: list[Box], tips: list[Pt], margin: float, links: list[int | None] | None = None,
                kinds: list[str] | None = None, speakers: list[str] | None = None, reach: float = 0.0) -> bool:
    """No tail, as drawn (`drawn_tail`), comes within `margin` of another bubble's body, and no two drawn tails
    come within `margin` of each other.

    A linked tail (`links[i]` = k) runs into bubble k by design; only bubble k is exempt for it. Two tails of one
    speaker (`speakers`, neither linked) end at the same mouth: they may meet within `reach` of their tips.
    """
    n = len(boxes)
    links = links or [None] * n
    kinds = kinds or ["speech"] * n
    tails = [drawn_tail(k, b, t) for k, b, t in zip(kinds, boxes, tips, strict=True)]
    for i in range(n):
        for j in range(i + 1, n):
            meet = reach if speakers and speakers[i] == speakers[j] and links[i] is None and links[j] is None else 0.0
            if clash(tails[i], tails[j], margin, links[i] == j, links[j] == i, meet):
                return False
    return True


# ---- the tails as drawn ------------------------------------------------------------------------------------

class Piece:
    """A convex polygon given by points it is the hull of: its bounds at once, its edges' unit normals when a
    test needs them (most pieces are told apart by their bounds)."""

    __slots__ = ("_normals", "bounds", "points")

    def __init__(self, points: tuple[Pt, ...]) -> None:
        self.points = points
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.bounds = (min(xs), min(ys), max(xs), max(ys))
        self._normals: tuple[Pt, ...] | None = None

    @property
    def normals(self) -> tuple[Pt, ...]:
        if self._normals is None:
            hull = _hull(self.points)
            normals = []
            for i, p in enumerate(hull):
                q = hull[(i + 1) % len(hull)]
                nx, ny = q[1] - p[1], p[0] - q[0]
                ln = math.hypot(nx, ny)
                if ln > 1e-9:
                    normals.append((nx / ln, ny / ln))
            self._normals = tuple(normals)
        return self._normals


def _hull(points: tuple[Pt, ...]) -> list[Pt]:
    """The convex hull (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o: Pt, a: Pt, b: Pt) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Pt] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Pt] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _near(p: Piece, q: Piece, margin: float) -> bool:
    """Whether two convex pieces come within `margin` of each other (separating axes: their edge normals; a gap
    found only along another axis counts as near, which errs on the side of keeping apart)."""
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = p.bounds, q.bounds
    if ax1 + margin < bx0 or bx1 + margin < ax0 or ay1 + margin < by0 or by1 + margin < ay0:
        return False
    for nx, ny in p.normals + q.normals:
        pa = [nx * x + ny * y for x, y in p.points]
        pb = [nx * x + ny * y for x, y in q.points]
        if max(pa) + margin < min(pb) or max(pb) + margin < min(pa):
            return False
    return True


def _body(box: Box) -> Piece:
    """A polygon holding the body of every kind of bubble in `box`: the speech body's tangents at 16 points (it
    is convex); the cloud's bumps and the shout's spikes stay inside it."""
    x, y, w, h = box
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    return Piece(tuple((cx + rx * u, cy + ry * v) for u, v in _unit_body()))


@lru_cache(maxsize=1)
def _unit_body(n: int = 4) -> tuple[Pt, ...]:
    """The corners of the polygon of tangents to the unit speech body (centre 0, radii 1) at n points a quarter
    (a scaled body's polygon is this one scaled: tangents stay tangents)."""
    body = _squircle(-1.0, -1.0, 2.0, 2.0)
    touch = []
    for c in body:
        for i in range(n):
            t = (i + 0.5) / n
            p = _pt(c, t)
            mt = 1 - t  # the derivative of the cubic at t
            d = (3 * (mt * mt * (c[1][0] - c[0][0]) + 2 * mt * t * (c[2][0] - c[1][0]) + t * t * (c[3][0] - c[2][0])),
                 3 * (mt * mt * (c[1][1] - c[0][1]) + 2 * mt * t * (c[2][1] - c[1][1]) + t * t * (c[3][1] - c[2][1])))
            touch.append((p, d))
    corners = []
    for (p, d), (q, e) in zip(touch, touch[1:] + touch[:1], strict=True):
        den = d[0] * e[1] - d[1] * e[0]
        k = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
        corners.append((p[0] + k * d[0], p[1] + k * d[1]))
    return tuple(corners)


@dataclass(frozen=True, slots=True)
class DrawnTail:
    """A bubble's body and its tail as the art draws it, both as convex pieces."""

    tip: Pt
    body: Piece
    pieces: tuple[Piece, ...]  # empty: no tail drawn (the tip lies inside the body)

    @property
    def span(self) -> tuple[float, float]:
        """The x range the drawn tail takes (the tip's x when none is drawn)."""
        if not self.pieces:
            return (self.tip[0], self.tip[0])
        return (min(p.bounds[0] for p in self.pieces), max(p.bounds[2] for p in self.pieces))


@lru_cache(maxsize=20_000)
def drawn_tail(kind: str, box: Box, tip: Pt) -> DrawnTail:
    """The bubble of `kind` in `box` with its tail to `tip`, as `art.tail_hulls` bounds what is drawn. A
    right-to-left panel draws the mirrored bubble afresh, and a shout's spikes are not symmetric: its pieces
    hold the tail drawn both ways round (a speech tail and a thought's circles are symmetric)."""
    x, y, w, h = box
    hulls = tail_hulls(kind, x, y, w, h, tip)
    if kind == "shout" and hulls:
        axis = 2 * x + w  # mirror about the bubble's own centre line
        hulls += [tuple((axis - px, py) for px, py in hull)
                  for hull in tail_hulls(kind, x, y, w, h, (axis - tip[0], tip[1]))]
    return DrawnTail(tip, _body(box), tuple(Piece(hl) for hl in hulls))


def _within(piece: Piece, centre: Pt, r: float) -> bool:
    return r > 0 and all(math.dist(p, centre) <= r for p in piece.points)


def clash(a: DrawnTail, b: DrawnTail, margin: float, a_into_b: bool = False, b_into_a: bool = False,
          reach: float = 0.0) -> bool:
    """Whether two bubbles' drawn tails run within `margin` of the other's body or of each other. A tail that
    links into the other bubble (`a_into_b`, `b_into_a`) is let into its body; tails that end at one mouth may
    meet within `reach` of their tips."""
    if not a_into_b and any(_near(p, b.body, margin) for p in a.pieces):
        return True
    if not b_into_a and any(_near(p, a.body, margin) for p in b.pieces):
        return True
    # Tails to one mouth converge on it: short of their tips they need only not touch.
    gap = TAIL_TOUCH * margin if reach > 0 else margin
    for p in a.pieces:
        if _within(p, a.tip, reach) or _within(p, b.tip, reach):
            continue
        for q in b.pieces:
            if not (_within(q, a.tip, reach) or _within(q, b.tip, reach)) and _near(p, q, gap):
                return True
    return False


def _tail_block(s: float) -> float:
    """How far later bubbles keep from an earlier tail's centre line: its half width and some air."""
    return (TAIL_MARGIN + 0.4) * s
