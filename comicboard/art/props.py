"""Flat vector icons for what procedures involve (ID card, forms, stamps, money, ...), drawn inside a given box.

Every icon is designed in a 100 × 100 frame (y down) and scaled uniformly into the largest square centred in
the caller's box, so it keeps its aspect; the outline is 5 % of that square (never under 0.5 pt) and the frame
is inset by half of it, so strokes stay inside the box too. Colours are flat and friendly, outlines solid black
(100 % K) like the figures, and shapes are kept bold so an icon reads at 10–20 mm on a printed board.
Pick an icon from wording with `icon_for_text` (keyword tables in `comicboard.art.icons`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..color import Color
from ..display import Path, PathPen
from ..vocab import PROP_NAMES
from .icons import ICON_KEYWORDS, icon_for_text
from .ink import OUTLINE, ink, print_safe

__all__ = ["ICON_KEYWORDS", "PROPS", "PROP_NAMES", "counter_paths", "icon_for_text", "prop_paths"]

PROPS = PROP_NAMES  # the earlier name, kept for existing callers

FRAME = 100.0  # design frame, icon units
LINE = 0.05  # outline width as a share of the icon square
MIN_LINE = 0.5  # points: thinner outlines vanish in print
_C = ink  # palette entries stay strings until drawn: importing the art computes nothing

# One small palette shared by all icons, so a row of them looks like a set.
WHITE = "#FFFFFF"
PAPER = "#FFFDF6"
CREAM = "#FFF4D6"
SKY = "#BFE3F7"
PALE_BLUE = "#DCEAF7"
BLUE = "#3E7CB1"
NAVY = "#23447E"
SLATE = "#3A4A63"
GREY = "#8A96A3"
LIGHT_GREY = "#DCE3EA"
RED = "#D7262E"
MAROON = "#8E1B2B"
DEEP_MAROON = "#6A1220"
GOLD = "#F2C14E"
DARK_GOLD = "#C9962A"
GREEN = "#2E9E6A"
PALE_GREEN = "#E1F4EA"
NOTE_GREEN = "#BFE3B4"
NOTE_DARK = "#5BA37A"
BROWN = "#B87B45"
WOOD = "#8B5A2B"
SKIN = "#FCDDC0"
HAIR = "#2B2A2E"
PHOTO_BLUE = "#5DA9E9"

_KEEP = object()  # "outline with the icon's stroke colour"

Pt = tuple[float, float]


class _Icon:
    """Maps the 100-unit design frame into the box and collects paths; widths are multiples of the outline."""

    def __init__(self, x: float, y: float, w: float, h: float, stroke: Color) -> None:
        s = min(w, h)
        self.lw = min(max(MIN_LINE, LINE * s), s / 4)
        m = self.lw / 2
        self.k = (s - 2 * m) / FRAME
        self.ox, self.oy = x + (w - s) / 2 + m, y + (h - s) / 2 + m
        self.stroke = stroke
        self.paths: list[Path] = []

    def p(self, a: float, b: float) -> Pt:
        return self.ox + a * self.k, self.oy + b * self.k

    def add(self, pen: PathPen, fill: Color | str | None, width: float = 1.0, line: object = _KEEP) -> None:
        stroke = self.stroke if line is _KEEP else line
        fill = _C(fill) if isinstance(fill, str) else fill
        stroke = _C(stroke) if isinstance(stroke, str) else stroke
        self.paths.append(Path(tuple(pen.ops), fill=fill, stroke=stroke,  # type: ignore[arg-type]
                               stroke_width=self.lw * width))

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None, r: float = 0.0,
             width: float = 1.0, line: object = _KEEP) -> None:
        self.add(PathPen().round_rect(*self.p(x, y), w * self.k, h * self.k, r * self.k), fill, width, line)

    def oval(self, cx: float, cy: float, rx: float, ry: float, fill: Color | None, width: float = 1.0,
             line: object = _KEEP) -> None:
        self.add(PathPen().ellipse(*self.p(cx, cy), rx * self.k, ry * self.k), fill, width, line)

    def poly(self, pts: Sequence[Pt], fill: Color | None, width: float = 1.0, line: object = _KEEP,
             closed: bool = True) -> None:
        pen = PathPen().move(*self.p(*pts[0]))
        for pt in pts[1:]:
            pen.line(*self.p(*pt))
        self.add(pen.close() if closed else pen, fill, width, line)

    def lines(self, polylines: Sequence[Sequence[Pt]], width: float = 0.7, line: object = _KEEP) -> None:
        """Open strokes (text rows, ticks, hands) in one path."""
        pen = PathPen()
        for pts in polylines:
            pen.move(*self.p(*pts[0]))
            for pt in pts[1:]:
                pen.line(*self.p(*pt))
        self.add(pen, None, width, line)

    def shape(self, ops: Sequence[tuple], fill: Color | None, width: float = 1.0, line: object = _KEEP) -> None:
        """A free outline given as pen ops in frame units: ("M", x, y), ("L", x, y), ("C", ...6), ("Z",)."""
        pen = PathPen()
        for op in ops:
            pts = [self.p(op[i], op[i + 1]) for i in range(1, len(op), 2)]
            flat = [c for pt in pts for c in pt]
            {"M": pen.move, "L": pen.line, "C": pen.curve}.get(op[0], lambda *a: pen.close())(*flat)
        self.add(pen, fill, width, line)

    def band(self, x: float, y: float, w: float, h: float, r: float, fill: Color, top: bool = True,
             width: float = 1.0) -> None:
        """A strip whose two outer corners are rounded like the card it tops (or bottoms)."""
        q = 0.5523 * r
        if top:
            ops = [("M", x, y + h), ("L", x, y + r), ("C", x, y + r - q, x + r - q, y, x + r, y),
                   ("L", x + w - r, y), ("C", x + w - r + q, y, x + w, y + r - q, x + w, y + r),
                   ("L", x + w, y + h), ("Z",)]
        else:
            b = y + h
            ops = [("M", x, y), ("L", x + w, y), ("L", x + w, b - r),
                   ("C", x + w, b - r + q, x + w - r + q, b, x + w - r, b), ("L", x + r, b),
                   ("C", x + r - q, b, x, b - r + q, x, b - r), ("Z",)]
        self.shape(ops, fill, width)


def _arc(cx: float, cy: float, r: float, a0: float, a1: float) -> list[tuple]:
    """Pen ops of one circular arc (at most 90°) as a single cubic, angles in degrees, y down."""
    t0, t1 = math.radians(a0), math.radians(a1)
    k = 4 / 3 * math.tan((t1 - t0) / 4) * r
    x0, y0, x3, y3 = cx + r * math.cos(t0), cy + r * math.sin(t0), cx + r * math.cos(t1), cy + r * math.sin(t1)
    return [("M", x0, y0), ("C", x0 - k * math.sin(t0), y0 + k * math.cos(t0), x3 + k * math.sin(t1),
                                y3 - k * math.cos(t1), x3, y3)]


# ---------------------------------------------------------------------------------------------- the icons
# Each draws into the 100 × 100 frame; heavier strokes (width > 1) stay well inside it.


def _card(ic: _Icon, fill: Color) -> None:
    """An ID-1 card (85.6 × 54 mm, aspect 1.59) across the frame."""
    ic.rect(0, 18.5, 100, 63, fill, r=7)


def _id_card(ic: _Icon) -> None:
    _card(ic, PALE_BLUE)
    ic.band(0, 18.5, 100, 14, 7, BLUE)
    ic.rect(8, 40, 30, 34, WHITE, r=3, width=0.7)
    ic.shape([("M", 12, 74), ("C", 12, 62, 34, 62, 34, 74), ("Z",)], BLUE, 0.7)
    ic.oval(23, 52, 7.5, 8.5, SKIN, 0.7)
    ic.lines([[(47, 46), (90, 46)], [(47, 57), (90, 57)], [(47, 68), (76, 68)]])


def _household_register(ic: _Icon) -> None:
    ic.rect(16, 3, 68, 94, MAROON, r=5)
    ic.lines([[(25, 6), (25, 94)]], width=0.6, line=DEEP_MAROON)  # the spine
    ic.oval(55, 33, 14, 14, GOLD)
    star = [(55 + (8 if i % 2 == 0 else 3.4) * math.sin(i * math.pi / 5),
             33 - (8 if i % 2 == 0 else 3.4) * math.cos(i * math.pi / 5)) for i in range(10)]
    ic.poly(star, MAROON, line=None)
    ic.rect(37, 58, 36, 8, GOLD, r=2, width=0.7)
    ic.rect(43, 73, 24, 6, GOLD, r=2, width=0.7)


def _form(ic: _Icon) -> None:  # a clipboard with a tick-box form
    ic.rect(12, 8, 76, 90, BROWN, r=6)
    ic.rect(20, 18, 60, 73, WHITE, width=0.7)
    ic.rect(35, 2, 30, 13, GREY, r=4)
    for i, y in enumerate((34, 52, 70)):
        ic.rect(26, y - 6, 12, 12, WHITE, r=1.5, width=0.7)
        ic.lines([[(44, y), (72, y)]])
        if i < 2:
            ic.lines([[(28, y), (31.5, y + 3.5), (37.5, y - 6)]], width=1.0, line=GREEN)


def _document(ic: _Icon) -> None:  # a page with a folded corner and text rows
    ic.poly([(18, 0), (62, 0), (82, 20), (82, 100), (18, 100)], WHITE)
    ic.poly([(62, 0), (62, 20), (82, 20)], PALE_BLUE, width=0.8)
    ic.lines([[(28, 34), (72, 34)], [(28, 48), (72, 48)], [(28, 62), (72, 62)], [(28, 76), (56, 76)]])


def _stamp(ic: _Icon) -> None:  # an official seal: handle, base, and its round red print
    ic.oval(50, 84, 42, 14, _C("#F4D4D4"))
    ic.oval(50, 84, 30, 9, None, width=0.8, line=RED)
    ic.rect(40, 22, 20, 32, WOOD, r=5)
    ic.oval(50, 16, 16, 14, WOOD)
    ic.rect(22, 52, 56, 18, RED, r=4)


def _phone(ic: _Icon) -> None:
    ic.rect(25, 0, 50, 100, SLATE, r=9)
    ic.rect(31, 10, 38, 70, SKY, r=3, width=0.6)
    ic.rect(36, 20, 22, 9, WHITE, r=3, width=0.5)  # a chat bubble on the screen
    ic.rect(42, 34, 22, 9, GOLD, r=3, width=0.5)
    ic.lines([[(44, 5), (56, 5)]], width=0.6, line=GREY)
    ic.oval(50, 90, 5, 5, WHITE, 0.6)


def _computer(ic: _Icon) -> None:  # a monitor on a stand, a web form on screen
    ic.rect(43, 70, 14, 15, GREY)
    ic.rect(26, 84, 48, 11, GREY, r=4)
    ic.rect(4, 8, 92, 63, SLATE, r=6)
    ic.rect(11, 15, 78, 49, SKY, r=2, width=0.6)
    ic.rect(19, 23, 40, 33, WHITE, width=0.6)
    ic.lines([[(25, 33), (53, 33)], [(25, 44), (47, 44)]], width=0.6)
    ic.rect(64, 42, 18, 11, BLUE, r=3, width=0.6)


def _certificate(ic: _Icon) -> None:  # framed diploma with a gold seal and red ribbons
    ic.rect(8, 2, 84, 84, CREAM, r=2)
    ic.rect(15, 9, 70, 70, None, width=0.6, line=DARK_GOLD)
    ic.rect(33, 17, 34, 8, RED, r=2, width=0.6)
    ic.lines([[(25, 36), (75, 36)], [(25, 47), (75, 47)], [(25, 58), (52, 58)]], width=0.6)
    ic.poly([(62, 78), (69, 80), (63, 98), (59, 92), (53, 96)], RED, 0.7)
    ic.poly([(78, 78), (71, 80), (77, 98), (81, 92), (87, 96)], RED, 0.7)
    ic.oval(70, 72, 13, 13, GOLD, 0.8)
    ic.oval(70, 72, 7.5, 7.5, None, width=0.5, line=DARK_GOLD)


def _medical_card(ic: _Icon) -> None:
    _card(ic, PALE_GREEN)
    ic.band(0, 67.5, 100, 14, 7, GREEN, top=False)
    ic.oval(25, 45, 15, 15, WHITE, 0.8)
    a, b = 4.2, 10.5
    ic.poly([(25 - a, 45 - b), (25 + a, 45 - b), (25 + a, 45 - a), (25 + b, 45 - a), (25 + b, 45 + a),
             (25 + a, 45 + a), (25 + a, 45 + b), (25 - a, 45 + b), (25 - a, 45 + a), (25 - b, 45 + a),
             (25 - b, 45 - a), (25 - a, 45 - a)], GREEN, 0.6)
    ic.lines([[(49, 35), (90, 35)], [(49, 46), (90, 46)], [(49, 57), (78, 57)]])


def _money(ic: _Icon) -> None:  # two banknotes and a stack of coins
    ic.rect(18, 4, 78, 46, NOTE_DARK, r=4)
    ic.rect(4, 16, 78, 46, NOTE_GREEN, r=4)
    ic.rect(10, 22, 66, 34, None, r=3, width=0.6, line=NOTE_DARK)
    ic.oval(43, 39, 10, 10, _C("#8CCB7E"), 0.6)
    for cy in (82, 70, 58):
        ic.shape([("M", 50, cy), ("L", 50, cy + 7), ("C", 50, cy + 11, 60, cy + 14, 72, cy + 14),
                  ("C", 84, cy + 14, 94, cy + 11, 94, cy + 7), ("L", 94, cy), ("Z",)], DARK_GOLD, 0.7)
        ic.oval(72, cy, 22, 7, GOLD, 0.7)
    ic.oval(72, 58, 13, 3.8, None, width=0.5, line=DARK_GOLD)


def _calendar(ic: _Icon) -> None:
    ic.rect(6, 12, 88, 84, WHITE, r=7)
    ic.band(6, 12, 88, 22, 7, RED)
    for x in (28, 64):
        ic.rect(x, 4, 8, 16, GREY, r=4, width=0.8)
    for row in range(3):
        for col in range(4):
            x, y = 16 + col * 18, 42 + row * 17
            hot = (row, col) == (1, 2)
            ic.rect(x, y, 13, 11, GOLD if hot else PALE_BLUE, r=2, width=0.6, line=OUTLINE if hot else None)


def _clock(ic: _Icon) -> None:
    ic.oval(50, 50, 50, 50, _C("#4D9DE0"))
    ic.oval(50, 50, 39, 39, WHITE, 0.6)
    ic.lines([[(50, 15), (50, 22)], [(85, 50), (78, 50)], [(50, 85), (50, 78)], [(15, 50), (22, 50)]], 0.7)
    ic.lines([[(50, 26), (50, 50), (67, 60)]], width=1.2)
    ic.oval(50, 50, 4, 4, OUTLINE, line=None)


def _building(ic: _Icon) -> None:  # an office building with a flag on the roof
    ic.lines([[(50, 17), (50, 3)]], width=0.7)
    ic.poly([(50, 3), (65, 7.5), (50, 12)], RED, 0.6)
    ic.rect(18, 24, 64, 72, LIGHT_GREY)
    ic.rect(13, 17, 74, 9, GREY, r=2)
    for row in range(3):
        for col in range(3):
            ic.rect(26 + col * 18, 33 + row * 14, 12, 9, SKY, width=0.5)
    ic.rect(42, 77, 16, 19, BLUE, width=0.8)
    ic.lines([[(4, 96), (96, 96)]], width=1.0)


# Data dots of the QR glyph on an 11 × 11 grid ("F": finder squares and their quiet ring). Not a real code.
_QR_DOTS = (
    "FFFFF#FFFFF", "FFFFF.FFFFF", "FFFFF#FFFFF", "FFFFF#FFFFF", "FFFFF.FFFFF", "#.##.#.#.##",
    "FFFFF##.#.#", "FFFFF.#.###", "FFFFF#.##.#", "FFFFF##.#..", "FFFFF.#.###",
)


def _qr(ic: _Icon) -> None:  # a stylised QR glyph: three finder squares and a fixed scatter of dots
    ic.rect(0, 0, 100, 100, WHITE, r=8)
    n, x0 = 11, 9.0
    c = (100 - 2 * x0) / n
    for fx, fy in ((0, 0), (7, 0), (0, 7)):
        x, y = x0 + fx * c, x0 + fy * c
        ic.rect(x, y, 4 * c, 4 * c, OUTLINE, r=c * 0.6, line=None)
        ic.rect(x + 0.7 * c, y + 0.7 * c, 2.6 * c, 2.6 * c, WHITE, r=c * 0.4, line=None)
        ic.rect(x + 1.3 * c, y + 1.3 * c, 1.4 * c, 1.4 * c, OUTLINE, r=c * 0.3, line=None)
    dots = PathPen()
    for row, cells in enumerate(_QR_DOTS):
        for col, cell in enumerate(cells):
            if cell == "#":
                dots.round_rect(*ic.p(x0 + col * c + 0.08 * c, x0 + row * c + 0.08 * c), 0.84 * c * ic.k,
                                0.84 * c * ic.k, 0.25 * c * ic.k)
    ic.add(dots, OUTLINE, line=None)


def _bank_card(ic: _Icon) -> None:
    _card(ic, _C("#2F5DA8"))
    ic.rect(10, 33, 20, 15, GOLD, r=3, width=0.7)
    ic.lines([[(10, 40.5), (30, 40.5)], [(20, 33), (20, 48)]], width=0.5)
    for r in (5.0, 10.0, 15.0):  # contactless waves: quarter arcs of circles about (66, 41)
        ic.shape(_arc(66, 41, r, -45, 45), None, width=0.7, line=WHITE)
    for i in range(4):
        ic.rect(10 + i * 21, 59, 16, 6, WHITE, r=2, line=None)


def _photo(ic: _Icon) -> None:  # an ID photo: head and shoulders on blue, white border
    ic.rect(14, 1, 72, 98, WHITE)
    ic.rect(20, 7, 60, 86, PHOTO_BLUE, width=0.6)
    ic.shape([("M", 25, 93), ("C", 25, 72, 38, 67, 50, 67), ("C", 62, 67, 75, 72, 75, 93), ("Z",)], SLATE, 0.7)
    ic.poly([(43, 67.5), (50, 79), (57, 67.5)], WHITE, 0.6)
    ic.rect(45, 54, 10, 14, SKIN, width=0.6)
    ic.oval(50, 39, 16.5, 17, HAIR, 0.7)
    ic.oval(50, 45, 13, 14.5, SKIN, 0.7)
    ic.shape([("M", 36.8, 42), ("C", 37, 29, 63, 29, 63.2, 42), ("C", 58, 35, 44, 35, 36.8, 42), ("Z",)], HAIR,
             line=None)


def _pen(ic: _Icon) -> None:  # a ballpoint pen, tip at lower left
    tip, ln = (5.0, 95.0), 122.0
    r2 = math.sqrt(0.5)

    def q(t: float, u: float) -> Pt:  # t along the pen from its tip, u across it
        return tip[0] + (t + u) * r2, tip[1] + (u - t) * r2

    ic.poly([q(5, -3.5), q(22, -9), q(22, 9), q(5, 3.5)], LIGHT_GREY, 0.8)
    ic.poly([q(0, 0), q(7, -3), q(7, 3)], OUTLINE, line=None)
    ic.poly([q(22, -9), q(ln - 12, -9), q(ln - 12, 9), q(22, 9)], BLUE, 0.9)
    ic.poly([q(22, -9), q(36, -9), q(36, 9), q(22, 9)], NAVY, 0.9)
    ic.poly([q(ln - 12, -9), q(ln - 4, -7.5), q(ln, 0), q(ln - 4, 7.5), q(ln - 12, 9)], NAVY, 0.9)
    ic.poly([q(ln - 40, -9), q(ln - 14, -9), q(ln - 14, -14), q(ln - 38, -14)], GREY, 0.7)


_DRAW: dict[str, Callable[[_Icon], None]] = {
    "id_card": _id_card, "household_register": _household_register, "form": _form, "document": _document,
    "stamp": _stamp, "phone": _phone, "computer": _computer, "certificate": _certificate,
    "medical_card": _medical_card, "money": _money, "calendar": _calendar, "clock": _clock,
    "building": _building, "qr": _qr, "bank_card": _bank_card, "photo": _photo, "pen": _pen,
}
assert tuple(_DRAW) == PROP_NAMES


def prop_paths(name: str, x: float, y: float, w: float, h: float, *, stroke: Color = OUTLINE) -> list[Path]:
    """Icon `name` centred in the box (x, y, w, h), aspect kept, strokes inside; paths in drawing order.

    `stroke` recolours the outlines (e.g. white on a dark band). Raises ValueError for an unknown name
    (listing the known ones) or a box without area.
    """
    draw = _DRAW.get(name)
    if draw is None:
        raise ValueError(f"unknown prop {name!r}; use one of {', '.join(PROP_NAMES)}")
    if not (w > 0 and h > 0):
        raise ValueError(f"prop {name!r} needs a box with positive width and height, got {w} × {h}")
    ic = _Icon(x, y, w, h, stroke)
    draw(ic)
    return print_safe(ic.paths)


def counter_paths(x: float, y: float, w: float, h: float, *, top: Color, front: Color, stripe: Color,
                  stroke: Color = OUTLINE) -> list[Path]:
    """A service counter in box (x, y, w, h): a slab on top (props stand on its top edge, y), a front panel
    with a band of the board's colour, and a darker kick plate at the floor. Outlines as the icons'."""
    if not (w > 0 and h > 0):
        raise ValueError(f"a counter needs a box with positive width and height, got {w} × {h}")
    lw = max(MIN_LINE, LINE * min(w, h) * 0.7)
    m = lw / 2
    slab = 0.17 * h
    inset = min(0.05 * w, 0.6 * slab)
    body_x, body_w = x + inset, w - 2 * inset
    body_y, body_h = y + slab, h - slab - m
    kick = 0.14 * body_h
    paths = [
        Path(tuple(PathPen().rect(body_x, body_y, body_w, body_h).ops), fill=front, stroke=stroke, stroke_width=lw),
        Path(tuple(PathPen().rect(body_x, body_y + body_h - kick, body_w, kick).ops), fill=front.darker(0.25),
             stroke=stroke, stroke_width=lw),
        Path(tuple(PathPen().rect(body_x, body_y + 0.22 * body_h, body_w, 0.16 * body_h).ops), fill=stripe,
             stroke=None, stroke_width=0.0),
        Path(tuple(PathPen().round_rect(x + m, y + m, w - 2 * m, slab, 0.3 * slab).ops), fill=top, stroke=stroke,
             stroke_width=lw),
    ]
    return print_safe(paths)
