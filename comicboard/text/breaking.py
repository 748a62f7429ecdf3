"""Break opportunities: for each position in a paragraph, whether a line may end there, and how willingly.

UAX #14 (`uax14`) gives the opportunities; the CJK tailoring below narrows them per clreq, jlreq and klreq
(`rules`) and marks last-resort ones (inside Korean words, between a number and its counter).
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum
from functools import lru_cache
from itertools import compress

from . import uax14
from .rules import NUMERIC_UNITS, LineRules

# Breaking spaces: dropped at a line end (UAX14 SP/BA spaces). U+3000 IDEOGRAPHIC SPACE is not here: in CJK
# text it is a deliberate full-width blank, kept like any ideograph.
SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f")
_ZWSP = "\u200b"  # UAX14 ZW: an explicit break opportunity
# Mandatory breaks (UAX14 BK, CR, LF, NL); CR LF counts as one.
MANDATORY_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# Wide-context punctuation with ambiguous East Asian width: breakable like ideographs in CJK text.
_CJK_AMBIGUOUS = frozenset("“”‘’—…‥⋯·‧℃‰‱※")
# CJK tailoring of UAX #14 classes. Curly quotes are QU (no break on either side, LB19) because Western
# usage cannot tell opening from closing; in CJK text they are always paired like brackets (clreq, jlreq
# cl-01/cl-02), so “‘ open and ”’ close. Ellipses are IN (never start a line, LB22); clreq's basic level
# lets …… start a line (its strict level forbids it, see rules.NO_START_STRICT), so they break like ideographs
# and the pair is kept whole by `LineRules.inseparable`.
_CLASS_OVERRIDES = {"“": uax14.OP, "‘": uax14.OP, "”": uax14.CL, "’": uax14.CL,
                    "…": uax14.ID, "‥": uax14.ID, "⋯": uax14.ID}
# Range dashes (clreq 连接号): a single — (or – ～ 〜, already in the tables) never starts a line; UAX #14
# lets it (B2 breaks on both sides); a doubled —— is a 破折号 and may start one (basic level).
_RANGE_DASH = "—"
# Phone numbers written in groups ("0311 8765 4321", "+86 138 0000 0000"): a break at their spaces is a last
# resort, like any break inside a unit. At least 7 digits, so "3 4" or "2024 年" are not caught.
_PHONE = re.compile(r"(?<![\w.])\+?(?:\(\d{1,5}\) ?)?\d{1,5}(?:[ \-]\d{2,8}){1,4}(?![\w.])")


class Break(IntEnum):
    """How a line may end before a position. Ordered: higher is more willing."""

    NEVER = 0
    EMERGENCY = 1  # only inside a unit that is wider than the line (Korean syllables, number + counter)
    ALLOWED = 2


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Split at mandatory breaks (newlines): [(offset of the paragraph in `text`, paragraph)]."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in MANDATORY_BREAK.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


@lru_cache(maxsize=8192)
def _wide(ch: str) -> bool:
    """CJK-like (breaks between characters) rather than word-forming."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in _CJK_AMBIGUOUS


@lru_cache(maxsize=8192)
def _attaches(ch: str) -> bool:
    """A mark that belongs to the character before it (UAX14 CM, ZWJ; emoji modifiers are EM)."""
    return uax14.raw_class(ord(ch)) in (uax14.CM, uax14.ZWJ)


@lru_cache(maxsize=8192)
def _digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


@lru_cache(maxsize=8192)
def _letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


# LB1 for CJK text: ambiguous (AI) characters are wide, so ideographic; CJ (small kana, ー) is ID unless strict.
_RESOLVE_NORMAL = uax14.resolver(ai=uax14.ID, cj=uax14.ID)
_RESOLVE_STRICT = uax14.resolver(ai=uax14.ID, cj=uax14.NS)


