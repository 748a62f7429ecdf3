"""Phrase boundaries for zh-Hans, zh-Hant and ja from BudouX: where a line break reads naturally.

BudouX (https://github.com/google/budoux) segments text into phrases with small bundled models. Its
boundaries are only preferences: `wrap` uses them to rank the breaks the rules already allow.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

_LOADERS = {"zh-hans": "load_default_simplified_chinese_parser", "zh-hant": "load_default_traditional_chinese_parser",
            "ja": "load_default_japanese_parser"}
_TRADITIONAL_REGIONS = ("tw", "hk", "mo")


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


def bound_test(lang: str) -> Callable[[str, int], bool] | None:
    """A test `at(text, i)`: whether a phrase boundary falls at offset i (0 < i < len(text)); None without a model.

    The same decision as `phrase_bounds`, scored at one offset only: line choice asks about the few offsets
    where a line could end, not about every character.
    """
    model = model_for(lang)
    return None if model is None else _scorer(model)


@cache
def _scorer(model: str) -> Callable[[str, int], bool]:
    # BudouX's features (budoux.Parser.parse): unigrams at offsets -3…+2, bigrams -2…+1, trigrams -3…+2
    # around the boundary; the scores are integers, so the sum is exact in any order.
    m = _parser(model).model
    uw1, uw2, uw3, uw4, uw5, uw6, bw1, bw2, bw3, tw1, tw2, tw3, tw4 = (
        m.get(k, {}).get for k in ("UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3",
                                   "TW1", "TW2", "TW3", "TW4"))
    base = -sum(sum(g.values()) for g in m.values()) * 0.5

    def at(s: str, i: int) -> bool:
        n = len(s)
        score = base + uw3(s[i - 1], 0) + uw4(s[i], 0) + bw2(s[i - 1:i + 1], 0)
        if i > 1:
            score += uw2(s[i - 2], 0) + bw1(s[i - 2:i], 0) + tw2(s[i - 2:i + 1], 0)
            if i > 2:
                score += uw1(s[i - 3], 0) + tw1(s[i - 3:i], 0)
        if i + 1 < n:
            score += uw5(s[i + 1], 0) + bw3(s[i:i + 2], 0) + tw3(s[i - 1:i + 2], 0)
            if i + 2 < n:
                score += uw6(s[i + 2], 0) + tw4(s[i:i + 3], 0)
        return score > 0

    return at
