"""Choosing lines: the fewest lines that fit, then the most even ones, over the break opportunities."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import and_, eq, not_, sub

from ..fonts import FontSet, fontset_for
from . import breaking, phrases
from .breaking import SPACES, Break, _breaks, break_levels, paragraphs
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
# A last-resort break that parts a number, a bracket or a mark from the letters it belongs to (1통에 400|원입니다.,
# (☎ 02-123-4567)|로, 12|至18): dearer than a widow, so a too-wide word is split between its syllables instead.
_COST_DETACH = 8.0
# A break inside a BudouX phrase (携带身|份证): worth about 1.25 em of imbalance between two lines to avoid.
_COST_MID_PHRASE = 1.6


def _mid_phrase_cost(max_w: float) -> float:
    """A break inside a phrase costs about a quarter of the measure in imbalance (em²): as much in a wide
    footer as in a narrow bubble, where 1.6 em² is that quarter."""
    return max(_COST_MID_PHRASE, (0.25 * max_w) ** 2)
# A last line holding at most one letter or digit, with or without punctuation (a widow): avoided unless it
# costs a line.
_COST_WIDOW = 6.0
_CLAUSE_END = frozenset("，。、；：！？,.;:!?）」』”》")
_CLAUSE_MARK = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


@dataclass(frozen=True)
class Line:
    """One chosen line: its text (spaces at the break dropped), where it sits in the input, its width."""

    text: str
    start: int  # offset of text[0] in the input
    end: int  # offset just past the line's last kept character
    width: float  # em at size 1, in the role's font
    overflow: bool  # a single unbreakable unit wider than the measure


_new = object.__new__


def _line(text: str, start: int, end: int, width: float, overflow: bool) -> Line:
    """A `Line` made without the frozen dataclass's __init__ (which sets each field through object.__setattr__):
    layout makes thousands while it fits text, and this is the same object at less than half the cost."""
    ln = _new(Line)
    d = ln.__dict__
    d["text"] = text
    d["start"] = start
    d["end"] = end
    d["width"] = width
    d["overflow"] = overflow
    return ln


def default_fontset() -> FontSet:
    """The bundled font family (loaded once, shared)."""
    global _DEFAULT_FONTSET
    if _DEFAULT_FONTSET is None:
        _DEFAULT_FONTSET = fontset_for(None)
    return _DEFAULT_FONTSET


_DEFAULT_FONTSET: FontSet | None = None


def line_width(line: str, fontset: FontSet, role: str = "regular") -> float:
    """Width of a line in em at size 1 (sum of advances)."""
    return fontset.width(line, role)


def layout_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
                 role: str = "regular", strict: bool = False, keep: Iterable[str] = ()) -> list[Line]:
    """Break `text` into lines no wider than `max_width_em`, with their offsets and widths.

    Newlines force breaks. A unit that cannot be broken and is wider than the measure gets a line of its
    own and overflows (`Line.overflow`); no other line is wider than the measure. `keep`: terms (a board's
    titles, materials and `keep:` list) never broken inside unless one alone is wider than the measure.
    """
    spans = _spans(text, max_width_em, rules_for(lang, strict=strict, keep=keep), fontset or default_fontset(), role)
    return [_line(text[a:b], a, b, w, o) for a, b, w, o in spans]


def break_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
                role: str = "regular", strict: bool = False, keep: Iterable[str] = ()) -> list[str]:
    """The lines of `text` at a measure of `max_width_em` (em at size 1); see `layout_lines`."""
    spans = _spans(text, max_width_em, rules_for(lang, strict=strict, keep=keep), fontset or default_fontset(), role)
    return [text[a:b] for a, b, _, _ in spans]


def _spans(text: str, max_w: float, rules: LineRules, fs: FontSet, role: str) -> tuple:
    """(start, end, width, overflow) of each line of `text`; paragraphs are laid out independently."""
    if not _HAS_NEWLINE(text):
        return _layout_cached(text, max_w, rules, fs, role)
    out: list[tuple[int, int, float, bool]] = []
    for offset, para in paragraphs(text):
        out.extend((a + offset, b + offset, w, o) for a, b, w, o in _layout_cached(para, max_w, rules, fs, role))
    return tuple(out)


def fits_lines(text: str, max_width_em: float, max_lines: int, *, lang: str = "zh-Hans",
               fontset: FontSet | None = None, role: str = "regular", strict: bool = False,
               keep: Iterable[str] = ()) -> bool:
    """Whether `text` breaks into at most `max_lines` lines with none overflowing the measure."""
    lines = layout_lines(text, max_width_em, lang=lang, fontset=fontset, role=role, strict=strict, keep=keep)
    return len(lines) <= max_lines and not any(ln.overflow for ln in lines)


def widest_unit(text: str, *, lang: str = "zh-Hans", fontset: FontSet | None = None, role: str = "regular",
                strict: bool = False, keep: Iterable[str] = ()) -> float:
    """Width (em) of the widest piece that no break can split: the narrowest measure with no overflow."""
    fs = fontset or default_fontset()
    rules = rules_for(lang, strict=strict, keep=keep)
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
         strict: bool = False, keep: Iterable[str] = ()) -> list[str]:
    """Break `text` into lines no wider than `width`, in the units of `size` (an ideograph is 1 em); `keep`:
    terms never broken inside unless one alone is wider than the line."""
    if size <= 0:
        raise ValueError(f"size must be positive, got {size!r}")
    # `break_lines` without its keyword plumbing: this is the entry point for one-off texts.
    rules = rules_for(lang, strict=strict, keep=keep)
    fs = font or _DEFAULT_FONTSET or default_fontset()
    if _HAS_NEWLINE(text) is not None:
        return [text[a:b] for a, b, _, _ in _spans(text, width / size, rules, fs, "regular")]
    return [text[a:b] for a, b, _, _ in _layout_cached(text, width / size, rules, fs, "regular")]


def _trim(text: str, start: int, end: int) -> int:
    """`end` moved back over breaking spaces (dropped at a line end), but not before `start`."""
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


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
_HAS_NEWLINE = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]").search  # see breaking.paragraphs
_EMERGENCY = int(Break.EMERGENCY)  # in the levels bytes of `_breaks`


_SPACE_RUN = re.compile("[" + re.escape("".join(sorted(SPACES))) + "]+")


@lru_cache(maxsize=4096)  # layout asks for the same paragraph at many widths and sizes while it fits a box
def _prepared(para: str, rules: LineRules, fs: FontSet, role: str) -> tuple:
    """What line choice needs of a paragraph at any width: advances summed, where each position ends up when the
    breaking spaces before it are dropped (None without spaces), breaks, and a memo of the BudouX phrase
    boundaries looked up so far (offset → whether one falls there)."""
    # Tuples: held in the memo, they are left alone by the garbage collector once it has seen them (lists of
    # numbers are walked at every collection).
    prefix = (0.0, *accumulate(map(_advances(fs, role).__getitem__, para)))
    trim = None
    if _HAS_SPACE(para) is not None:
        trim = list(range(len(para) + 1))
        for m in _SPACE_RUN.finditer(para):
            a, b = m.span()
            trim[a + 1:b + 1] = [a] * (b - a)
        trim = tuple(trim)
    levels, allowed, emergency = _breaks.__wrapped__(para, rules)  # this memo holds them already
    # The edges of the board's terms are phrase boundaries whatever BudouX says (养老金|领取, not 养|老金).
    memo = dict.fromkeys(_term_edges(para, rules.keep)[0], True) if rules.keep else {}
    return prefix, trim, levels, allowed, emergency, memo, [None]  # the last: `_allowed_points`, when first asked


def _allowed_points(para: str, prefix: tuple, trim: tuple | None, allowed: tuple) -> tuple:
    """The break points of a paragraph when no last-resort break is needed, at any width: the positions (0 and
    every ALLOWED one), the width before each and before each with the spaces at a line end dropped, where each
    line ending there ends, which are priced as ordinary breaks (not after clause punctuation or spaces), and the
    widest stretch between two of them."""
    at_cuts = tuple(map(prefix.__getitem__, allowed))  # allowed[-1] == len(para)
    points = (0, *allowed)
    left = (0.0, *at_cuts)
    # Clause punctuation is rare: its positions are found by one scan, and every point is priced in C loops.
    after_clause = {m.end() for m in _CLAUSE_MARK.finditer(para)}
    unpriced = map(after_clause.__contains__, allowed)
    if trim:
        trimmed = tuple(map(trim.__getitem__, points))
        right = tuple(map(prefix.__getitem__, trimmed))
        priced = (False, *map(and_, map(eq, allowed, trimmed[1:]), map(not_, unpriced)))
    else:
        trimmed, right = points, left
        priced = (False, *map(not_, unpriced))
    return points, left, right, trimmed, priced, max(map(sub, at_cuts, left))


def _glued_start(levels: bytes, a: int) -> int:
    """The first position of the unit starting at `a` with what no break separates from it (an opening quote)."""
    while a > 0 and not levels[a]:
        a -= 1
    return a


def _glued_end(levels: bytes, b: int, n: int) -> int:
    """The end of the unit ending at `b` with what no break separates from it (a closing quote, 。)."""
    while b < n and not levels[b]:
        b += 1
    return b


def clear_caches() -> None:
    """Forget memoised breaks, phrases and layouts (benchmarks time a cold start with this)."""
    breaking.clear_caches()
    _prepared.cache_clear()
    _layout_cached.cache_clear()
    _exact_cached.cache_clear()
    _compiled_exact.cache_clear()
    _word_cuts.cache_clear()
    phrases.phrase_bounds.cache_clear()


@lru_cache(maxsize=8192)
def _layout_cached(para: str, max_w: float, rules: LineRules, fs: FontSet, role: str) -> tuple:
    """Lines of one paragraph as (start, end, width, overflow): the fewest lines, then the least cost.

    Greedy runs from both ends give the fewest lines and, for each break, the window of positions that some
    layout with that many lines can use; costs (evenness, break quality, BudouX phrases) are only computed
    inside those windows, and none at all when every window holds a single position.
    """
    if not para or (_HAS_SPACE(para) and para.strip(_SPACE_CHARS) == ""):
        return ((0, 0, 0.0, False),)
    prefix, trim, levels, allowed, emergency, memo, at_allowed = _prepared(para, rules, fs, role)
    limit = max_w + _EPS
    n = len(para)
    end = trim[n] if trim else n
    if prefix[end] <= limit:  # fits on one line: no choice to make
        return ((0, end, prefix[end], False),)

    # Break positions to consider: every ALLOWED one, and EMERGENCY ones inside units too wide to fit.
    if at_allowed[0] is None:
        at_allowed[0] = _allowed_points(para, prefix, trim, allowed)
    points, left, right, trimmed, priced, widest = at_allowed[0]
    # Spaces dropped at a line end only make it narrower: when no stretch between two allowed breaks is wider than
    # the line as it stands, no EMERGENCY break is needed.
    if emergency and widest > limit:
        # The stretches between two allowed breaks that are wider than the line, spaces at their end dropped, and
        # hold a last-resort break: only inside those are EMERGENCY breaks offered.
        if limit > 0.0:
            wide = [k for k, w in enumerate(map(sub, right[1:], left), 1)
                    if w > limit and levels.find(_EMERGENCY, points[k - 1] + 1, points[k]) >= 0]
        else:  # a measure of nothing or less: a stretch of dropped spaces only (width 0) may be too wide too
            wide = [k for k, w in enumerate(map(sub, right[1:], left), 1)
                    if max(w, 0.0) > limit and levels.find(_EMERGENCY, points[k - 1] + 1, points[k]) >= 0]
        if wide:
            # Units that fit the line (a board's term, 12至18) stay whole even inside a wider stretch (정부24에서도).
            spans = [(a, b) for a, b, _ in breaking.unit_spans(para, rules)]
            if rules.keep_all:
                spans += breaking.eojeols(para)
            whole = []
            for a, b in spans:
                g = _glued_end(levels, b, n)
                if prefix[trim[g] if trim else g] - prefix[_glued_start(levels, a)] <= limit:  # spaces dropped
                    whole.append((a, b))
            cuts, points, done = points, [], 0
            for k in wide:
                points.extend(cuts[done:k])
                points.extend(i for i in range(cuts[k - 1] + 1, cuts[k]) if levels[i] == _EMERGENCY
                              and not any(a < i < b for a, b in whole))
                done = k
            points.extend(cuts[done:])
            priced = None
            left = list(map(prefix.__getitem__, points))
            # A line from points[j] to points[k] ends at trimmed[k] (spaces dropped; every line holds a non-space).
            if trim:
                trimmed = list(map(trim.__getitem__, points))
                right = list(map(prefix.__getitem__, trimmed))
            else:
                trimmed, right = points, left
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
        j = k if k > j else j + 1  # a unit wider than the line takes a line of its own
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
        k = j if j < k else k - 1
        bwd.append(k)
    wlo, whi = [0], [0]  # window m: the positions wlo[m]..whi[m] that break m can use
    for m in range(1, count):
        lo = bwd[count - m]
        wlo.append(lo if lo > fwd[m - 1] else fwd[m - 1] + 1)
        whi.append(fwd[m])
    wlo.append(last)
    whi.append(last)
    if wlo == whi:  # every window holds one position: the fewest lines leave no choice
        lines = []
        for m in range(1, count + 1):
            a, b = points[fwd[m - 1]], trimmed[fwd[m]]
            w = prefix[b] - prefix[a]
            lines.append((a, b, w, w > limit))
        return tuple(lines)

    # Break costs: none after clause punctuation or at spaces, more for a last-resort break (number + counter,
    # Korean syllables), more inside a BudouX phrase (携带身|份证). A forced position costs the same in every
    # layout, so only positions in windows with a choice are priced.
    break_cost = [0.0] * (last + 1)
    ask: list[int] = []  # positions whose cost depends on the phrases
    plain = not emergency and not trim  # then no break is a last resort or after spaces
    for m in range(1, count):
        lo, hi = wlo[m], whi[m]
        if lo < hi and priced is not None:  # only ALLOWED points: their prices are known (`_allowed_points`)
            for k in compress(range(lo, hi + 1), priced[lo:hi + 1]):
                break_cost[k] = _COST_ALLOWED
                ask.append(k)
        elif lo < hi:
            for k in range(lo, hi + 1):
                p = points[k]
                if plain:
                    if para[p - 1] not in _CLAUSE_END:
                        break_cost[k] = _COST_ALLOWED
                        ask.append(k)
                elif levels[p] == _EMERGENCY:
                    # Between two letters (Korean syllables, a term's characters) a last resort; between a letter
                    # and a number, bracket or mark it parts what belongs together (400|원, 4567)|로): dearer.
                    # After a space (inside a term of several words) it only splits the term: cheaper.
                    ch = para[p - 1]
                    break_cost[k] = (_COST_EMERGENCY if ch.isalpha() and para[p].isalpha()
                                     else _COST_EMERGENCY / 2 if ch in SPACES else _COST_DETACH)
                    ask.append(k)
                elif trimmed[k] == p and para[p - 1] not in _CLAUSE_END:
                    break_cost[k] = _COST_ALLOWED
                    ask.append(k)
    model = phrases.model_for(rules.lang) if ask else None
    if model is not None:
        # Phrases are looked up at every priced position before choosing. (Looking up lazily, only where the
        # chosen layout breaks, and choosing again for what depends on a dear break was slower: most
        # paragraphs needed a second pass, and the bookkeeping cost more than the lookups it saved.)
        mid_cost = _mid_phrase_cost(max_w)
        offsets = list(map(points.__getitem__, ask))
        if memo:  # looked up at another width: only the offsets not seen yet are scored
            pending = [p for p in offsets if p not in memo]
            if pending:
                memo.update(zip(pending, phrases.scorer(model)(para, pending), strict=True))
            found = map(memo.__getitem__, offsets)
        else:
            found = phrases.scorer(model)(para, offsets)
            memo.update(zip(offsets, found, strict=True))
        for k, bound in zip(ask, found, strict=True):
            if not bound:
                break_cost[k] += mid_cost
    # A last line starting after `second` holds at most one letter or digit (str.isalnum) and its punctuation
    # (贴。, 交？, 」。): a widow. `second` is the second-to-last letter or digit that the last line can hold.
    second, seen = -1, 0
    for i in range(end - 1, points[wlo[count - 1]] - 1, -1):
        if para[i].isalnum():
            seen += 1
            if seen == 2:
                second = i
                break

    # The cheapest layout with the fewest lines, window by window: every line that such a layout can hold into
    # each window position costs its evenness (slack²; the last line's slack counts less) and widows; the break
    # costs come on top, per position.
    best = [0.0] * (last + 1)
    back = [0] * (last + 1)
    for m in range(1, count):
        plo, phi = wlo[m - 1], whi[m - 1]
        for k in range(wlo[m], whi[m] + 1):
            rk = right[k]
            bc, bj = _INF, -1
            j = phi  # < k: every window starts past the end of the one before (see wlo)
            while j >= plo:
                w = rk - left[j]
                if w > limit:
                    if j < k - 1:
                        break  # wider still further back; only a single unit may overflow
                    cost = best[j]
                else:
                    cost = max_w - w
                    cost = cost * cost + best[j]
                if cost < bc:
                    bc, bj = cost, j
                j -= 1
            if bj >= 0:
                best[k], back[k] = bc + break_cost[k], bj
    plo, phi = wlo[count - 1], whi[count - 1]
    rk = right[last]
    bc, bj = _INF, -1
    j = phi
    while j >= plo:
        w = rk - left[j]
        if w > limit:
            if j < last - 1:
                break
            cost = 0.0
        else:
            cost = max_w - w
            cost = cost * cost * _LAST_LINE_WEIGHT
        if j and second < points[j]:
            cost += _COST_WIDOW  # one character, or punctuation only (，。」 …), alone on the last line
        cost += best[j]
        if cost < bc:
            bc, bj = cost, j
        j -= 1
    if bj >= 0:
        back[last] = bj

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


def phrase_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
                 role: str = "regular", strict: bool = False, keep: Iterable[str] = ()) -> list[Line]:
    """Like `layout_lines`, but when the fewest lines can only be had by cutting a word inside a BudouX phrase
    (ち|ょっと, 暗证番|号, カー|ド) and one line more keeps every word whole, take the line more: in a speech
    bubble a cut word reads worse than a slightly taller bubble."""
    rules = rules_for(lang, strict=strict, keep=keep)
    fs = fontset or default_fontset()
    lines = [_line(text[a:b], a, b, w, o) for a, b, w, o in _spans(text, max_width_em, rules, fs, role)]  # layout_lines
    if len(lines) < 2 or "\n" in text or phrases.model_for(lang) is None or not _cuts_word(text, lines, rules):
        return lines
    more = _exact_lines(text, max_width_em, len(lines) + 1, rules, fs, role)
    if more is None or any(_widow(text, ln) for ln in more):  # a letter alone on any line is no better
        return lines
    return more


def fill_lines(text: str, max_width_em: float, *, lang: str = "zh-Hans", fontset: FontSet | None = None,
               role: str = "regular", strict: bool = False, keep: Iterable[str] = ()) -> list[Line]:
    """The fewest lines like `layout_lines`, but each line but the last of a paragraph as full as it can be:
    for justified text, whose lines are stretched to the measure (balanced lines would all be stretched)."""
    fs = fontset or default_fontset()
    rules = rules_for(lang, strict=strict, keep=keep)
    out: list[Line] = []
    for offset, para in paragraphs(text):
        lines = layout_lines(para, max_width_em, lang=lang, fontset=fs, role=role, strict=strict, keep=keep)
        if len(lines) > 1 and not any(ln.overflow for ln in lines):
            full = _exact_lines(para, max_width_em, len(lines), rules, fs, role, last_weight=0.0, whole_words=False)
            if full is not None and not _widow(para, full[-1]):
                lines = full
        out.extend(_line(ln.text, ln.start + offset, ln.end + offset, ln.width, ln.overflow) for ln in lines)
    return out


def _exact_lines(text: str, max_w: float, count: int, rules: LineRules, fs: FontSet, role: str,
                 last_weight: float = _LAST_LINE_WEIGHT, whole_words: bool = True) -> list[Line] | None:
    found = _exact_cached(text, max_w, count, rules, fs, role, last_weight, whole_words)
    return None if found is None else list(found)


def _bounds(text: str, rules: LineRules) -> frozenset[int]:
    """Phrase boundaries of `text`: BudouX's, and the edges of the board's terms (`rules.keep`) in it."""
    bounds = phrases.phrase_bounds(text, rules.lang)
    if not rules.keep:
        return bounds
    edges, inner = _term_edges(text, rules.keep)
    return frozenset((bounds | edges) - inner) if edges else bounds


def _term_edges(text: str, keep: frozenset[str]) -> tuple[set[int], set[int]]:
    """Offsets where a term of `keep` starts or ends inside `text` (phrase boundaries), and offsets inside one."""
    edges: set[int] = set()
    inner: set[int] = set()
    for term in keep:
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            edges.update((start, end))
            inner.update(range(start + 1, end))
            start = text.find(term, start + 1)
    edges -= inner
    edges.discard(0)
    edges.discard(len(text))
    return edges, inner


@lru_cache(maxsize=4096)  # bubbles ask about the same speech at many widths and sizes
def _word_cuts(text: str, rules: LineRules) -> tuple[frozenset[int], frozenset[int]]:
    """A paragraph's phrase boundaries (`_bounds`) and the offsets where a break would cut a word (`_word_cut`)."""
    bounds = _bounds(text, rules)
    return bounds, frozenset(i for i in range(1, len(text)) if _word_cut(text, i, bounds))