def break_levels(text: str, rules: LineRules) -> list[Break]:
    """Break level before each position of one paragraph (no newlines): a list of len(text) + 1.

    Entry i says whether a line may end between text[i-1] and text[i]; entry 0 is NEVER and the last is
    ALLOWED (the paragraph end). A break after spaces leaves them at the end of the line, where they are
    dropped; so the entry between two spaces, or before a space, is NEVER.
    """
    return list(map(_BREAKS.__getitem__, _breaks(text, rules)[0]))


# Per-character facts the tailoring asks about, as bits (one dict lookup per character instead of several
# Unicode database calls per break).
_NO_START, _NO_END, _SPACE, _ATTACH, _WIDE, _DIGIT, _LETTER, _ZW, _DASH, _INSEP = (1 << k for k in range(10))
_SKIP = _SPACE | _ATTACH  # looked through to find the character a line would end with
# A character none of the tailoring rules single out: between two of these, UAX #14 alone decides.
_PLAIN_OUT = _NO_START | _NO_END | _SPACE | _ATTACH | _DIGIT | _ZW | _DASH | _INSEP


class _Facts(dict):
    """Character → (tailored UAX #14 class, flag bits) for one set of rules; filled on first sight."""

    def __init__(self, rules: LineRules) -> None:
        super().__init__()
        self.resolve = _RESOLVE_STRICT if rules.strict else _RESOLVE_NORMAL
        self.rules = rules

    def __missing__(self, ch: str) -> tuple[int, int]:
        if len(self) > 65536:  # random text cannot grow it without bound
            self.clear()
        cls = _CLASS_OVERRIDES.get(ch)
        if cls is None:
            cls = self.resolve[uax14.raw_class(ord(ch))]
        r = self.rules
        flags = ((_NO_START if ch in r.no_start else 0) | (_NO_END if ch in r.no_end else 0)
                 | (_SPACE if ch in SPACES else 0) | (_ATTACH if _attaches(ch) else 0)
                 | (_WIDE if _wide(ch) else 0) | (_DIGIT if _digit(ch) else 0) | (_LETTER if _letter(ch) else 0)
                 | (_ZW if ch == _ZWSP else 0) | (_DASH if ch == _RANGE_DASH else 0)
                 | (_INSEP if ch in r.inseparable else 0))
        self[ch] = out = (cls, flags)
        return out


@lru_cache(maxsize=64)
def _facts(rules: LineRules) -> tuple[dict[str, int], dict[str, int]]:
    """Two dicts for `rules`: character → class, character → flags (both filled lazily through _Facts)."""
    facts = _Facts(rules)

    class _Part(dict):
        def __init__(self, k: int) -> None:
            super().__init__()
            self.k = k

        def __missing__(self, ch: str) -> int:
            if len(self) > 65536:
                self.clear()
            self[ch] = v = facts[ch][self.k]
            return v

    return _Part(0), _Part(1)


