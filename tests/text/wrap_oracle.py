"""An oracle for CJK line breaking written from the rules (clreq, jlreq), not from comicboard.text.wrap.

For text of ideographs, kana and CJK punctuation (no spaces, Latin or digits), every gap between two
characters is a break opportunity unless kinsoku forbids it (tests/text/kinsoku.py). Over those opportunities
a small dynamic programme finds the fewest lines that fit, and whether some such layout keeps a lone letter
(at most one ideograph or kana, with or without punctuation) off the last line. Widths come from the font's
advances: measuring is not what is under test.
"""

from __future__ import annotations

from functools import cache

from tests.text.kinsoku import INSEPARABLE, break_violations, no_end, no_start


def opportunities(text: str, lang: str, strict: bool) -> list[int]:
    """Offsets 1..len-1 where a line may break by the rules."""
    starts, ends = no_start(lang, strict), no_end(lang)
    return [i for i in range(1, len(text))
            if text[i] not in starts and text[i - 1] not in ends
            and not (text[i - 1] in INSEPARABLE and text[i] in INSEPARABLE)]


def is_widow(line: str) -> bool:
    return sum(ch.isalnum() for ch in line) <= 1


def best_layouts(text: str, width: float, advance, lang: str, strict: bool) -> tuple[int, bool] | None:  # noqa: ANN001
    """(fewest lines, whether a layout with that many lines has no widow), or None when no layout fits."""
    cuts = [0, *opportunities(text, lang, strict), len(text)]
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + advance(ch))
    limit = width + 1e-9

    @cache
    def fewest(j: int) -> int | None:  # lines needed for text[cuts[j]:]
        if j == len(cuts) - 1:
            return 0
        options = [n + 1 for k in range(j + 1, len(cuts))
                   if prefix[cuts[k]] - prefix[cuts[j]] <= limit and (n := fewest(k)) is not None]
        return min(options, default=None)

    @cache
    def clean(j: int, lines: int) -> bool:  # can text[cuts[j]:] be set in `lines` lines with no widow?
        if lines == 1:
            return prefix[-1] - prefix[cuts[j]] <= limit and (j == 0 or not is_widow(text[cuts[j]:]))
        return any(prefix[cuts[k]] - prefix[cuts[j]] <= limit and fewest(k) is not None and fewest(k) <= lines - 1
                   and clean(k, lines - 1) for k in range(j + 1, len(cuts) - 1))

    count = fewest(0)
    if count is None:
        return None
    return count, clean(0, count)


def wrap_violations(text: str, lines: list[str], widths: list[float], width: float, advance, lang: str,  # noqa: ANN001
                    strict: bool) -> list[str]:
    """Everything the rules say is wrong with breaking `text` into `lines` (each `widths[i]` wide)."""
    bad = []
    if "".join(lines) != text:
        return [f"the lines {lines!r} do not spell the text {text!r}"]
    bad += break_violations(lines, lang, strict)
    # Only a unit the rules do not let break (——, 」。, a single wide letter) may be wider than the line.
    bad += [f"line {ln!r} is {w:.2f} em wide, over {width:.2f}" for ln, w in zip(lines, widths, strict=True)
            if w > width + 1e-6 and opportunities(ln, lang, strict)]
    best = best_layouts(text, width, advance, lang, strict)
    if best is not None:
        count, widow_free = best
        if len(lines) != count:
            bad.append(f"{len(lines)} lines where {count} can hold the text: {lines!r}")
        elif len(lines) > 1 and is_widow(lines[-1]) and widow_free:
            bad.append(f"a lone letter on the last line although {count} lines can avoid it: {lines!r}")
    return bad
