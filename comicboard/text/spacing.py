"""After breaking: how wide each character of a set line is, and where its glyph goes.

Punctuation (clreq §3.1.6 / GB/T 15834-2011 §5, jlreq §3.1.4–3.1.6 "punctuation marks and spacing"):
  * a full-width mark whose ink fills one half of its em box has a ½ em blank on the other side; at the line
    end that blank is dropped (the mark is set in ½ em), and between two adjacent marks one of the two
    blanks facing each other, or the blank between them, is dropped (。」 and ）、 take 1.5 em, not 2);
  * an opening bracket at the line start loses its leading ½ em blank (its glyph moves left by ½ em);
  * which half is blank is read from the glyph's outline (`Face.ink`), not assumed: brackets have their ink
    on the inside; stops and commas sit low left in GB and JIS fonts.
  * where a mark should sit follows the language: zh-Hans sets 。，、．：；！？ low left (GB/T 15834-2011 §5),
    ja sets 。、，． low left but ！？：； centred (jlreq §3.1.4, cl-04/cl-05), zh-Hant centres all of them in
    the em box (Taiwan MOE 重訂標點符號手冊). A mark the font draws elsewhere is moved there (its glyph shifts
    right or up); a centred mark has no blank half, so nothing is trimmed from it.
Justification (clreq §3.7 "line adjustment" / 行内调整; jlreq §3.8 "line adjustment"), for captions and
details text, never for speech bubbles (comics letter those centred and ragged): a line that is not the last
of its paragraph is stretched to the measure, first in its CJK–Latin gaps (¼ em up to ½ em) and word spaces
(up to ½ em more), then evenly between characters where the line could have been broken; never inside an
unbreakable run (a Latin word, a number, 。」, ——). A gap between characters grows at most ⅕ em (word spaces
½ em more, a CJK–Latin gap to ½ em in all); a line that would need more stays ragged rather than look
gappy.
Spacing (clreq §3.2.2, jlreq §3.2.3 "spacing between Japanese and Western characters"): ¼ em between a CJK
character and a Latin letter or digit next to it, none at the line edges or beside full-width punctuation.
Korean takes none (klreq: words are separated by spaces; 14일, 400원 are set solid).

The line breaker measures lines without these adjustments. Punctuation compression only ever shortens a
line; the ¼ em gaps are set in full when the line has room for them and shrink evenly (to nothing at worst)
when it has not, so a line that fits its measure unadjusted still fits it adjusted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..fonts import FontSet
from .breaking import Break, break_levels
from .rules import lang_key, rules_for

# Full-width brackets and quotes with the ink on the inside: the blank half is outside (clreq, jlreq cl-01/02).
OPENING = frozenset("「『（［｛〔【〖《〈｟〘〚")
CLOSING = frozenset("」』）］｝〕】〗》〉｠〙〛")
# Stops, commas and colons; set low left in GB (zh-Hans) style, centred in zh-Hant and Japanese fonts.
STOPS = frozenset("。．，、：；！？")
# The ¼ em between CJK and Western text (clreq 汉字与西文字母、数字之间; jlreq 3.2.3).
LATIN_GAP = 0.25
HALF = 0.5
_FULL_WIDTH_TOLERANCE = 0.05  # a mark is "full-width" when its advance is within this of 1 em


@dataclass(frozen=True)
class SetLine:
    """One line as set: each character's glyph origin and advance from the line start, and the line width
    (all in the units of `size`)."""

    xs: tuple[float, ...]
    advances: tuple[float, ...]
    width: float
    tight: float  # the width with the CJK–Latin gaps shrunk to nothing: the least the line can take
    dys: tuple[float, ...] = ()  # per character, how far its glyph moves down from the baseline (empty: none)


# Marks a language centres in the em box (see the module docstring); the rest of STOPS sit low left.
_CENTRED = {"zh-Hant": STOPS, "ja": frozenset("：；！？")}
_SMALL_MARK = 0.45  # em: a mark lower than this (。，、．) is also centred vertically when centred


@lru_cache(maxsize=8192)
def _kind(ch: str) -> int:
    """0 other, 1 a CJK letter (ideograph, kana, hangul), 2 a Western letter or digit."""
    if not ch.isalnum():
        return 0
    return 1 if unicodedata.east_asian_width(ch) in ("W", "F") else 2


@lru_cache(maxsize=4096)
def _mark(ch: str, lang: str, fontset: FontSet, role: str) -> tuple[int, float, float]:
    """For a full-width bracket or stop: which half of its em box is blank (-1 left, 1 right, 0 none), and how
    far its glyph moves right and up (em) to sit where the language puts it."""
    face = fontset.face_for(ch, role)
    ink = face.ink(ch) if face else None
    if ink is None:  # no outline to read: the conventional positions
        return (-1 if ch in OPENING else 1 if ch in CLOSING or (ch in STOPS and lang == "zh-Hans") else 0), 0.0, 0.0
    x0, y0, x1, y1 = ink
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx = dy = 0.0
    if ch in _CENTRED.get(lang, ()):
        if abs(cx - HALF) > 0.1:
            dx = HALF - cx
            if y1 - y0 < _SMALL_MARK:  # 。，、． set low: lift to the middle of the em box as well
                dy = (face.ascender + face.descender) / 2 - cy
        return 0, dx, dy
    if ch in STOPS and x0 >= 0.3 and x1 <= 0.7:  # a centred mark where the language wants it low left
        dx = 0.25 - cx
        x0, x1 = x0 + dx, x1 + dx
    if x1 <= HALF + 0.05:
        return 1, dx, dy
    if x0 >= HALF - 0.05:
        return -1, dx, dy
    return 0, dx, dy


def compress(blank: list[int], adv: list[float], shift: list[float] | None = None) -> tuple[list[float], list[float]]:
    """Punctuation compression along a line or a column: each mark's glyph shift and advance (em) after
    dropping blanks; `blank` says which half of each em is blank (-1 leading, 1 trailing, 0 none)."""
    n = len(blank)
    adv = list(adv)
    shift = list(shift) if shift is not None else [0.0] * n
    trimmed = [False] * n
    for i in range(n - 1):
        a, b = blank[i], blank[i + 1]
        if a == 1 and b:  # 。」 ）、 」「: the blank after the first mark goes
            adv[i] -= HALF
            trimmed[i] = True
        elif a == -1 and b == -1 and not trimmed[i + 1]:  # 「『 （「: the blank before the second goes
            adv[i + 1] -= HALF
            shift[i + 1] -= HALF
            trimmed[i + 1] = True
    if n and blank[-1] == 1 and not trimmed[-1]:  # line end: set in ½ em
        adv[-1] -= HALF
        trimmed[-1] = True
    if n and blank[0] == -1 and not trimmed[0]:  # line start: the opening bracket loses its leading blank
        adv[0] -= HALF
        shift[0] -= HALF
    return shift, adv


@lru_cache(maxsize=4096)
def _natural(line: str, lang: str, fontset: FontSet, role: str) -> tuple[tuple[float, ...], tuple[float, ...],
                                                                       tuple[float, ...], tuple[float, ...]]:
    """At size 1: each character's glyph shift, its advance after punctuation compression, the ¼ em gap after
    it (before the next character), and how far its glyph moves up (empty when none does)."""
    n = len(line)
    adv = [fontset.advance(ch, role) for ch in line]
    key = lang_key(lang) or lang
    # Which half of each full-width mark is blank: -1 left (opening), 1 right (closing, low-left stops), 0 none.
    blank = [0] * n
    shift = [0.0] * n
    lift: list[float] = []
    for i, ch in enumerate(line):
        if (ch in OPENING or ch in CLOSING or ch in STOPS) and abs(adv[i] - 1.0) <= _FULL_WIDTH_TOLERANCE:
            blank[i], shift[i], up = _mark(ch, key, fontset, role)
            if up:
                lift = lift or [0.0] * n
                lift[i] = up
    shift, adv = compress(blank, adv, shift)
    gaps = [0.0] * n
    if key != "ko":  # Korean separates words with spaces and sets 14일, 400원 solid (klreq): no extra gap
        kinds = [_kind(ch) for ch in line]
        for i in range(n - 1):
            if kinds[i] and kinds[i + 1] and kinds[i] != kinds[i + 1]:
                gaps[i] = LATIN_GAP
    return tuple(shift), tuple(adv), tuple(gaps), tuple(lift)


@lru_cache(maxsize=4096)
def text_parts(text: str, lang: str, fontset: FontSet, role: str = "regular") -> tuple[tuple[float, ...], bytes,
                                                                                    tuple[float, ...]]:
    """What the width of any line cut from `text` needs, looked up once: each character's advance (em), which half
    of it is blank (as `_natural`: 0 none, 1 trailing, 2 leading), and the CJK–Latin gap after it."""
    n = len(text)
    adv = [fontset.advance(ch, role) for ch in text]
    key = lang_key(lang) or lang
    blank = bytearray(n)
    for i, ch in enumerate(text):
        if (ch in OPENING or ch in CLOSING or ch in STOPS) and abs(adv[i] - 1.0) <= _FULL_WIDTH_TOLERANCE:
            blank[i] = (0, 1, 2)[_mark(ch, key, fontset, role)[0]]  # -1 → 2: bytes hold no negatives
    gaps = [0.0] * n
    if key != "ko":
        kinds = [_kind(ch) for ch in text]
        for i in range(n - 1):
            if kinds[i] and kinds[i + 1] and kinds[i] != kinds[i + 1]:
                gaps[i] = LATIN_GAP
    return tuple(adv), bytes(blank), tuple(gaps)


def line_widths(parts: tuple[tuple[float, ...], bytes, tuple[float, ...]], start: int, end: int
                ) -> tuple[float, float]:
    """Width and least width (gaps shrunk to nothing) at size 1 of the line text[start:end] of the text whose
    `text_parts` these are: what `set_line` gives for it, to the last bit (the same compression, summed in the
    same order), by a pass over numbers."""
    adv, blank, gaps = parts
    last = end - 1
    pen = 0.0
    base = 0.0
    for i in range(start, end):
        x = adv[i]
        b = blank[i]
        if b == 1:  # trailing blank: dropped before another mark (。」) and at the line end
            if i == last or blank[i + 1]:
                x -= HALF
        elif b == 2 and (i == start or blank[i - 1] == 2):  # leading blank: at the line start, and after 「 (「『)
            x -= HALF
        base += x
        pen += x + gaps[i] if i < last else x
    return pen, base


def set_line(line: str, *, lang: str, fontset: FontSet, role: str = "regular", size: float = 1.0,
             max_width: float | None = None) -> SetLine:
    """Set one line (already broken; trailing spaces are the caller's to drop): glyph origins, advances and
    width in the units of `size`. With `max_width`, the CJK–Latin gaps shrink as far as needed to fit it."""
    shift, adv, gaps, lift = _natural(line, lang, fontset, role)
    base = sum(adv)
    room = sum(gaps)
    scale = 1.0
    if max_width is not None and room and (base + room) * size > max_width:
        scale = max(0.0, min(1.0, (max_width / size - base) / room))
    xs: list[float] = []
    advances: list[float] = []
    pen = 0.0
    for s, a, g in zip(shift, adv, gaps, strict=True):
        xs.append((pen + s) * size)
        a = a + g * scale
        advances.append(a * size)
        pen += a
    return SetLine(tuple(xs), tuple(advances), pen * size, base * size, tuple(-u * size for u in lift))


_MAX_WORD_STRETCH = 0.5  # em a word space may grow when justifying
# em a CJK–Latin gap may reach when justifying (jlreq §3.8, clreq §3.7: ¼ em up to ½ em); wider, 年滿  65  歲
# reads as a typing error.
_MAX_LATIN_GAP = 0.5
# em any one inter-character gap may grow: beyond about a fifth of an em, CJK text reads as letter-spaced
# (批 准 入 伍), and a ragged end looks better than a gappy line.
_MAX_CHAR_STRETCH = 0.2


def justify(line: str, setl: SetLine, width: float, *, lang: str, fontset: FontSet, role: str = "regular",
            size: float = 1.0) -> SetLine:
    """`setl` (the set `line`) stretched to `width` by the priorities above; as it is when it is already that
    wide, or has nowhere to stretch."""
    slack = width - setl.width
    n = len(line)
    if slack <= 1e-6 or n < 2:
        return setl
    _, _, gaps, _ = _natural(line, lang, fontset, role)
    extra = [0.0] * n  # added after character i (before i + 1), in the units of size
    # 1. CJK–Latin gaps and word spaces.
    words = [i for i in range(n - 1) if gaps[i] or line[i] == " "]
    if words:
        # An even share each, but no more than a position may take: a CJK–Latin gap up to ½ em in all.
        room = {i: (max(0.0, _MAX_LATIN_GAP - gaps[i]) if gaps[i] else _MAX_WORD_STRETCH) * size for i in words}
        order = sorted(words, key=room.__getitem__)  # the tightest first: the others share what it leaves
        for k, i in enumerate(order):
            each = min(slack / (len(order) - k), room[i])
            extra[i] += each
            slack -= each
    # 2. Between characters, only where a break is allowed (so never inside a word, a number, 。」 or ——).
    if slack > 1e-6:
        levels = break_levels(line, rules_for(lang))
        spots = [i - 1 for i in range(1, n) if levels[i] == Break.ALLOWED and line[i - 1] != " " and line[i] != " "
                 and not gaps[i - 1]]
        if spots:
            each = min(slack / len(spots), _MAX_CHAR_STRETCH * size)
            for i in spots:
                extra[i] += each
    if not any(extra):
        return setl
    xs: list[float] = []
    adv: list[float] = []
    moved = 0.0
    for x, a, e in zip(setl.xs, setl.advances, extra, strict=True):
        xs.append(x + moved)
        adv.append(a + e)
        moved += e
    return SetLine(tuple(xs), tuple(adv), setl.width + moved, setl.tight, setl.dys)


def advances(line: str, *, lang: str, fontset: FontSet, role: str = "regular", size: float = 1.0) -> list[float]:
    """The room each character of a set line takes (punctuation compressed, CJK–Latin gaps in full); their sum
    is the line width."""
    return list(set_line(line, lang=lang, fontset=fontset, role=role, size=size).advances)
