"""Choosing lines: the fewest lines that fit, then the most even ones, over the break opportunities."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from ..fonts import FontSet, fontset_for
from .breaking import SPACES, Break, break_levels, paragraphs
from .phrases import phrase_bounds
from .rules import LineRules, rules_for

_EPS = 1e-9
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


def _candidates(para: str, levels: list[Break], prefix: list[float], max_w: float) -> list[int]:
    """Break positions to consider: every ALLOWED one, and EMERGENCY ones inside units too wide to fit."""
    allowed = [i for i, lv in enumerate(levels) if lv == Break.ALLOWED]
    cands: list[int] = []
    start = 0
    for cut in allowed:
        if prefix[_trim(para, start, cut)] - prefix[start] > max_w + _EPS:
            cands.extend(i for i in range(start + 1, cut) if levels[i] == Break.EMERGENCY)
        cands.append(cut)
        start = cut
    return cands


def _break_cost(para: str, i: int, level: Break, phrases: frozenset[int]) -> float:
    if level == Break.EMERGENCY:
        return _COST_EMERGENCY
    before = para[_trim(para, 0, i) - 1]  # the character that ends the line
    if before in _CLAUSE_END or para[i - 1] in SPACES:
        return _COST_CLAUSE
    return _COST_ALLOWED if (not phrases or i in phrases) else _COST_ALLOWED + _COST_MID_PHRASE


def _is_widow(line: str) -> bool:
    """One character, or punctuation only (，。」 …)."""
    return len(line) <= 1 or all(ch in _CLAUSE_END or not ch.isalnum() for ch in line)


def _advances(fs: FontSet, role: str) -> dict[str, float]:
    """A per-font, per-role memo of advances: looking them up through the fallback chain dominates otherwise."""
    memo = _ADVANCES.get((id(fs), role))
    if memo is None or memo[0] is not fs:
        memo = _ADVANCES[(id(fs), role)] = (fs, {})
    return memo[1]


_ADVANCES: dict[tuple[int, str], tuple[FontSet, dict[str, float]]] = {}


def _layout_paragraph(para: str, offset: int, max_w: float, rules: LineRules, fs: FontSet,
                      role: str) -> list[Line]:
    if para.strip("".join(SPACES)) == "":
        return [Line("", offset, offset, 0.0, False)]
    memo = _advances(fs, role)
    adv = [memo[ch] if ch in memo else memo.setdefault(ch, fs.advance(ch, role)) for ch in para]
    prefix = [0.0, *accumulate(adv)]
    limit = max_w + _EPS
    end = _trim(para, 0, len(para))
    if prefix[end] <= limit:  # fits on one line: no choice to make
        return [Line(para[:end], offset, offset + end, prefix[end], False)]
    levels = break_levels(para, rules)
    points = [0, *_candidates(para, levels, prefix, max_w)]  # points[-1] == n
    phrases = phrase_bounds(para, rules.lang)

    # A line from points[j] to points[k] ends at trimmed[k] (spaces dropped; every line holds a non-space).
    trimmed = [_trim(para, 0, p) for p in points]
    costs = [0.0] + [_break_cost(para, p, levels[p], phrases) for p in points[1:-1]] + [0.0]
    left = [prefix[p] for p in points]

    # For a layout of para[:points[k]] ending in a break: fewest lines, then least cost, and the previous point.
    count = len(points)
    best_lines = [0] * count
    best_cost = [0.0] * count
    back = [-1] * count
    last = count - 1
    for k in range(1, count):
        right = prefix[trimmed[k]]
        weight = _LAST_LINE_WEIGHT if k == last else 1.0
        ck = costs[k]
        bl, bc, bj = 1 << 30, 0.0, -1
        for j in range(k - 1, -1, -1):
            w = right - left[j]
            if w > limit:
                if j < k - 1:
                    break  # wider still further back; only a single unit may overflow
                cost = best_cost[j] + ck
            else:
                slack = max_w - w
                cost = best_cost[j] + slack * slack * weight + ck
            lines_j = best_lines[j] + 1
            if lines_j > bl:
                continue
            if k == last and j and _is_widow(para[points[j]:trimmed[k]]):
                cost += _COST_WIDOW
            if lines_j < bl or cost < bc:
                bl, bc, bj = lines_j, cost, j
        best_lines[k], best_cost[k], back[k] = bl, bc, bj

    lines: list[Line] = []
    k = last
    while k > 0:
        j = back[k]
        start, end = points[j], trimmed[k]
        w = prefix[end] - prefix[start]
        lines.append(Line(para[start:end], offset + start, offset + end, w, w > limit))
        k = j
    lines.reverse()
    return lines
