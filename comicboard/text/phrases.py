"""Phrase boundaries for zh-Hans, zh-Hant and ja from BudouX: where a line break reads naturally.

BudouX (https://github.com/google/budoux) segments text into phrases with small bundled models. Its
boundaries are only preferences: `wrap` uses them to rank the breaks the rules already allow.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

_LOADERS = {"zh-hans": "load_default_simplified_chinese_parser", "zh-hant": "load_default_traditional_chinese_parser",
            "ja": "load_default_japanese_parser"}
_TRADITIONAL_REGIONS = ("tw", "hk", "mo")


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
    where a line could end, not about every character. BudouX scores an offset from the characters 3 before
    to 3 after it (unigrams UW1…UW6, bigrams BW1…BW3, trigrams TW1…TW4), so only those are looked up. The text
    is padded with NULs, which no model n-gram holds: features past either end count 0, as the parser skips them.
    """
    model = model_for(lang)
    if model is None:
        return None
    (uni, z6), (bi, z3), (tri, z4), base = _tables(model)
    u, b2, t3 = uni.get, _starts(model, 2), _starts(model, 3)
    p = "\0\0\0" + text + "\0\0\0"  # p[i] is 3 before offset i, p[i + 3] the character at it
    out = []
    for i in offsets:
        c0, c1, c2, c3, c4, c5 = p[i:i + 6]
        score = base + u(c0, z6)[0] + u(c1, z6)[1] + u(c2, z6)[2] + u(c3, z6)[3] + u(c4, z6)[4] + u(c5, z6)[5]
        # An n-gram is looked up only when some n-gram of the model starts with its first character.
        if c1 in b2:
            score += bi.get(c1 + c2, z3)[0]
        if c2 in b2:
            score += bi.get(c2 + c3, z3)[1]
        if c3 in b2:
            score += bi.get(c3 + c4, z3)[2]
        if c0 in t3:
            score += tri.get(c0 + c1 + c2, z4)[0]
        if c1 in t3:
            score += tri.get(c1 + c2 + c3, z4)[1]
        if c2 in t3:
            score += tri.get(c2 + c3 + c4, z4)[2]
        if c3 in t3:
            score += tri.get(c3 + c4 + c5, z4)[3]
        out.append(score > 0)
    return out


@cache
def _starts(model: str, n: int) -> frozenset[str]:
    """The first characters of the model's n-grams (bigrams for n=2, trigrams for n=3)."""
    return frozenset(key[0] for key in _tables(model)[n - 1][0])


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