class _Exact:
    """What choosing a paragraph's lines in an exact count needs at any width, worked out once per paragraph
    (`_compiled_exact`): break positions as rules and phrases allow them, widths summed, letters counted."""

    __slots__ = ("allowed", "arrays", "bounds", "cuts", "letters", "n", "prefix", "trim", "units", "whole")

    def __init__(self, text: str, rules: LineRules, fs: FontSet, role: str) -> None:
        prefix, trim, levels, _allowed, _, _, _ = _prepared(text, rules, fs, role)
        n = self.n = len(text)
        self.prefix, self.trim = prefix, trim
        self.bounds, self.cuts = _word_cuts(text, rules)
        cuts = self.cuts
        self.allowed = [i for i in range(1, n) if levels[i] >= Break.ALLOWED]  # the ALLOWED positions inside
        self.whole = [i for i in self.allowed if i not in cuts]  # and those that cut no word
        # A unit (term, number with its counter) as (its width with the spaces at its end dropped, the last-resort
        # positions between two of its letters): those are offered when the unit is wider than the line.
        self.units = []
        for a, b, _ in breaking.unit_spans(text, rules):
            inner = tuple(i for i in range(a + 1, b) if levels[i] == Break.EMERGENCY and text[i - 1].isalpha()
                          and text[i].isalpha())
            if inner:
                self.units.append((prefix[_trim(text, a, b)] - prefix[a], inner))
        self.letters = (0, *accumulate(ch.isalnum() for ch in text))  # a widow has at most one letter or digit
        self.arrays: dict[bool, tuple] = {}  # by whole_words: `_exact_arrays` of the points without split units


