"""Field paths: tuples like ('categories', 0, 'steps') ⇄ text like 'categories[0].steps'."""

from __future__ import annotations

import json
import re

Path_ = tuple[str | int, ...]

_PLAIN = re.compile(r"^[^\W\d][\w-]*$")  # keys that read well after a dot
_SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def format_path(path: Path_) -> str:
    out = ""
    for seg in path:
        if isinstance(seg, int):
            out += f"[{seg}]"
        elif _PLAIN.match(seg):
            out += f".{seg}" if out else seg
        else:
            out += f"[{json.dumps(seg, ensure_ascii=False)}]"  # odd keys (with dots) stay unambiguous
    return out


def parse_path(text: str) -> Path_:
    """Inverse of format_path for the simple paths the model writes ('board.title', 'steps[1].say[0].who')."""
    return tuple(int(m.group(2)) if m.group(2) else m.group(1) for m in _SEGMENT.finditer(text or ""))
