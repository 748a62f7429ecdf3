"""The line chooser as it was before it was made faster, kept to compare the fast one with (an extra: the rules
themselves are checked by wrap_oracle.py). Its costs come from cost_model.py, not from the product.

`layout_reference(para, max_w, rules, fs, role)` returns what `wrap._layout_cached` must return, line for line.
"""

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from comicboard.text import phrases
from comicboard.text.breaking import SPACES, Break, _breaks_reference, eojeols, unit_spans
from comicboard.text.wrap import _HAS_SPACE, _SPACE_CHARS, _term_edges
from tests.text import cost_model as _C

_CLAUSE_END, _COST_ALLOWED, _COST_DETACH = _C.CLAUSE_END, _C.COST_ALLOWED, _C.COST_DETACH
_COST_EMERGENCY = _C.COST_EMERGENCY
_COST_WIDOW, _EPS, _LAST_LINE_WEIGHT, _mid_phrase_cost = _C.COST_WIDOW, _C.EPS, _C.LAST_LINE_WEIGHT, _C.mid_phrase_cost
_INF = float("inf")
_HAS_ALNUM = re.compile(r"[^\W_]").search  # str.isalnum, character by character


def _trim(text, start, end):
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


class _Phrases:
    def __init__(self, text, lang):
        self.text, self.lang, self.memo = text, lang, {}

    def ask(self, offsets):
        memo = self.memo
        todo = [i for i in offsets if i not in memo]
        if todo:
            found = phrases.bounds_at(self.text, self.lang, todo)
            memo.update(zip(todo, found or [True] * len(todo), strict=True))
        return memo


def cheapest(into, break_cost, last):
    """For each position, the previous break of the cheapest way to reach it (positions in order)."""
    best = [0.0] * (last + 1)
    back = [0] * (last + 1)
    for k in range(1, last + 1):
        moves = into[k]
        if not moves:
            continue
        bc, bj = _INF, -1
        for j, cost in moves:
            cost += best[j]
            if cost < bc:
                bc, bj = cost, j
        best[k], back[k] = bc + break_cost[k], bj
    return back


