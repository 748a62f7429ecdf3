"""A bubble's tail: where it ends (beside a face, above a head, in a linked bubble), where it leaves the bubble,
and whether the tails of a panel keep clear of the other bubbles and of each other. Plain geometry."""

from __future__ import annotations

import math

from .geometry import Box

TAIL_MARGIN = 0.35  # clearance around a tail, in em of the base size


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


def tails_clear(boxes: list[Box], tips: list[Pt], margin: float, links: list[int | None] | None = None) -> bool:
    """No tail (root → tip) passes within `margin` of another bubble, and no two tails cross.

    A linked tail (`links[i]` = k) runs into bubble k by design; only bubble k is exempt for it.
    """
    links = links or [None] * len(boxes)
    tails = [(_tail_root(b, t), t) for b, t in zip(boxes, tips, strict=True)]
    for i, (p, q) in enumerate(tails):
        for j, box in enumerate(boxes):
            if j != i and j != links[i] and _segment_hits(p, q, box, margin):
                return False
        for p2, q2 in tails[i + 1:]:
            if _segments_cross(p, q, p2, q2):
                return False
    return True


def _tail_block(s: float) -> float:
    """How far later bubbles keep from an earlier tail's centre line: its half width and some air."""
    return (TAIL_MARGIN + 0.4) * s
