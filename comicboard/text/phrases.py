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