def layout_reference(para, max_w, rules, fs, role, phrase_memo=None):
    """Lines of one paragraph as (start, end, width, overflow): the fewest lines, then the least cost. A phrase
    memo may be passed to start from what earlier layouts at other widths looked up.

    Greedy runs from both ends give the fewest lines and, for each break, the window of positions that some
    layout with that many lines can use; costs (evenness, break quality, BudouX phrases) are only computed
    inside those windows, and none at all when every window holds a single position.
    """
    if not para or (_HAS_SPACE(para) and para.strip(_SPACE_CHARS) == ""):
        return ((0, 0, 0.0, False),)
    prefix = [0.0, *accumulate(fs.advance(ch, role) for ch in para)]
    spaced = _HAS_SPACE(para) is not None
    levels, allowed, emergency = _breaks_reference(para, rules)
    if phrase_memo is None:
        phrase_memo = _Phrases(para, rules.lang)
        phrase_memo.memo.update(dict.fromkeys(_term_edges(para, rules.keep)[0], True))  # a term's edges
    limit = max_w + _EPS
    n = len(para)
    end = _trim(para, 0, n) if spaced else n
    if prefix[end] <= limit:  # fits on one line: no choice to make
        return ((0, end, prefix[end], False),)

    # Break positions to consider: every ALLOWED one, and EMERGENCY ones inside units too wide to fit.
    if emergency:
        points = [0]
        start = 0
        # Units that fit the line (a board's term, a range, a Korean word) are not broken inside.
        spans = [(a, b) for a, b, _ in unit_spans(para, rules)] + (eojeols(para) if rules.keep_all else [])
        def glued(a, b):  # the unit with what no break separates from it (quotes, 。)
            while a > 0 and levels[a] == Break.NEVER:
                a -= 1
            while b < n and levels[b] == Break.NEVER:
                b += 1
            return a, b

        whole = [(a, b) for a, b in spans
                 if (g := glued(a, b)) and prefix[_trim(para, g[0], g[1])] - prefix[g[0]] <= limit]
        for cut in allowed:
            if prefix[_trim(para, start, cut) if spaced else cut] - prefix[start] > limit:
                points.extend(i for i in range(start + 1, cut) if levels[i] == Break.EMERGENCY
                              and not any(a < i < b for a, b in whole))
            points.append(cut)
            start = cut
    else:
        points = [0, *allowed]  # allowed[-1] == n
    # A line from points[j] to points[k] ends at trimmed[k] (spaces dropped; every line holds a non-space).
    trimmed = [_trim(para, 0, p) for p in points] if spaced else points
    left = [prefix[p] for p in points]
    right = [prefix[t] for t in trimmed] if spaced else left
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
    windows = [(0, 0)]
    for m in range(1, count):
        lo = bwd[count - m]
        windows.append((lo if lo > fwd[m - 1] else fwd[m - 1] + 1, fwd[m]))
    windows.append((last, last))

    # Every line that a layout with the fewest lines can hold, into each window position: its cost from
    # evenness (slack²; the last line's slack counts less) and widows. Break costs come on top, per position.
    into: list[list[tuple[int, float]]] = [[] for _ in range(last + 1)]
    for m in range(1, count + 1):
        plo, phi = windows[m - 1]
        lo, hi = windows[m]
        final = m == count
        weight = _LAST_LINE_WEIGHT if final else 1.0
        for k in range(lo, hi + 1):
            rk = right[k]
            moves = into[k]
            for j in range(k - 1 if k - 1 < phi else phi, plo - 1, -1):
                w = rk - left[j]
                if w > limit:
                    if j < k - 1:
                        break  # wider still further back; only a single unit may overflow
                    cost = 0.0
                else:
                    slack = max_w - w
                    cost = slack * slack * weight
                if final and j and sum(ch.isalnum() for ch in para[points[j]:trimmed[k]]) <= 1:
                    cost += _COST_WIDOW  # at most one letter or digit (贴。, 交？, 」。) alone on the last line
                moves.append((j, cost))

    # Break costs: none after clause punctuation or at spaces, more for a last-resort break (number + counter,
    # Korean syllables), more inside a BudouX phrase (携带身|份证). A forced position costs the same in every
    # layout, so only positions in windows with a choice are priced.
    break_cost = [0.0] * (last + 1)
    ask: dict[int, list[int]] = {}  # positions whose cost depends on the phrases → all such of their window
    for lo, hi in windows[1:-1]:
        if lo < hi:
            group: list[int] = []
            for k in range(lo, hi + 1):
                p, t = points[k], trimmed[k]
                if levels[p] == Break.EMERGENCY:
                    # Between letters a last resort; after a space (a term's words) half that; between a letter and
                    # a number, bracket or mark (400|원, 4567)|로) it parts what belongs together.
                    a, b = para[p - 1], para[p]
                    break_cost[k] = (_COST_EMERGENCY if a.isalpha() and b.isalpha() else
                                     _COST_EMERGENCY / 2 if a in SPACES else _COST_DETACH)
                    group.append(k)
                    ask[k] = group
                elif t == p and para[t - 1] not in _CLAUSE_END:
                    break_cost[k] = _COST_ALLOWED
                    group.append(k)
                    ask[k] = group
    if not ask or phrases.model_for(rules.lang) is None:
        back = cheapest(into, break_cost, last)
    else:
        # Phrases are looked up lazily: first assume every position not yet looked up is at a phrase
        # boundary; when the cheapest layout then breaks only at boundaries, it is the cheapest for real
        # (the others can only cost more). Otherwise price the breaks it made inside phrases, and choose again.
        memo = phrase_memo.memo
        for k in ask:
            if memo.get(points[k]) is False:
                break_cost[k] += _mid_phrase_cost(max_w)
        back = cheapest(into, break_cost, last)
        while True:
            todo = []
            k = back[last]
            while k > 0:
                if k in ask and points[k] not in memo:
                    todo.append(k)
                k = back[k]
            if not todo:
                break
            todo.reverse()
            phrase_memo.ask([points[k] for k in todo])
            inside = [k for k in todo if not memo[points[k]]]
            if not inside:
                break
            for r in inside:
                break_cost[r] += _mid_phrase_cost(max_w)
            back = cheapest(into, break_cost, last)

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