def _exact_arrays(ex: _Exact, points: tuple[int, ...] | list[int]) -> tuple:
    """Per break point: where a line ending there ends (spaces dropped), the widths before that end and before the
    point, the letters counted at both, whether a break there falls inside a phrase (`free`), and whether it
    cuts a word there."""
    trim, prefix, letters, bounds, cuts = ex.trim, ex.prefix, ex.letters, ex.bounds, ex.cuts
    ends = tuple(trim[p] for p in points) if trim else tuple(points)
    last = len(points) - 1
    free = tuple(bool(bounds) and 0 < k < last and p not in bounds for k, p in enumerate(points))
    in_cut = tuple(p in cuts for p in points)
    return (ends, tuple(prefix[e] for e in ends), tuple(prefix[p] for p in points), tuple(letters[e] for e in ends),
            tuple(letters[p] for p in points), free, in_cut)


@lru_cache(maxsize=4096)
def _compiled_exact(text: str, rules: LineRules, fs: FontSet, role: str) -> _Exact:
    return _Exact(text, rules, fs, role)


@lru_cache(maxsize=4096)  # layout asks for the same text at the same measures while it searches for a size
def _exact_cached(text: str, max_w: float, count: int, rules: LineRules, fs: FontSet, role: str,
                  last_weight: float, whole_words: bool) -> tuple[Line, ...] | None:
    """The best layout of one paragraph in exactly `count` lines, breaking only where the rules allow (and,
    with `whole_words`, never inside a word of a phrase); None when there is none. A plain dynamic programme
    over numbers worked out once per paragraph (`_Exact`): the texts are short, and it only runs for bubbles
    that would cut a word and for justified blocks."""
    ex = _compiled_exact(text, rules, fs, role)
    n, prefix = ex.n, ex.prefix
    # A term or unit wider than the line may be split between two of its letters, where a phrase of BudouX's
    # would end (外调|政审材料), as a last resort: without these a bubble could only cut a word elsewhere.
    inside = {i for w, inner in ex.units if w > max_w for i in inner}
    if inside and whole_words:
        raw = phrases.phrase_bounds(text, rules.lang)
        inside = {i for i in inside if not _word_cut(text, i, raw)}
    base = ex.whole if whole_words else ex.allowed
    if inside:
        points = [0, *sorted(inside.union(base)), n]
        ends, right, left, lend, lstart, free, in_cut = _exact_arrays(ex, points)
    else:  # the same at every width: kept with the paragraph
        arrays = ex.arrays.get(whole_words)
        if arrays is None:
            points = (0, *base, n)
            arrays = ex.arrays[whole_words] = (points, *_exact_arrays(ex, points))
        points, ends, right, left, lend, lstart, free, in_cut = arrays
    inf = float("inf")
    # Worth about a third of the measure of imbalance (em²), so it counts as much in a wide box as a narrow one;
    # justified lines are filled first (their slack would be stretched), phrases only decide between equals.
    mid_phrase = max(_COST_MID_PHRASE, (0.3 * max_w) ** 2) if whole_words else _COST_MID_PHRASE
    # Justified text cuts no word either (所需材料：身份|证) when a line about a quarter of the measure shorter,
    # stretched, avoids it: a stretched line reads better than a word split across lines.
    word_cut = 0.0 if whole_words else max(_COST_MID_PHRASE, (0.25 * max_w) ** 2)
    size = len(points)
    last = size - 1
    # Per break position, what a line ending there pays on top of its slack: inside a phrase (allowed, but a
    # phrase end is better), and a last-resort split of a unit.
    cut_cost = mid_phrase + (word_cut if word_cut else 0.0)
    mid = [(cut_cost if c else mid_phrase + 0.0) if f else 0.0 for f, c in zip(free, in_cut, strict=True)]
    dear = [p in inside for p in points] if inside else [False] * size
    limit = max_w + _EPS
    # Fewest lines from each position to the end (widths only grow, so greedy is optimal): a position that cannot
    # finish in the lines left is no state of the programme, nor is one too near the end for them.
    fewest = [0] * size
    reach = last
    for j in range(last - 1, -1, -1):
        while reach > j and right[reach] - left[j] > limit:
            reach -= 1
        fewest[j] = fewest[reach] + 1 if reach > j else size
    if fewest[0] > count or last < count:
        return None
    best = [[inf] * size for _ in range(count + 1)]
    back = [[0] * size for _ in range(count + 1)]
    best[0][0] = 0.0
    live = [0]  # the positions the previous row reached, in order
    for m in range(1, count + 1):
        weight = last_weight if m == count else 1.0
        widows = m == count or whole_words
        prev, cur, bk = best[m - 1], best[m], back[m]
        left_lines = count - m
        reached = []
        for k in (last,) if m == count else range(m, last - left_lines + 1):
            if fewest[k] > left_lines:
                continue
            rk, lk, mk, dk = right[k], lend[k], mid[k], dear[k]
            bc, bj = inf, 0
            for i in range(bisect_left(live, k) - 1, -1, -1):
                j = live[i]
                w = rk - left[j]
                if w > limit:
                    break
                cost = prev[j] + (max_w - w) ** 2 * weight
                if widows and lk - lstart[j] <= 1:
                    cost += _COST_WIDOW  # one letter alone: on the last line a widow, in a bubble any line
                if mk:
                    cost += mk
                if dk:
                    cost += _COST_EMERGENCY
                if cost < bc:
                    bc, bj = cost, j
            if bc < inf:
                cur[k], bk[k] = bc, bj
                reached.append(k)
        if not reached:
            return None
        live = reached
    if best[count][last] == inf:
        return None
    out: list[Line] = []
    k = last
    for m in range(count, 0, -1):
        j = back[m][k]
        a, b = points[j], ends[k]
        out.append(_line(text[a:b], a, b, prefix[b] - prefix[a], False))
        k = j
    out.reverse()
    return tuple(out)


