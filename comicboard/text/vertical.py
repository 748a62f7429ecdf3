"""Vertical writing (tategaki): one line of text set as a column, read top to bottom.

Orientation follows UAX #50 (Unicode Vertical Text Layout) as jlreq §3.? and clreq §3.? apply it:
  * ideographs, kana, hangul and other wide characters stand upright, one em each;
  * punctuation, brackets, dashes and the prolonged sound mark take the font's vertical forms (`vert`:
    。→︒, 「→﹁, ー→丨-like bar, ……→⁝⁝); a form with a code point of its own is drawn as that character, one
    without (small kana, ー) as the glyph's outline;
  * a number of one or two digits stands upright, side by side in one em (縦中横 tate-chū-yoko, jlreq §3.?);
  * other Latin letters, digits and narrow signs are set sideways: rotated 90° clockwise, as outlines.
Punctuation is compressed along the column as `spacing` does along a line (a closing mark at the column end
takes ½ em, adjacent marks 1.5 em), reading which half of the vertical glyph is blank from its outline.

Columns are broken by the same engine as lines (`wrap.break_lines`) measuring vertical advances; the caller
places columns right to left.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..fonts import FontSet
from .spacing import CLOSING, LATIN_GAP, OPENING, STOPS, compress

# Wide by UAX #11 yet turned in vertical text (UAX #50 R or Tr without a vertical glyph in many fonts).
_SIDEWAYS_WIDE = frozenset("—―～〜－＝")
TCY_DIGITS = 2  # digit runs up to this long stand upright in one em


@dataclass(frozen=True)
class Cell:
    """One thing drawn along a column: `mode` says how.

    glyph    `draw` (one character, maybe a vertical presentation form) upright
    outline  the glyph named `draw` upright, from its outline (a vertical form with no code point)
    tcy      `draw` (a short number) upright, side by side, centred across the column
    sideways `draw` (a run of narrow characters) rotated 90° clockwise, as outlines
    """

    start: int  # offset of the cell's first character in the line
    text: str  # the characters of the line it shows
    mode: str
    draw: str
    y: float  # top of the cell from the column top (units of size)
    height: float  # its room along the column
    shift: float  # its glyph moves this far down within the cell (an opening mark at a column start: -½ em;
    # a sideways run after CJK text: ¼ em)


@dataclass(frozen=True)
class SetColumn:
    cells: tuple[Cell, ...]
    length: float  # the column's length (units of size)


def _upright(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch not in _SIDEWAYS_WIDE


class VerticalMetrics:
    """A font set seen down a column: what the line breaker measures when it breaks columns.

    Upright characters and those with a vertical form take 1 em; sideways ones their horizontal advance.
    """

    def __init__(self, fontset: FontSet) -> None:
        self.fontset = fontset

    def advance(self, ch: str, role: str = "regular") -> float:
        return _vertical_advance(ch, self.fontset, role)

    def width(self, text: str, role: str = "regular") -> float:
        return sum(self.advance(ch, role) for ch in text)

    def face_for(self, ch: str, role: str = "regular"):  # noqa: ANN201 - the font set's Face
        return self.fontset.face_for(ch, role)


@lru_cache(maxsize=8)
def vertical_metrics(fontset: FontSet) -> VerticalMetrics:
    """One shared view per font set, so the breaker's memos keyed on it are reused."""
    return VerticalMetrics(fontset)


@lru_cache(maxsize=8192)
def _vertical_advance(ch: str, fontset: FontSet, role: str) -> float:
    if fontset.face_for(ch, role) is None:
        return 0.0
    if _upright(ch) or _vert(ch, fontset, role):
        return 1.0
    return fontset.advance(ch, role)


def _vert(ch: str, fontset: FontSet, role: str) -> str | None:
    """The name of `ch`'s vertical glyph in the face that draws it, if the font has one."""
    face = fontset.face_for(ch, role)
    return face.vertical_glyph(ch) if face else None


@lru_cache(maxsize=2048)
def set_column(line: str, *, lang: str, fontset: FontSet, role: str = "regular", size: float = 1.0) -> SetColumn:
    """Set one already-broken line as a column: its cells top to bottom, in the units of `size`."""
    del lang  # vertical forms and their positions come from the font (`vert`); kept for symmetry with set_line
    parts = _parts(line, fontset, role)
    # Which end of each mark's em is blank down the column, from its vertical glyph's ink (y up, em).
    blank = [0] * len(parts)
    adv = [p[4] for p in parts]
    for k, (_, text, mode, draw, _) in enumerate(parts):
        ch = text[0]
        if len(text) == 1 and (ch in OPENING or ch in CLOSING or ch in STOPS):
            blank[k] = _blank_down(ch, mode, draw, fontset, role)
    # ¼ em between a sideways Latin run and the CJK text around it (jlreq §3.2.3, clreq §3.2.2), as in lines.
    lead = [0.0] * len(parts)
    for k, (_, _, mode, _, _) in enumerate(parts):
        if mode == "sideways":
            before = k > 0 and parts[k - 1][2] in ("glyph", "outline", "tcy")
            after = k + 1 < len(parts) and parts[k + 1][2] in ("glyph", "outline", "tcy")
            lead[k] = LATIN_GAP if before else 0.0
            adv[k] += LATIN_GAP * (before + after)
    shift, adv = compress(blank, adv, lead)
    cells: list[Cell] = []
    pen = 0.0
    for (start, text, mode, draw, _), s, a in zip(parts, shift, adv, strict=True):
        cells.append(Cell(start, text, mode, draw, pen * size, a * size, s * size))
        pen += a
    return SetColumn(tuple(cells), pen * size)


def _parts(line: str, fontset: FontSet, role: str) -> list[tuple[int, str, str, str, float]]:
    """(start, text, mode, draw, advance in em) of each cell, before punctuation compression."""
    out: list[tuple[int, str, str, str, float]] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        face = fontset.face_for(ch, role)
        vert = _vert(ch, fontset, role)
        if ch.isspace():
            out.append((i, ch, "space", "", 0.5 if ch != "\u3000" else 1.0))
            i += 1
        elif vert:
            form = face.vertical_form(ch)
            out.append((i, ch, "glyph", form, 1.0) if form else (i, ch, "outline", vert, 1.0))
            i += 1
        elif _upright(ch):
            out.append((i, ch, "glyph", ch, 1.0))
            i += 1
        else:
            j = i
            while j < n and not line[j].isspace() and not _upright(line[j]) and not _vert(line[j], fontset, role):
                j += 1
            run = line[i:j]
            if run.isascii() and run.isdigit() and len(run) <= TCY_DIGITS:
                out.append((i, run, "tcy", run, 1.0))
            else:
                out.append((i, run, "sideways", run, sum(fontset.advance(c, role) for c in run)))
            i = j
    return out


def _blank_down(ch: str, mode: str, draw: str, fontset: FontSet, role: str) -> int:
    """-1 when the top half of the mark's vertical em is blank, 1 the bottom half, 0 neither."""
    face = fontset.face_for(ch, role)
    if face is None:
        return 0
    if mode == "glyph":
        ink = face.ink(draw)
    elif mode == "outline":
        ink = face.glyph_ink(draw)
    else:
        return 0
    if ink is None:
        return 0
    mid = (face.ascender + face.descender) / 2
    _, y0, _, y1 = ink
    if y0 >= mid - 0.05:
        return 1  # ink in the top half (︒ ︑ ﹂): the bottom is blank, like a closing mark's right half
    if y1 <= mid + 0.05:
        return -1  # ink in the bottom half (﹁ ︵): the top is blank
    return 0

