"""Choosing lines in an exact count as it was before it was compiled once per paragraph, kept to compare the
fast one (`wrap._exact_cached`) with: the same lines, widths and choices, to the last bit."""

from itertools import accumulate

from comicboard.fonts import FontSet
from comicboard.text import breaking, phrases
from comicboard.text.breaking import Break, break_levels
from comicboard.text.rules import LineRules
from comicboard.text.wrap import Line, _bounds, _trim, _word_cut
from tests.text import cost_model as _C

_COST_EMERGENCY, _COST_WIDOW, _EPS = _C.COST_EMERGENCY, _C.COST_WIDOW, _C.EPS
_COST_MID_PHRASE = 1.6  # a break inside a BudouX phrase (em²), the least it costs


def exact_reference(text: str, max_w: float, count: int, rules: LineRules, fs: FontSet, role: str,
                    last_weight: float, whole_words: bool) -> tuple[Line, ...] | None:
    """The best layout of one paragraph in exactly `count` lines, breaking only where the rules allow (and,
    with `whole_words`, never inside a word of a phrase); None when there is none. A plain dynamic programme:
    the texts are short, and it only runs for bubbles that would cut a word and for justified blocks."""
    levels = break_levels(text, rules)
    n = len(text)
    bounds = _bounds(text, rules)
    prefix = [0.0, *accumulate(fs.advance(ch, role) for ch in text)]
    # A term or unit wider than the line may be split between two of its letters, where a phrase of BudouX's
    # would end (外调|政审材料), as a last resort: without these a bubble could only cut a word elsewhere.
    inside = {i for a, b, _ in breaking.unit_spans(text, rules) if prefix[_trim(text, a, b)] - prefix[a] > max_w
              for i in range(a + 1, b) if levels[i] == Break.EMERGENCY and text[i - 1].isalpha() and text[i].isalpha()}
    if inside:
        raw = phrases.phrase_bounds(text, rules.lang)
        inside = {i for i in inside if not (whole_words and _word_cut(text, i, raw))}
    points = [0] + [i for i in range(1, n) if (levels[i] >= Break.ALLOWED and not (whole_words
                                                                                   and _word_cut(text, i, bounds)))
                    or i in inside] + [n]
    letters = [0, *accumulate(ch.isalnum() for ch in text)]  # a widow has at most one letter or digit
    ends = [_trim(text, 0, p) for p in points]
    inf = float("inf")
    # Worth about a third of the measure of imbalance (em²), so it counts as much in a wide box as a narrow one;
    # justified lines are filled first (their slack would be stretched), phrases only decide between equals.
    mid_phrase = max(_COST_MID_PHRASE, (0.3 * max_w) ** 2) if whole_words else _COST_MID_PHRASE
    # Justified text cuts no word either (所需材料：身份|证) when a line about a quarter of the measure shorter,
    # stretched, avoids it: a stretched line reads better than a word split across lines.
    word_cut = 0.0 if whole_words else max(_COST_MID_PHRASE, (0.25 * max_w) ** 2)
    cut_at = [word_cut if word_cut and _word_cut(text, p, bounds) else 0.0 for p in points]
    best = [[inf] * len(points) for _ in range(count + 1)]
    back = [[0] * len(points) for _ in range(count + 1)]
    best[0][0] = 0.0
    for m in range(1, count + 1):
        weight = last_weight if m == count else 1.0
        for k in range(1, len(points)):
            for j in range(k - 1, -1, -1):
                if best[m - 1][j] == inf:
                    continue
                w = prefix[ends[k]] - prefix[points[j]]
                if w > max_w + _EPS:
                    break
                cost = best[m - 1][j] + (max_w - w) ** 2 * weight
                if letters[ends[k]] - letters[points[j]] <= 1 and (m == count or whole_words):
                    cost += _COST_WIDOW  # one letter alone: on the last line a widow, in a bubble any line
                if bounds and points[k] not in bounds and k < len(points) - 1:
                    cost += mid_phrase + cut_at[k]  # inside a phrase: allowed, but a phrase end is better
                if points[k] in inside:
                    cost += _COST_EMERGENCY
                if cost < best[m][k]:
                    best[m][k], back[m][k] = cost, j
    last = len(points) - 1
    if best[count][last] == inf:
        return None
    out: list[Line] = []
    k = last
    for m in range(count, 0, -1):
        j = back[m][k]
        a, b = points[j], ends[k]
        out.append(Line(text[a:b], a, b, prefix[b] - prefix[a], False))
        k = j
    out.reverse()
    return tuple(out)
