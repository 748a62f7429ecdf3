"""Items laid out in a panel's or strip's own coordinates, placed by the parent: moved as a group, or mirrored
about the frame's centre for right-to-left reading (text keeps its glyph order; only blocks move)."""

from __future__ import annotations

from .geometry import Box, Bubble, Figure, Item


def _move(it: Item, dx: float, dy: float) -> None:
    def mv(b: Box) -> Box:
        return (b[0] + dx, b[1] + dy, b[2], b[3])

    it.bbox = mv(it.bbox)
    if isinstance(it, Bubble):
        it.tail_tip = (it.tail_tip[0] + dx, it.tail_tip[1] + dy)
        _move(it.text, dx, dy)
    elif isinstance(it, Figure):
        it.head = mv(it.head)
        it.mouth = (it.mouth[0] + dx, it.mouth[1] + dy)
        if it.frame is not None:
            it.frame = mv(it.frame)
    elif hasattr(it, "lines"):
        for ln in it.lines:
            ln.bbox = mv(ln.bbox)
            ln.baseline += dy
            ln.xs = tuple(v + dx for v in ln.xs)


def _mirror(it: Item, w: float) -> None:
    def mb(b: Box) -> Box:
        return (w - b[0] - b[2], b[1], b[2], b[3])

    if isinstance(it, Bubble):
        it.bbox = mb(it.bbox)
        it.tail_tip = (w - it.tail_tip[0], it.tail_tip[1])
        # Text stays left-to-right: move the whole block, keep glyph order.
        old = it.text.bbox
        new = mb(old)
        _move(it.text, new[0] - old[0], 0.0)
    elif isinstance(it, Figure):
        it.bbox = mb(it.bbox)
        it.head = mb(it.head)
        it.mouth = (w - it.mouth[0], it.mouth[1])
        if it.frame is not None:
            it.frame = mb(it.frame)
        it.facing = "left" if it.facing == "right" else "right"
    elif hasattr(it, "lines"):
        old = it.bbox
        new = mb(old)
        _move(it, new[0] - old[0], 0.0)
    else:
        it.bbox = mb(it.bbox)
