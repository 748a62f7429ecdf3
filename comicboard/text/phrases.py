"""Phrase boundaries for zh-Hans, zh-Hant and ja from BudouX: where a line break reads naturally.

BudouX (https://github.com/google/budoux) segments text into phrases with small bundled models. Its
boundaries are only preferences: `wrap` uses them to rank the breaks the rules already allow.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from itertools import repeat
from typing import Any

_LOADERS = {"zh-hans": "load_default_simplified_chinese_parser", "zh-hant": "load_default_traditional_chinese_parser",
            "ja": "load_default_japanese_parser"}
_TRADITIONAL_REGIONS = ("tw", "hk", "mo")
# From this many offsets on, `scorer` looks up every character of the text at once (windows overlap); below it,
# only the characters of each window.
_SHARED_CHARS = 4


@lru_cache(maxsize=64)
def model_for(lang: str) -> str | None:
    """Which BudouX model serves a BCP 47 tag ('zh-Hans', 'zh-TW', 'ja-JP'); None for other languages."""
    parts = lang.replace("_", "-").lower().split("-")
    if parts[0] == "ja":
        return "ja"
    if parts[0] != "zh":
        return None
    return "zh-hant" if "hant" in parts or any(p in _TRADITIONAL_REGIONS for p in parts) else "zh-hans"


@cache
def _parser(model: str) -> Any:
    import budoux  # imported on first use: loading a model takes a few milliseconds

    return getattr(budoux, _LOADERS[model])()


@lru_cache(maxsize=4096)
def phrase_bounds(text: str, lang: str) -> frozenset[int]:
    """Offsets inside `text` (0 < i < len) where one BudouX phrase ends and the next begins."""
    model = model_for(lang)
    if model is None or len(text) < 2:
        return frozenset()
    out: set[int] = set()
    pos = 0
    for chunk in _parser(model).parse(text):
        pos += len(chunk)
        out.add(pos)
    if pos != len(text):  # a model that rewrote the text: no preference rather than wrong offsets
        return frozenset()
    out.discard(len(text))
    return frozenset(out)


def bounds_at(text: str, lang: str, offsets: list[int]) -> list[bool] | None:
    """For each of `offsets` (0 < i < len(text)): whether a phrase boundary falls there; None when the language
    has no model.

    The same decisions as `phrase_bounds`, scored only where asked: line choice asks about the few offsets
    where a line could end, not about every character. See `scorer`.
    """
    model = model_for(lang)
    return None if model is None else scorer(model)(text, offsets)


@cache
def scorer(model: str) -> Callable[[str, list[int]], list[bool]]:
    """`bounds_at` for one model (see `model_for`), its tables at hand: (text, offsets) → whether a phrase
    boundary falls at each offset.

    BudouX scores an offset from the characters 3 before to 3 after it (unigrams UW1…UW6, bigrams BW1…BW3,
    trigrams TW1…TW4), so only those are looked up. Each character is looked up once, in one table: its six
    unigram scores and, as bits, which bigram and trigram features hold an n-gram starting with it (only those
    n-grams are looked up, each feature in a dict of its own, zeros left out). The text is padded with NULs,
    which no model n-gram holds: features past either end count 0, as the parser skips them.
    """
    (uni, _), (bi, _), (tri, _), base = _tables(model)
    bigrams = [{c: v[j] for c, v in bi.items() if v[j]} for j in range(3)]
    trigrams = [{c: v[j] for c, v in tri.items() if v[j]} for j in range(4)]
    b1, b2, b3 = (d.get for d in bigrams)
    t1, t2, t3, t4 = (d.get for d in trigrams)
    # Bits 0-2: some n-gram of BW1, BW2, BW3 starts with the character; bits 3-6: of TW1…TW4.
    starts = [frozenset(key[0] for key in d) for d in (*bigrams, *trigrams)]
    zero = (0, 0, 0, 0, 0, 0, 0)
    table = {c: (*uni.get(c, zero[:6]), sum(1 << k for k, firsts in enumerate(starts) if c in firsts))
             for c in set(uni).union(*starts)}
    get = table.get
    window = (zero,) * 6  # the defaults of one window's six lookups

    def score(text: str, offsets: list[int]) -> list[bool]:
        p = "\0\0\0" + text + "\0\0\0"  # p[i] is 3 before offset i, p[i + 3] the character at it
        out = []
        if len(offsets) > _SHARED_CHARS:  # windows overlap: each character looked up once for all of them
            t = list(map(get, p, repeat(zero, len(p))))
            windows = (t[i:i + 6] for i in offsets)
        else:
            windows = (map(get, p[i:i + 6], window) for i in offsets)
        for i, (a, b, c, d, e, f) in zip(offsets, windows, strict=True):
            s = base + a[0] + b[1] + c[2] + d[3] + e[4] + f[5]
            if b[6] & 1:
                s += b1(p[i + 1:i + 3], 0)
            if c[6] & 2:
                s += b2(p[i + 2:i + 4], 0)
            if d[6] & 4:
                s += b3(p[i + 3:i + 5], 0)
            if a[6] & 8:
                s += t1(p[i:i + 3], 0)
            if b[6] & 16:
                s += t2(p[i + 1:i + 4], 0)
            if c[6] & 32:
                s += t3(p[i + 2:i + 5], 0)
            if d[6] & 64:
                s += t4(p[i + 3:i + 6], 0)
            out.append(s > 0)
        return out

    return score


@cache
def _tables(model: str) -> tuple:
    """BudouX's feature scores regrouped by n-gram: unigram → its 6 scores (UW1…UW6 as it sits 3 before … 2
    after the boundary), bigram → 3 (BW1…BW3), trigram → 4 (TW1…TW4); plus the base score. The scores are
    integers, so sums are exact in any order."""
    m = _parser(model).model
    base = -sum(sum(g.values()) for g in m.values()) * 0.5
    if any("\0" in key for g in m.values() for key in g):
        raise ValueError(f"BudouX model {model!r} has an n-gram with NUL, which bounds_at pads with")

    def group(names: list[str]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        feats = [m.get(k, {}) for k in names]
        keys = set().union(*feats)
        return {key: tuple(f.get(key, 0) for f in feats) for key in keys}, (0,) * len(names)

    return (group(["UW1", "UW2", "UW3", "UW4", "UW5", "UW6"]), group(["BW1", "BW2", "BW3"]),
            group(["TW1", "TW2", "TW3", "TW4"]), base)