# Fast path. Most characters of CJK text are "plain wide": ideographs, kana and Hangul syllables (UAX #14 ID, H2,
# H3) that no tailoring rule singles out. Such a character ends every UAX #14 state (spaces, numbers, marks,
# regional indicators) and stops the tailoring's look-back, so between two of them the break is `inner`, and
# where only U+0020 spaces separate two of them the break before a space is NEVER and after the spaces ALLOWED
# (no phone number there: its spaces lie between digits). Every other stretch of text is broken by the full
# rules (`_slow_levels`) with one plain-wide character of context on either side, which decides its breaks as
# the whole paragraph would. Those results are memoised (punctuation between ideographs, numbers and Latin words
# repeat across a text) under the stretch with its context characters replaced by one plain-wide character of
# the same class (only their class matters to the rules).
_PLAIN_CLASSES = (uax14.ID, uax14.H2, uax14.H3)
_PLAIN_FLAGS = _WIDE | _LETTER
# Where plain-wide characters are looked for: CJK symbols and punctuation to half-width forms (kana, Bopomofo,
# Hangul, ideographs, Yi, full-width letters). Others, and plain ones outside the BMP, take the full rules.
_PLAIN_SCAN = (0x2E80, 0xD800), (0xF900, 0x10000)
_SPACE_RUN = re.compile(" +")
_MEMO_KEY_MAX = 80  # longer stretches are broken each time (a memo of long strings would hold much memory)
# Memo keys name digits and Latin letters by one of each: every rule treats all ASCII digits alike (NU, a digit),
# all ASCII letters alike (AL, a letter), and all full-width digits alike, so 0311-1234 and 0571-8765, or a URL's
# path and another of the same shape, share one entry.
_SAME_CLASS = str.maketrans({**dict.fromkeys("123456789", "0"), **dict.fromkeys("１２３４５６７８９", "０"),
                             **dict.fromkeys("bcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "a")})


@lru_cache(maxsize=16)
def _plain_chars(strict: bool, no_start: frozenset[str], no_end: frozenset[str],
                 inseparable: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Ranges (first, last code point) of the plain-wide characters under these rules (in `_PLAIN_SCAN`): the
    characters whose `_Facts` are a plain class with flags exactly `_PLAIN_FLAGS`."""
    resolve = _RESOLVE_STRICT if strict else _RESOLVE_NORMAL
    plain_class = bytes(c < len(resolve) and resolve[c] in _PLAIN_CLASSES for c in range(256))  # raw class → 1
    singled_out = no_start | no_end | inseparable | SPACES | {_ZWSP, _RANGE_DASH}
    wide = {"W", "F"}.__contains__
    runs: list[tuple[int, int]] = []
    for lo, hi in _PLAIN_SCAN:  # the Unicode database is asked in C loops (map): some 45,000 code points
        chars = "".join(map(chr, range(lo, hi)))
        mask = bytearray(map(all, zip(uax14._BMP[lo:hi].translate(plain_class), map(str.isalpha, chars),
                                      map(wide, map(unicodedata.east_asian_width, chars)), strict=True)))
        for ch in singled_out | _CJK_AMBIGUOUS | set(_CLASS_OVERRIDES):  # the exceptions, one by one
            if lo <= (cp := ord(ch)) < hi:
                cls = _CLASS_OVERRIDES.get(ch, resolve[uax14._BMP[cp]])
                mask[cp - lo] = (cls in _PLAIN_CLASSES and ch.isalpha() and ch not in singled_out
                                 and (wide(unicodedata.east_asian_width(ch)) or ch in _CJK_AMBIGUOUS))
        runs.extend((lo + m.start(), lo + m.end() - 1) for m in re.finditer(b"\x01+", mask))
    return tuple(runs)


class _Fast:
    """Per-rules tables of the fast path: the stretches the full rules decide, the memo-key character of each
    plain-wide one, the stretch memo."""

    __slots__ = ("memo", "reps", "stretches")

    def __init__(self, rules: LineRules) -> None:
        ranges = _plain_chars(rules.strict, rules.no_start, rules.no_end, rules.inseparable)
        plain = "".join(f"{chr(lo)}-{chr(hi)}" if hi > lo else chr(lo) for lo, hi in ranges)
        # Runs of characters that are not plain wide; those of spaces only between two plain-wide ones are not
        # for the full rules (see `_breaks`).
        self.stretches = re.compile(f"[^{plain}]+").finditer
        cls_of = _facts(rules)[0]
        first: dict[int, str] = {}  # class → the first plain-wide character seen of it

        class _Reps(dict):
            def __missing__(self, ch: str) -> str:
                if len(self) > 65536:
                    self.clear()
                self[ch] = rep = first.setdefault(cls_of[ch], ch)
                return rep

        self.reps = _Reps()
        self.memo: dict[str, bytes] = {}


_FAST: dict[LineRules, _Fast] = {}


def _fast(rules: LineRules) -> _Fast:
    fast = _FAST.get(rules)
    if fast is None:
        if len(_FAST) >= 64:
            _FAST.clear()
        fast = _FAST[rules] = _Fast(rules)
    return fast


def clear_caches() -> None:
    """Forget memoised breaks (the character tables stay)."""
    _breaks.cache_clear()
    unit_spans.cache_clear()
    for fast in _FAST.values():
        fast.memo.clear()


_BREAKS = (Break.NEVER, Break.EMERGENCY, Break.ALLOWED)
_ALLOWED_MASK = bytes(1 if k == Break.ALLOWED else 0 for k in range(256))
_INNER = (bytearray((Break.ALLOWED,)), bytearray((Break.EMERGENCY,)))  # by rules.keep_all


@lru_cache(maxsize=4096)  # fitting asks for the same paragraph at several widths and sizes
def _breaks(text: str, rules: LineRules) -> tuple[bytes, tuple[int, ...], bool]:
    """Break levels of a paragraph (as bytes: the `Break` values), the positions that are ALLOWED (ending with
    len(text)), and whether any position is EMERGENCY. Tuples, not lists: held in memos, a tuple of ints is left
    alone by the garbage collector once it has seen it."""
    n = len(text)
    if not n:
        return bytes(1), (), False
    fast = _fast(rules)
    lv = _INNER[rules.keep_all] * (n + 1)
    if " " in text:
        for m in _SPACE_RUN.finditer(text):
            a, b = m.span()
            lv[a:b] = bytes(b - a)  # NEVER before a space; ALLOWED after (overwritten below if not plain)
            lv[b] = Break.ALLOWED
    memo = fast.memo
    for m in fast.stretches(text):
        s, e = m.span()
        if s and e < n and text[s] == " " and text.count(" ", s, e) == e - s:
            continue  # spaces between plain-wide characters: done above
        if s:
            a = s - 1
            key = fast.reps[text[a]] + text[s:e]
        else:
            a = 0
            key = text[:e]
        if e < n:
            b = e + 1
            key += fast.reps[text[e]]
        else:
            b = n
        key = key.translate(_SAME_CLASS)
        got = memo.get(key)
        if got is None:
            got = bytes(_slow_levels(key, rules)[1:b - a])
            if b - a <= _MEMO_KEY_MAX:
                if len(memo) > 4096:
                    memo.clear()
                memo[key] = got
        lv[a + 1:b] = got
    lv[0] = Break.NEVER
    lv[n] = Break.ALLOWED
    if rules.keep or _HAS_DIGIT(text):
        _bind_units(text, lv, rules)
    return bytes(lv), tuple(compress(range(n + 1), lv.translate(_ALLOWED_MASK))), Break.EMERGENCY in lv


def _breaks_reference(text: str, rules: LineRules) -> tuple[bytes, tuple[int, ...], bool]:
    """`_breaks` by the full rules at every position (what the fast path must equal; kept for tests)."""
    lv = bytearray(_slow_levels(text, rules))
    if text:
        _bind_units(text, lv, rules)
    return bytes(lv), tuple(i for i, v in enumerate(lv) if v == Break.ALLOWED), Break.EMERGENCY in lv


_HAS_DIGIT = re.compile(r"\d").search
_DEMOTE = bytes(min(k, Break.EMERGENCY) for k in range(256))  # ALLOWED → EMERGENCY, the rest unchanged


def _bind_units(text: str, lv: bytearray, rules: LineRules) -> None:
    """Make the breaks inside compound numeric units (`rules.NUMERIC_UNITS`) and inside the
    board's terms (`rules.keep`) last resorts, in place: such a unit is broken only when it alone is wider than the
    line. The break between an extension mark and its number is removed (转|8021 never)."""
    for a, b, never in unit_spans(text, rules):
        lv[a + 1:b] = lv[a + 1:b].translate(_DEMOTE)
        if never:
            lv[never] = Break.NEVER


@lru_cache(maxsize=4096)  # asked by `_breaks` and again by line choice when a unit is wider than the line
def unit_spans(text: str, rules: LineRules) -> tuple[tuple[int, int, int], ...]:
    """The units of `text` that break only when wider than the line: (start, end, never), the breaks at
    start < i < end inside, and `never` a position inside where no break is allowed at all (0: none)."""
    spans: list[tuple[int, int, int]] = []
    n = len(text)
    if _HAS_DIGIT(text):
        # An extension written without a space binds its mark to the number (转8021); with one (내선 1234) the space
        # is a word boundary, only a last resort inside the unit.
        spans.extend((m.start(), m.end(), 0 if (g := m.start("gap")) < 0 or m.group("gap") else g)
                     for m in NUMERIC_UNITS.finditer(text))
    for term in rules.keep:
        start = text.find(term)
        while start >= 0:
            spans.append((start, start + len(term), 0))
            start = text.find(term, start + 1)
    if rules.keep_all and spans and " " in text:
        # Korean: a unit of several words ends with the particles written after its last word (기초연금수급자
        # 확인서와): it spans whole eojeols, so it is split at its spaces when it does not fit with them.
        spans = [(text.rfind(" ", 0, a) + 1, e if (e := text.find(" ", b)) >= 0 else n, nv)
                 if " " in text[a:b] else (a, b, nv) for a, b, nv in spans]
    return tuple(spans)


def eojeols(text: str) -> list[tuple[int, int]]:
    """Korean words (어절): the runs between spaces, each one unit unless wider than the line (klreq)."""
    return [m.span() for m in _WORD.finditer(text)]


_WORD = re.compile("[^" + "".join(sorted(SPACES)) + "]+")




def _slow_levels(text: str, rules: LineRules) -> list[Break]:
    """Break level before each position of `text` by UAX #14 and the CJK tailoring (len(text) + 1 entries)."""
    n = len(text)
    never, emergency, allowed = Break.NEVER, Break.EMERGENCY, Break.ALLOWED
    levels = [never] * (n + 1)
    if not n:
        return levels
    levels[n] = allowed
    cls_of, flags_of = _facts(rules)
    cls = list(map(cls_of.__getitem__, text))
    fl = list(map(flags_of.__getitem__, text))
    opp = uax14.opportunities(text, cls)
    keep_all = rules.keep_all
    inner = emergency if keep_all else allowed  # the level of an ordinary break between wide characters
    phone_spaces = _phone_spaces(text) if " " in text else ()
    fp = fl[0]
    for i, f, o in zip(range(1, n), fl[1:], opp[1:n], strict=True):
        prev, fp = fp, f
        if not o or f & _NO_START:
            continue  # kinsoku: closing marks never start a line (also after spaces: UAX14 LB13)
        if not (prev | f) & _PLAIN_OUT:
            if (prev | f) & _WIDE:
                levels[i] = inner
            continue  # else inside a word: letters, numbers, URLs, e-mail (UAX14 would break at / and -)
        j, base = i - 1, prev
        while base & _SKIP:
            j -= 1
            if j < 0:
                break
            base = fl[j]
        if j < 0:
            continue  # only spaces so far: a break here would leave an empty line
        if base & _NO_END:
            continue  # kinsoku: opening marks and prefixes never end a line (UAX14 LB14 OP SP* ×)
        if (j < i - 1 and prev & _SPACE) or prev & _ZW:
            levels[i] = emergency if i in phone_spaces else allowed  # between words, in every language
            continue
        if f & _DASH and not (i + 1 < n and fl[i + 1] & _DASH):
            continue  # a single range dash stays with what precedes it
        if f & _INSEP and text[j] == text[i]:
            continue  # —— and …… stay whole
        if not (base | f) & _WIDE:
            continue  # inside a word: letters, digits, numbers, URLs, e-mail (UAX14 would break at / and -)
        if base & f & _DIGIT:
            continue  # full-width digit runs are ideographic to UAX14, but a number is one unit
        if keep_all:
            levels[i] = emergency  # Korean: inside a word only when the word cannot fit
        elif base & _DIGIT and f & _LETTER:
            levels[i] = emergency  # keep a number with its counter, unit or currency (5个, 3月, 100元)
        else:
            levels[i] = inner
    return levels


def _phone_spaces(text: str) -> set[int]:
    """Positions just after the spaces inside phone-number-like digit groups."""
    out: set[int] = set()
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 7:
            out.update(m.start() + k + 1 for k, ch in enumerate(m.group()) if ch == " ")
    return out
