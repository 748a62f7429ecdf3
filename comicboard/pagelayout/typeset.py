"""Set text into lines once: break with the text engine, then fix every character's pen position.

Everything that draws text later (both renderers) uses these positions unchanged. Widths and positions come
from `text.spacing` (punctuation compression, CJK–Latin gaps), so layout and both renderers agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..fonts import FontSet
from ..text import rules_for
from ..text.breaking import MANDATORY_BREAK
from ..text.spacing import justify, line_widths, set_line, text_parts
from ..text.vertical import set_column, vertical_metrics
from ..text.wrap import fill_lines, layout_lines, phrase_lines
from .geometry import Box, Line, TextBlock
from .memo import memo

LEADING = 1.3  # line pitch as a multiple of the font size
SIZE_STEP = 0.25  # text sizes the planner tries lie on this ladder (points), so its memo keys repeat


def on_ladder(size: float) -> float:
    """`size` rounded down to the ladder of SIZE_STEP points (never below one step)."""
    return max(SIZE_STEP, int(size / SIZE_STEP + 1e-6) * SIZE_STEP)


# An unbreakable run that had to be cut between characters: (run, size it was set at, largest size at which it
# would fit whole). It travels with the lines it was cut into, up to the text block (`TextBlock.split`).
Split = tuple[str, float, float]


class Measured(NamedTuple):
    """What measuring a text decided: its lines, the widest one's width, the block's height, and the runs it had
    to cut (`Split`)."""

    lines: list[str]
    widest: float
    height: float
    split: tuple[Split, ...] = ()


class Columns(NamedTuple):
    """What setting a text in columns decided (vertical writing): the columns, and the runs it had to cut."""

    cols: list[str]
    split: tuple[Split, ...] = ()


_MEASURED = memo("measure", 200_000)
_COLUMNS = memo("columns", 20_000)


@lru_cache(maxsize=200_000)
def _em_widths(line: str, lang: str, fonts: FontSet, role: str) -> tuple[float, float]:
    """A line's width set in full and its least width, per point of size (both are linear in the size)."""
    setl = set_line(line, lang=lang, fontset=fonts, role=role, size=1.0)
    return setl.width, setl.tight


