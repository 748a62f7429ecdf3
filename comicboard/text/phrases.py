"""Phrase boundaries for zh-Hans, zh-Hant and ja from BudouX: where a line break reads naturally.

BudouX (https://github.com/google/budoux) segments text into phrases with small bundled models. Its
boundaries are only preferences: `wrap` uses them to rank the breaks the rules already allow.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import repeat
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


def bounds_at(text: str, lang: str, offsets: list[int]) -> list[bool] | None:
    """For each of `offsets` (ascending, 0 < i < len(text)): whether a phrase boundary falls there; None when
    the language has no model.

    The same decisions as `phrase_bounds`, scored only where asked: line choice asks about the few offsets
    where a line could end, not about every character. BudouX scores an offset from the characters 3 before
    to 3 after it, so only that stretch of the text is looked up (in C loops, once per n-gram).
    """
    model = model_for(lang)
    if model is None:
        return None
    (uni, z6), (bi, z3), (tri, z4), base = _tables(model)
    out: list[bool] = []
    k, count = 0, len(offsets)
    while k < count:  # a stretch of nearby offsets at a time
        e = k + 1
        while e < count and offsets[e] - offsets[e - 1] <= 6:
            e += 1
        if e == k + 1:  # a lone offset: look its 13 features up directly
            i = offsets[k]
            u = [uni.get(ch, z6) for ch in text[max(i - 3, 0):i + 3]]
            if i < 3:
                u[:0] = (z6,) * (3 - i)
            u.extend((z6,) * (6 - len(u)))
            t2, t3 = text[i - 2:i + 1] if i > 1 else "", text[i - 1:i + 2]
            out.append(base + u[0][0] + u[1][1] + u[2][2] + u[3][3] + u[4][4] + u[5][5]
                       + (bi.get(t2[:2], z3)[0] + tri.get(t2, z4)[1] if i > 1 else 0)
                       + bi.get(t3[:2], z3)[1] + bi.get(text[i:i + 2], z3)[2]
                       + (tri.get(text[i - 3:i], z4)[0] if i > 2 else 0)
                       + tri.get(t3, z4)[2] + tri.get(text[i:i + 3], z4)[3] > 0)
            k = e
            continue
        lo = max(offsets[k] - 3, 0)
        sub = text[lo:offsets[e - 1] + 3]  # features past either end of the text count 0, as the parser skips them
        n = len(sub)
        us = [z6, z6, z6, *map(uni.get, sub, repeat(z6)), z6, z6, z6]
        bs = [z3, z3, *map(bi.get, map(sub.__getitem__, map(slice, range(n), range(2, n + 1))), repeat(z3)), z3]
        ts = [z4, z4, z4, *map(tri.get, map(sub.__getitem__, map(slice, range(n), range(3, n + 1))), repeat(z4)),
              z4, z4, z4]
        for i in offsets[k:e]:
            # Unigrams 3 before … 2 after the boundary, bigrams 2 before … at it, trigrams 3 before … at it;
            # the lists are padded so index i is the first feature of offset i.
            i -= lo
            out.append(base + us[i][0] + us[i + 1][1] + us[i + 2][2] + us[i + 3][3] + us[i + 4][4] + us[i + 5][5]
                       + bs[i][0] + bs[i + 1][1] + bs[i + 2][2]
                       + ts[i][0] + ts[i + 1][1] + ts[i + 2][2] + ts[i + 3][3] > 0)
        k = e
    return out


@cache
def _tables(model: str) -> tuple:
    """BudouX's feature scores regrouped by n-gram: unigram → its 6 scores (UW1…UW6 as it sits 3 before … 2
    after the boundary), bigram → 3 (BW1…BW3), trigram → 4 (TW1…TW4); plus the base score. The scores are
    integers, so sums are exact in any order."""
    m = _parser(model).model
    base = -sum(sum(g.values()) for g in m.values()) * 0.5

    def group(names: list[str]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        feats = [m.get(k, {}) for k in names]
        keys = set().union(*feats)
        return {key: tuple(f.get(key, 0) for f in feats) for key in keys}, (0,) * len(names)

    return (group(["UW1", "UW2", "UW3", "UW4", "UW5", "UW6"]), group(["BW1", "BW2", "BW3"]),
            group(["TW1", "TW2", "TW3", "TW4"]), base)