def _widow(text: str, line: Line) -> bool:
    """A last line of at most one letter or digit, whatever punctuation comes with it (贴。, え…, ）。)."""
    return sum(ch.isalnum() for ch in text[line.start:line.end]) <= 1


_SMALL_KANA = frozenset("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー")


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x3040 <= o <= 0x309F:
        return "hira"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kata"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF or ch in "々〆":
        return "han"
    return "other"


def _cuts_word(text: str, lines: list[Line], rules: LineRules) -> bool:
    """Whether a break between `lines` cuts a word (see `_word_cut`)."""
    cuts = _word_cuts(text, rules)[1]
    return any(ln.end in cuts for ln in lines[:-1])


def _word_cut(text: str, i: int, bounds: frozenset[int]) -> bool:
    """A break at `i` inside a BudouX phrase that cuts a word: anywhere except where a word plausibly starts,
    after hiragana before a kanji or katakana (申請|書 is a cut, の|窓口 is not), or between kanji and katakana;
    never before a small kana or ー."""
    if not 0 < i < len(text) or i in bounds or text[i] in _SPACE_CHARS or text[i - 1] in _CLAUSE_END:
        return False
    if text[i] in _SMALL_KANA:
        return True
    a, b = _script(text[i - 1]), _script(text[i])
    if a == "other" or b == "other":
        return False  # Latin, digits, punctuation: the rules already keep their units whole
    return not ((a == "hira" and b in ("han", "kata")) or {a, b} == {"han", "kata"})