@dataclass(frozen=True)
class Setter:
    """What every text block of one board shares: fonts and language."""

    fonts: FontSet
    lang: str
    # The board's own terms (`Board.terms`): never broken inside a line unless one alone is wider than it.
    keep: frozenset[str] = frozenset()  # a frozenset keeps its hash: cheap in every memo key below

    @property
    def strict(self) -> bool:
        """Japanese boards break in jlreq's strict mode: small kana (っ ゃ ァ), ー and 々 never start a line or a
        column. Boards are read by elderly residents from a distance; "ょうか？" or "ードがあれば" at a line
        start reads as a stray mark (the loose mode is for narrow newspaper columns)."""
        return self.lang == "ja"

    def lines_for(self, text: str, max_w: float, size: float, role: str = "regular",
                  split: bool = True, whole_words: bool = False, fill: bool = False) -> list[str]:
        """Break `text` to fit `max_w` points at `size` (the lines of `measure`).

        A unit wider than the line (a long number or URL) stays whole unless `split`: then, as a last
        resort, it is cut between characters so nothing leaves its box (`Measured.split` says so). With
        `whole_words` (speech bubbles), a line more is taken rather than a word cut (`text.wrap.phrase_lines`);
        with `fill` (justified text), every line but a paragraph's last is as full as it can be.
        """
        return self.measure(text, max_w, size, role, split, whole_words, fill).lines

    def _lines(self, text: str, max_w: float, size: float, role: str, split: bool, whole_words: bool,
               fill: bool) -> tuple[list[str], list[tuple[float, float]], tuple[Split, ...]]:
        """The lines, each one's width and least width at size 1 (`_em_widths`), and the runs cut."""
        measure = max(max_w / size, 1.0)
        kw = {"lang": self.lang, "fontset": self.fonts, "role": role, "strict": self.strict, "keep": self.keep}
        found = (fill_lines(text, measure, **kw) if fill else phrase_lines(text, measure, **kw) if whole_words
                 else layout_lines(text, measure, **kw))
        # The widths of lines cut from the text at any width come from numbers looked up once per text.
        parts = text_parts(text, self.lang, self.fonts, role)
        lines = [ln.text for ln in found]
        ems = [line_widths(parts, ln.start, ln.end) for ln in found]
        if not split:
            return lines, ems, ()
        out: list[str] = []
        out_ems: list[tuple[float, float]] = []
        cut: list[Split] = []
        for line, em in zip(lines, ems, strict=True):
            if em[1] * size <= max_w + 0.01 or len(line) < 2:
                out.append(line)
                out_ems.append(em)
                continue
            cut.append((line, size, size * max_w / max(em[1] * size, 1e-6)))
            rules = rules_for(self.lang, strict=self.strict)
            no_start, no_end = rules.no_start, rules.no_end
            pieces: list[str] = []
            cur = ""
            for ch in line:
                if cur and self.tight_width(cur + ch, size, role) > max_w:
                    # Keep the line-start and line-end rules even here: carry characters over.
                    rest = cur + ch
                    keep = next((k for k in range(len(cur), 0, -1)
                                 if rest[k] not in no_start and rest[k - 1] not in no_end), len(cur))
                    pieces.append(cur[:keep].rstrip(" ") or cur[:keep])
                    cur = (cur[keep:] + ch).lstrip(" ")  # spaces at a break are dropped, as everywhere
                else:
                    cur += ch
            if cur:
                pieces.append(cur)
            out.extend(pieces)
            out_ems.extend(_em_widths(piece.rstrip(" "), self.lang, self.fonts, role) for piece in pieces)
        return out, out_ems, tuple(cut)

    def width(self, text: str, size: float, role: str = "regular") -> float:
        """Width of one set line: punctuation compressed, CJK–Latin gaps in full (see `text.spacing`)."""
        return _em_widths(text.rstrip(" "), self.lang, self.fonts, role)[0] * size

    def tight_width(self, text: str, size: float, role: str = "regular") -> float:
        """The least width of one set line (its CJK–Latin gaps may shrink to nothing): whether it fits."""
        return _em_widths(text.rstrip(" "), self.lang, self.fonts, role)[1] * size

    def column_length(self, text: str, size: float, role: str = "regular") -> float:
        """Length of one set column (vertical writing): vertical forms, punctuation compressed."""
        return set_column(text.strip(" "), lang=self.lang, fontset=self.fonts, role=role, size=size).length

    def widest(self, lines: list[str], size: float, role: str = "regular") -> float:
        return max((self.width(ln, size, role) for ln in lines), default=0.0)

    def measure(self, text: str, max_w: float, size: float, role: str = "regular", split: bool = True,
                whole_words: bool = False, fill: bool = False) -> Measured:
        """Lines, their widest width, the block height and the runs cut, for `text` in a column `max_w` wide (a
        pure function of its inputs, memoised on them)."""
        key = (self.fonts, self.lang, self.keep, text, max_w, size, role, split, whole_words, fill)
        return _MEASURED.call(key, lambda: self._measure(text, max_w, size, role, split, whole_words, fill))

    def _measure(self, text: str, max_w: float, size: float, role: str, split: bool, whole_words: bool,
                 fill: bool) -> Measured:
        lines, ems, cut = self._lines(text, max_w, size, role, split, whole_words, fill)
        # A line set in full may be wider than the column only by its CJK–Latin gaps, which `block` shrinks.
        widest = 0.0
        for full, tight in ems:
            widest = max(widest, min(full * size, max(max_w, tight * size)))
        return Measured(lines, widest, len(lines) * size * LEADING, cut)

    def block(self, kind: str, lines: list[str], box: Box, size: float, *, role: str = "regular",
              align: str = "left", valign: str = "top", color: str = "ink", where: str = "",
              source: str | None = None, split: tuple[Split, ...] = ()) -> TextBlock:
        """Place already-broken `lines` in `box`; returns a TextBlock whose lines lie inside the box (and that
        carries `split`, the runs measuring had to cut for them).

        `align` is left, center, right or justify (every line but the last of each paragraph of `source`, the
        text the lines were broken from, stretched to the box: see `text.spacing.justify`).
        """
        ends = _paragraph_ends(source, lines) if align == "justify" else set()
        x0, y0, w, h = box
        pitch = size * LEADING
        total = len(lines) * pitch
        top = y0 + {"top": 0.0, "middle": (h - total) / 2, "bottom": h - total}[valign]
        top = max(top, y0)
        face = self.fonts.main(role)
        # Centre the em box (ascender − descender = 1 em for CJK faces) in the line pitch.
        asc = face.ascender / max(face.ascender - face.descender, 1e-6)
        out: list[Line] = []
        for i, text in enumerate(lines):
            text = text.rstrip(" ")
            # Gaps shrink if the box is narrower than the line set in full (it never is narrower than `tight`
            # for a line that `lines_for` broke to this width).
            setl = set_line(text, lang=self.lang, fontset=self.fonts, role=role, size=size, max_width=w)
            if align == "justify" and i < len(lines) - 1 and i not in ends:
                setl = justify(text, setl, w, lang=self.lang, fontset=self.fonts, role=role, size=size)
            lw = setl.width
            if align == "center":
                lx = x0 + (w - lw) / 2
            elif align == "right":
                lx = x0 + w - lw
            else:
                lx = x0
            lx = max(lx, x0)
            ly = top + i * pitch
            xs = [lx + x for x in setl.xs]
            baseline = ly + (pitch - size) / 2 + asc * size
            out.append(Line(text, (lx, ly, lw, pitch), baseline, tuple(xs), setl.dys))
        return TextBlock(kind, box, size, out, role=role, color=color, where=where, split=split)


