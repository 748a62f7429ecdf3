"""Break opportunities: for each position in a paragraph, whether a line may end there, and how willingly."""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum
from functools import lru_cache

from .rules import LineRules

# Breaking spaces: dropped at a line end (UAX14 SP/BA spaces). U+3000 IDEOGRAPHIC SPACE is not here: in CJK
# text it is a deliberate full-width blank, kept like any ideograph.
SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f")
# Non-breaking glue (UAX14 GL, WJ): never a break on either side.
_GLUE = frozenset("\u00a0\u2007\u202f\u2060\ufeff\u034f")
_ZWSP = "\u200b"  # UAX14 ZW: an explicit break opportunity
_ZWJ = "\u200d"
# Mandatory breaks (UAX14 BK, CR, LF, NL); CR LF counts as one.
_NEWLINE = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# Wide-context punctuation with ambiguous East Asian width: breakable like ideographs in CJK text.
_CJK_AMBIGUOUS = frozenset("“”‘’—…‥⋯·‧℃‰‱※")


class Break(IntEnum):
    """How a line may end before a position. Ordered: higher is more willing."""

    NEVER = 0
    EMERGENCY = 1  # only inside a unit that is wider than the line (Korean syllables, number + counter)
    ALLOWED = 2


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Split at mandatory breaks (newlines): [(offset of the paragraph in `text`, paragraph)]."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _NEWLINE.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


@lru_cache(maxsize=4096)
def _kind(ch: str) -> str:
    """Coarse line-breaking class: space, glue, zw, attach, wide (CJK-like), narrow (word-forming)."""
    if ch in SPACES:
        return "space"
    if ch in _GLUE:
        return "glue"
    if ch == _ZWSP:
        return "zw"
    cp = ord(ch)
    if (ch == _ZWJ or unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF  # variation selectors
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F):  # emoji modifiers, tags
        return "attach"  # UAX14 CM / ZWJ / EM: belongs to the character before it
    if unicodedata.east_asian_width(ch) in ("W", "F") or ch in _CJK_AMBIGUOUS:
        return "wide"
    return "narrow"


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


def break_levels(text: str, rules: LineRules) -> list[Break]:
    """Break level before each position of one paragraph (no newlines): a list of len(text) + 1.

    Entry i says whether a line may end between text[i-1] and text[i]; entry 0 is NEVER and the last is
    ALLOWED (the paragraph end). A break after spaces leaves them at the end of the line, where they are
    dropped; so the entry between two spaces, or before a space, is NEVER.
    """
    n = len(text)
    kinds = [_kind(ch) for ch in text]
    levels = [Break.NEVER] * (n + 1)
    if n:
        levels[n] = Break.ALLOWED
    base = ""  # the last non-attaching, non-space character before i
    base_kind = ""
    for i in range(1, n):
        prev_ch, prev_kind = text[i - 1], kinds[i - 1]
        if prev_kind not in ("attach", "space"):
            base, base_kind = prev_ch, prev_kind
        levels[i] = _level(prev_ch, prev_kind, base, base_kind, text[i], kinds[i], rules)
    return levels


def _level(prev: str, prev_kind: str, base: str, base_kind: str, ch: str, kind: str,
           rules: LineRules) -> Break:
    if kind in ("attach", "space") or prev == _ZWJ:
        return Break.NEVER  # marks stay with their base; breaks come after a run of spaces
    if ch in rules.no_start or kind == "glue" or base_kind == "glue":
        return Break.NEVER  # kinsoku: closing marks never start a line (also after spaces: UAX14 LB13)
    if not base:
        return Break.NEVER  # only spaces so far: a break here would leave an empty line
    if base in rules.no_end:
        return Break.NEVER  # kinsoku: opening marks and prefixes never end a line (UAX14 LB14 OP SP* ×)
    if prev_kind == "space" or prev_kind == "zw":
        return Break.ALLOWED  # between words, in every language (klreq too)
    if base == ch and ch in rules.inseparable:
        return Break.NEVER  # —— and …… stay whole
    if base_kind != "wide" and kind != "wide":
        return Break.NEVER  # inside a word: letters, digits, numbers, URLs, phone numbers, e-mail
    if rules.keep_all:
        return Break.EMERGENCY  # Korean: inside a word only when the word cannot fit
    if _is_digit(base) and _is_letter(ch):
        return Break.EMERGENCY  # keep a number with its counter or unit (5个, 3月, 10点)
    return Break.ALLOWED
