"""Text a board may hold: no control, bidi-override or broken characters, no field beyond the length limit.

Such characters are refused (with where and which), never drawn: a bidi override silently reorders what a
reader sees, a control character prints as a box or nothing, a lone surrogate cannot be encoded at all.
"""

from __future__ import annotations

import unicodedata

from .errors import SpecError
from .limits import MAX_TEXT_CHARS

ALLOWED_CONTROLS = frozenset("\n\t\r")  # line breaks and tabs are layout whitespace, not garbage
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def bad_char(ch: str) -> str | None:
    """Why `ch` may not appear in board text, or None if it may."""
    if ch in BIDI_CONTROLS:
        return "a hidden text-direction control (bidi override)"
    cat = unicodedata.category(ch)
    if cat == "Cc" and ch not in ALLOWED_CONTROLS:
        return "an invisible control character"
    if cat == "Cs":
        return "a broken character (a lone UTF-16 surrogate, e.g. \\ud800 in JSON)"
    return None


def check_text(text: object, path: str) -> None:
    """Raise SpecError (field path `path`) for a non-string, an over-long text or a refused character."""
    if not isinstance(text, str):
        raise SpecError(f"{path} must be text", path=path, expected="text", found=type(text).__name__)
    if len(text) > MAX_TEXT_CHARS:
        raise SpecError(f"text too long: {len(text):,} characters, the limit is {MAX_TEXT_CHARS} per field",
                        path=path, expected=f"at most {MAX_TEXT_CHARS} characters", found=f"{len(text):,}",
                        hint="shorten it: a board is read standing, in a few words per panel")
    for i, ch in enumerate(text):
        why = bad_char(ch)
        if why:
            raise SpecError(f"character U+{ord(ch):04X} at position {i + 1} is {why}", path=path,
                            found=repr(text[max(0, i - 10):i + 10]),
                            hint="delete it (it is invisible, often pasted in by accident) and retype the text "
                                 "around it")
