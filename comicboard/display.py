"""The display list: pages of positioned primitives in points, origin top-left of the trim box, y down.

Layout and painting produce it; renderers only place what it says (they never measure or break text).
Outlines use a tiny pen protocol (move, line, curve, close), so one outline feeds every backend.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from .color import Color

# Path operations: ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)
PathOp = tuple


class PathPen:
    """Collects an outline through move/line/curve/close calls (fontTools-pen style)."""

    def __init__(self) -> None:
        self.ops: list[PathOp] = []

    def move(self, x: float, y: float) -> PathPen:
        self.ops.append(("M", x, y))
        return self

    def line(self, x: float, y: float) -> PathPen:
        self.ops.append(("L", x, y))
        return self

    def curve(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> PathPen:
        self.ops.append(("C", x1, y1, x2, y2, x, y))
        return self

    def close(self) -> PathPen:
        self.ops.append(("Z",))
        return self

    # Convenience shapes, all built from the four calls above.
    def rect(self, x: float, y: float, w: float, h: float) -> PathPen:
        return self.move(x, y).line(x + w, y).line(x + w, y + h).line(x, y + h).close()

    def round_rect(self, x: float, y: float, w: float, h: float, r: float) -> PathPen:
        r = max(0.0, min(r, w / 2, h / 2))
        if r == 0:
            return self.rect(x, y, w, h)
        k = 0.5523 * r
        self.move(x + r, y).line(x + w - r, y)
        self.curve(x + w - r + k, y, x + w, y + r - k, x + w, y + r).line(x + w, y + h - r)
        self.curve(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h).line(x + r, y + h)
        self.curve(x + r - k, y + h, x, y + h - r + k, x, y + h - r).line(x, y + r)
        self.curve(x, y + r - k, x + r - k, y, x + r, y)
        return self.close()

    def ellipse(self, cx: float, cy: float, rx: float, ry: float) -> PathPen:
        kx, ky = 0.5523 * rx, 0.5523 * ry
        self.move(cx + rx, cy)
        self.curve(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
        self.curve(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
        self.curve(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
        self.curve(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy)
        return self.close()


@dataclass(frozen=True, eq=False)
class Use:
    """One placement of a drawing that repeats (a figure, a scene): the paths that carry the same Use object are
    consecutive, and drawings with equal `key`s have the same outlines relative to their (x, y). Paths keep their
    page coordinates, so a renderer may ignore this; PDF draws each key once as a form, PNG rasterises it once."""

    key: Hashable
    x: float
    y: float


@dataclass(frozen=True)
class Path:
    """A filled and/or stroked outline. `dash` is (on, off) in points.

    `text`: the characters an outline draws (a vertical form, sideways Latin), so a renderer that keeps text
    (SVG) can make them searchable; empty for drawings.
    """

    ops: tuple[PathOp, ...]
    fill: Color | None = None
    stroke: Color | None = None
    stroke_width: float = 1.0
    dash: tuple[float, float] | None = None
    round_joins: bool = True
    text: str = ""
    # `text` set as upright glyphs in the outline's cell: PDF writes them invisibly inside an /ActualText span,
    # so copy, search and screen readers read a vertical column top to bottom; rasters draw the outline only.
    glyphs: GlyphRun | None = None
    use: Use | None = field(default=None, compare=False)  # the repeated drawing this path belongs to, if any


@dataclass(frozen=True)
class GlyphRun:
    """Characters at fixed pen positions on one baseline, all in one font face and size.

    `xs[i]` is the left of `text[i]`; layout computed it, renderers use it as is.
    `font` is the path of the font file (as a string) chosen by the font module.
    """

    text: str
    xs: tuple[float, ...]
    baseline: float
    font: str
    size: float
    color: Color
    joined: bool = False  # continues the previous run's word: a change of font or baseline, no space between


@dataclass(frozen=True)
class Image:
    """A raster picture (a user's cast picture) placed in a box."""

    path: str
    x: float
    y: float
    w: float
    h: float


Item = Path | GlyphRun | Image


@dataclass
class Page:
    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    bleed: float = 0.0  # points of bleed around the trim box


@dataclass
class DisplayList:
    pages: list[Page]
    title: str = ""
    lang: str = "zh-Hans"
    author: str = ""  # the board's organisation
    subject: str = ""  # its subtitle
    date: str | None = None  # revision date (ISO 8601) the spec gives, if any
    min_font_size: float = 8.0  # the board's smallest type: tiled sheets label themselves no smaller