def columns_for(setter: Setter, text: str, max_len: float, size: float, role: str = "regular") -> Columns:
    """Break `text` into columns no longer than `max_len` points at `size` (vertical writing).

    The breaker measures vertical advances (`text.vertical.VerticalMetrics`); a column it made longer than the
    measure (a tate-chū-yoko number counts one em) is broken again at a shorter one. A unit longer than the
    column is cut between characters as a last resort, and said so like a split word (memoised, like
    `Setter.measure`).
    """
    key = (setter.fonts, setter.lang, setter.keep, text, max_len, size, role)
    return _COLUMNS.call(key, lambda: _columns_for(setter, text, max_len, size, role))


def _columns_for(setter: Setter, text: str, max_len: float, size: float, role: str = "regular") -> Columns:
    metrics = vertical_metrics(setter.fonts)
    measure = max(max_len / size, 1.0)
    for _ in range(4):
        cols = [ln.text for ln in phrase_lines(text, measure, lang=setter.lang, fontset=metrics,  # type: ignore[arg-type]
                                                role=role, strict=setter.strict, keep=setter.keep)]
        over = max(setter.column_length(c, size, role) for c in cols) - max_len
        if over <= 0.01 or measure <= 1.0:
            break
        measure = max(1.0, measure - max(over / size, 0.25))
    out: list[str] = []
    cut: list[Split] = []
    for col in cols:
        if setter.column_length(col, size, role) <= max_len + 0.01 or len(col) < 2:
            out.append(col)
            continue
        length = setter.column_length(col, size, role)
        cut.append((col, size, size * max_len / length))
        cur = ""
        for ch in col:
            if cur and setter.column_length(cur + ch, size, role) > max_len:
                out.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            out.append(cur)
    return Columns(out, tuple(cut))


def vertical_block(setter: Setter, kind: str, cols: list[str], box: Box, size: float, *, role: str = "regular",
                   valign: str = "top", color: str = "ink", where: str = "", split: tuple[Split, ...] = ()
                   ) -> TextBlock:
    """Place columns in `box`, the first at the right edge, read top to bottom, right to left."""
    x0, y0, w, h = box
    pitch = size * LEADING
    total = len(cols) * pitch
    right = x0 + w - max(0.0, (w - total) / 2)  # the columns centred across the box
    lines: list[Line] = []
    for i, col in enumerate(cols):
        col = col.strip(" ")
        setc = set_column(col, lang=setter.lang, fontset=setter.fonts, role=role, size=size)
        top = y0 + {"top": 0.0, "middle": (h - setc.length) / 2, "bottom": h - setc.length}[valign]
        cx = right - (i + 1) * pitch + (pitch - size) / 2
        cells = tuple((c.mode, c.draw, c.y, c.shift) for c in setc.cells)
        xs = tuple(cx for _ in col)
        lines.append(Line(col, (cx, max(top, y0), size, setc.length), max(top, y0), xs, cells=cells))
    return TextBlock(kind, box, size, lines, role=role, color=color, where=where, writing="vertical", split=split)


def _paragraph_ends(source: str | None, lines: list[str]) -> set[int]:
    """Indexes of the lines that end a paragraph of `source` (a newline follows them): they stay ragged."""
    if not source:
        return set()
    ends: set[int] = set()
    pos = 0
    for i, line in enumerate(lines):
        line = line.rstrip(" ")
        found = source.find(line, pos)
        if found < 0:
            return ends
        pos = found + len(line)
        if MANDATORY_BREAK.match(source[pos:pos + 8].lstrip(" ")):
            ends.add(i)
    return ends



# White type knocked out of a colour is never set smaller (unless the colour is one or two inks, which a press
# registers well): below it the thin strokes of a reversed glyph fill in when the plates are slightly off.
REVERSED_MIN_PT = 10.0


def number_size(number: int, size: float, floor: float = 0.0) -> float:
    """Text size for a number in a round badge: two digits are set smaller so they clear the ring (never below
    `floor`, the board's minimum text size)."""
    digits = len(str(number))
    return round(max(floor, min(size, size * (1.0 if digits < 2 else 0.78 if digits == 2 else 0.62))), 2)
