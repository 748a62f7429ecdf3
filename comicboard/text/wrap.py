"""Choosing lines: the fewest lines that fit, then the most even ones, over the break opportunities."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..fonts import FontSet, fontset_for
from . import phrases
from .breaking import SPACES, Break, _levels, break_levels, paragraphs
from .rules import LineRules, rules_for

_EPS = 1e-9
_INF = float("inf")
_SPACE_CHARS = "".join(SPACES)
# The last line may be shorter than the others: its slack counts this much (1 would balance all lines).
_LAST_LINE_WEIGHT = 0.5
# Small costs (em²) that only decide between otherwise equal layouts: prefer breaking after clause
# punctuation or at spaces; avoid last-resort breaks (number + counter, Korean syllables).
_COST_ALLOWED = 0.2
_COST_CLAUSE = 0.0
_COST_EMERGENCY = 2.0
# A break inside a BudouX phrase (携带身|份证): worth about 1.25 em of imbalance between two lines to avoid.
_COST_MID_PHRASE = 1.6
# A last line holding one character or only punctuation (a widow): avoided unless it costs a line.
_COST_WIDOW = 6.0
_CLAUSE_END = frozenset("，。、；：！？,.;:!?）」』”》")


@dataclass(frozen=True)
class Line:
    """One chosen line: its text (spaces at the break dropped), where it sits in the input, its width."""

    text: str
    start: int  # offset of text[0] in the input
    end: int  # offset just past the line's last kept character
    width: float  # em at size 1, in the role's font
    overflow: bool  # a single unbreakable unit wider than the measure


def default_fontset() -> FontSet:
    """The bundled font family (loaded once, shared)."""
    return fontset_for(None)


def line_width(line: str, fontset: FontSet, role: str = "regular") -> float:
    """Width of a line in em at size 1 (sum of advances)."""
    return fontset.width(line, role)


def layout_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
                 role: str = "regular", strict: bool = False) -> list[Line]:
    """Break `text` into lines no wider than `max_width_em`, with their offsets and widths.

    Newlines force breaks. A unit that cannot be broken and is wider than the measure gets a line of its
    own and overflows (`Line.overflow`); no other line is wider than the measure.
    """
    fs = fontset or default_fontset()
    rules = rules_for(lang, strict=strict)
    out: list[Line] = []
    for offset, para in paragraphs(text):
        out.extend(_layout_paragraph(para, offset, max_width_em, rules, fs, role))
    return out


def break_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
                role: str = "regular", strict: bool = False) -> list[str]:
    """The lines of `text` at a measure of `max_width_em` (em at size 1); see `layout_lines`."""
    return [ln.text for ln in layout_lines(text, max_width_em, lang=lang, fontset=fontset, role=role,
                                           strict=strict)]


def fits_lines(text: str, max_width_em: float, max_lines: int, *, lang: str = "zh-Hans",
               fontset: FontSet | None = None, role: str = "regular", strict: bool = False) -> bool:
    """Whether `text` breaks into at most `max_lines` lines with none overflowing the measure."""
    lines = layout_lines(text, max_width_em, lang=lang, fontset=fontset, role=role, strict=strict)
    return len(lines) <= max_lines and not any(ln.overflow for ln in lines)


def widest_unit(text: str, *, lang: str = "zh-Hans", fontset: FontSet | None = None, role: str = "regular",
                strict: bool = False) -> float:
    """Width (em) of the widest piece that no break can split: the narrowest measure with no overflow."""
    fs = fontset or default_fontset()
    rules = rules_for(lang, strict=strict)
    widest = 0.0
    for _, para in paragraphs(text):
        levels = break_levels(para, rules)
        adv = [fs.advance(ch, role) for ch in para]
        cuts = [i for i, lv in enumerate(levels) if lv >= Break.EMERGENCY]
        start = 0
        for cut in cuts:
            widest = max(widest, sum(adv[start:_trim(para, start, cut)]))
            start = cut
    return widest


def wrap(text: str, width: float, *, lang: str = "zh-Hans", size: float = 1.0, font: FontSet | None = None,
         strict: bool = False) -> list[str]:
    """Break `text` into lines no wider than `width`, in the units of `size` (an ideograph is 1 em)."""
    if size <= 0:
        raise ValueError(f"size must be positive, got {size!r}")
    return break_lines(text, width / size, lang=lang, fontset=font, strict=strict)


def _trim(text: str, start: int, end: int) -> int:
    """`end` moved back over breaking spaces (dropped at a line end), but not before `start`."""
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


def _break_cost(para: str, i: int, level: Break, at_phrase: bool) -> float:
    if level == Break.EMERGENCY:
        return _COST_EMERGENCY
    before = para[_trim(para, 0, i) - 1]  # the character that ends the line
    if before in _CLAUSE_END or para[i - 1] in SPACES:
        return _COST_CLAUSE
    return _COST_ALLOWED if at_phrase else _COST_ALLOWED + _COST_MID_PHRASE


def _is_widow(line: str) -> bool:
    """One character, or punctuation only (，。」 …)."""
    return len(line) <= 1 or all(ch in _CLAUSE_END or not ch.isalnum() for ch in line)


class _Advances(dict):
    """Character → advance (em) in one font set and role, looked up through the fallback chain once."""

    def __init__(self, fs: FontSet, role: str) -> None:
        super().__init__()
        self.fs, self.role = fs, role

    def __missing__(self, ch: str) -> float:
        if len(self) > 65536:  # random text cannot grow it without bound
            self.clear()
        self[ch] = adv = self.fs.advance(ch, self.role)
        return adv


def _advances(fs: FontSet, role: str) -> _Advances:
    """The advance memo of a font set and role (kept on the font set, so it lives as long as the fonts)."""
    memos = fs.__dict__.setdefault("_wrap_advances", {})
    memo = memos.get(role)
    if memo is None:
        memo = memos[role] = _Advances(fs, role)
    return memo


_HAS_SPACE = re.compile("[" + re.escape("".join(sorted(SPACES))) + "]").search


@lru_cache(maxsize=4096)  # layout asks for the same paragraph at many widths and sizes while it fits a box
def _prepared(para: str, rules: LineRules, fs: FontSet, role: str) -> tuple:
    """What line choice needs of a paragraph at any width: advances summed, breaks, phrase memo."""
    prefix = [0.0, *accumulate(map(_advances(fs, role).__getitem__, para))]
    spaced = _HAS_SPACE(para) is not None
    levels = _levels(para, rules)
    allowed = [i for i, lv in enumerate(levels) if lv == Break.ALLOWED]
    emergency = Break.EMERGENCY in levels
    return prefix, spaced, levels, allowed, emergency, {}


def clear_caches() -> None:
    """Forget memoised breaks, phrases and layouts (benchmarks time a cold start with this)."""
    _levels.cache_clear()
    _prepared.cache_clear()
    _layout_cached.cache_clear()
    phrases.phrase_bounds.cache_clear()


def _layout_paragraph(para: str, offset: int, max_w: float, rules: LineRules, fs: FontSet,
                      role: str) -> list[Line]:
    if not para or (_HAS_SPACE(para) and para.strip(_SPACE_CHARS) == ""):
        return [Line("", offset, offset, 0.0, False)]
    return [Line(para[a:b], offset + a, offset + b, w, o)
            for a, b, w, o in _layout_cached(para, max_w, rules, fs, role)]


@lru_cache(maxsize=8192)
def _layout_cached(para: str, max_w: float, rules: LineRules, fs: FontSet, role: str) -> tuple:
    """Lines of one paragraph as (start, end, width, overflow): the fewest lines, then the least cost.

    Greedy runs from both ends give the fewest lines and, for each break, the window of positions that some
    layout with that many lines can use; costs (evenness, break quality, BudouX phrases) are only computed
    inside those windows, and none at all when every window holds a single position.
    """
    prefix, spaced, levels, allowed, emergency, phrase_memo = _prepared(para, rules, fs, role)
    limit = max_w + _EPS
    n = len(para)
    end = _trim(para, 0, n) if spaced else n
    if prefix[end] <= limit:  # fits on one line: no choice to make
        return ((0, end, prefix[end], False),)

    # Break positions to consider: every ALLOWED one, and EMERGENCY ones inside units too wide to fit.
    if emergency:
        points = [0]
        start = 0
        for cut in allowed:
            if prefix[_trim(para, start, cut) if spaced else cut] - prefix[start] > limit:
                points.extend(i for i in range(start + 1, cut) if levels[i] == Break.EMERGENCY)
            points.append(cut)
            start = cut
    else:
        points = [0, *allowed]  # allowed[-1] == n
    # A line from points[j] to points[k] ends at trimmed[k] (spaces dropped; every line holds a non-space).
    trimmed = [_trim(para, 0, p) for p in points] if spaced else points
    left = [prefix[p] for p in points]
    right = [prefix[t] for t in trimmed]
    last = len(points) - 1

    # Fewest lines: greedy from the start gives the last usable break after m lines (fwd[m]); greedy from the
    # end, the first break from which the rest fits in r lines (bwd[r]). Both are optimal (widths only grow).
    fwd = [0]
    j = 0
    while j < last:
        k = bisect_right(right, left[j] + limit, j + 1) - 1
        while k > j and right[k] - left[j] > limit:
            k -= 1
        while k < last and right[k + 1] - left[j] <= limit:
            k += 1
        j = max(k, j + 1)  # a unit wider than the line takes a line of its own
        fwd.append(j)
    count = len(fwd) - 1
    bwd = [last]
    k = last
    while k > 0:
        j = bisect_left(left, right[k] - limit, 0, k)
        while j > 0 and right[k] - left[j - 1] <= limit:
            j -= 1
        while j < k and right[k] - left[j] > limit:
            j += 1
        k = min(j, k - 1)
        bwd.append(k)
    windows = [(0, 0)] + [(max(fwd[m - 1] + 1, bwd[count - m]), fwd[m]) for m in range(1, count)] + [(last, last)]

    at_phrase = None
    if any(lo < hi for lo, hi in windows):
        at_phrase = phrases.bound_test(rules.lang)
    best = [0.0] * (last + 1)
    back = [0] * (last + 1)
    for m in range(1, count + 1):
        plo, phi = windows[m - 1]
        lo, hi = windows[m]
        final = m == count
        weight = _LAST_LINE_WEIGHT if final else 1.0
        for k in range(lo, hi + 1):
            if final or lo == hi:
                ck = 0.0  # the same for every layout
            else:
                p = points[k]
                if at_phrase is None:
                    ph = True
                else:
                    ph = phrase_memo.get(p)
                    if ph is None:
                        ph = phrase_memo[p] = at_phrase(para, p)
                ck = _break_cost(para, p, levels[p], ph)
            rk = right[k]
            bc, bj = _INF, -1
            for j in range(min(k - 1, phi), plo - 1, -1):
                w = rk - left[j]
                if w > limit:
                    if j < k - 1:
                        break  # wider still further back; only a single unit may overflow
                    cost = best[j] + ck
                else:
                    slack = max_w - w
                    cost = best[j] + slack * slack * weight + ck
                if final and j and _is_widow(para[points[j]:trimmed[k]]):
                    cost += _COST_WIDOW
                if cost < bc:
                    bc, bj = cost, j
            best[k], back[k] = bc, bj

    lines = []
    k = last
    while k > 0:
        j = back[k]
        a, b = points[j], trimmed[k]
        w = prefix[b] - prefix[a]
        lines.append((a, b, w, w > limit))
        k = j
    lines.reverse()
    return tuple(lines)
