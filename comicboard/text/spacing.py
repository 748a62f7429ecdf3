"""After breaking: how wide each character of a set line is, and where its glyph goes.

Punctuation (clreq §3.1.6 / GB/T 15834-2011 §5, jlreq §3.1.4–3.1.6 "punctuation marks and spacing"):
  * a full-width mark whose ink fills one half of its em box has a ½ em blank on the other side; at the line
    end that blank is dropped (the mark is set in ½ em), and between two adjacent marks one of the two
    blanks facing each other, or the blank between them, is dropped (。」 and ）、 take 1.5 em, not 2);
  * an opening bracket at the line start loses its leading ½ em blank (its glyph moves left by ½ em);
  * which half is blank follows the language: brackets have their ink on the inside in every CJK style;
    the stops and commas 。，、．：；！？ sit low left in zh-Hans (GB) fonts, but are centred in zh-Hant and
    ja, so they are only trimmed in zh-Hans.
Spacing (clreq §3.2.2, jlreq §3.2.3 "spacing between Japanese and Western characters"): ¼ em between a CJK
character and a Latin letter or digit next to it, none at the line edges or beside full-width punctuation.

The line breaker measures lines without these adjustments. Punctuation compression only ever shortens a
line; the ¼ em gaps are set in full when the line has room for them and shrink evenly (to nothing at worst)
when it has not, so a line that fits its measure unadjusted still fits it adjusted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..fonts import FontSet

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


def _stops_trim(lang: str) -> bool:
    parts = lang.replace("_", "-").lower().split("-")
    if parts[0] != "zh":
        return False  # ja, ko: centred marks
    return not ("hant" in parts or any(p in ("tw", "hk", "mo") for p in parts))


@lru_cache(maxsize=8192)
def _kind(ch: str) -> int:
    """0 other, 1 a CJK letter (ideograph, kana, hangul), 2 a Western letter or digit."""
    if not ch.isalnum():
        return 0
    return 1 if unicodedata.east_asian_width(ch) in ("W", "F") else 2


@lru_cache(maxsize=4096)
def _natural(line: str, lang: str, fontset: FontSet, role: str) -> tuple[tuple[float, ...], tuple[float, ...],
                                                                       tuple[float, ...]]:
    """At size 1: each character's glyph shift (≤ 0), its advance after punctuation compression, and the
    ¼ em gap after it (before the next character)."""
    n = len(line)
    adv = [fontset.advance(ch, role) for ch in line]
    stops = _stops_trim(lang)
    # Which half of each full-width mark is blank: -1 left (opening), 1 right (closing, GB stops), 0 none.
    blank = [0] * n
    for i, ch in enumerate(line):
        if abs(adv[i] - 1.0) <= _FULL_WIDTH_TOLERANCE:
            if ch in OPENING:
                blank[i] = -1
            elif ch in CLOSING or (stops and ch in STOPS):
                blank[i] = 1
    shift = [0.0] * n
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
    gaps = [0.0] * n
    kinds = [_kind(ch) for ch in line]
    for i in range(n - 1):
        if kinds[i] and kinds[i + 1] and kinds[i] != kinds[i + 1]:
            gaps[i] = LATIN_GAP
    return tuple(shift), tuple(adv), tuple(gaps)


def set_line(line: str, *, lang: str, fontset: FontSet, role: str = "regular", size: float = 1.0,
             max_width: float | None = None) -> SetLine:
    """Set one line (already broken; trailing spaces are the caller's to drop): glyph origins, advances and
    width in the units of `size`. With `max_width`, the CJK–Latin gaps shrink as far as needed to fit it."""
    shift, adv, gaps = _natural(line, lang, fontset, role)
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
    return SetLine(tuple(xs), tuple(advances), pen * size, base * size)


def advances(line: str, *, lang: str, fontset: FontSet, role: str = "regular", size: float = 1.0) -> list[float]:
    """The room each character of a set line takes (punctuation compressed, CJK–Latin gaps in full); their sum
    is the line width."""
    return list(set_line(line, lang=lang, fontset=fontset, role=role, size=size).advances)
