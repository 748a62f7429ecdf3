"""UAX #14 line breaking (Unicode 15.0, numbers tailored per its Example 7): break opportunities for a string.

The untailored core; `breaking.py` tailors it for CJK by changing classes and adding language rules on top.
Rules LB1–LB31 are implemented as a pair table for the context-free rules plus a few state variables for
the rest (spaces after OP/QU/CL/CP/B2/ZW, combining marks, number sequences, regional indicators).
"""

# One branch per UAX #14 rule, so each can be checked against the standard.
# ruff: noqa: SIM114

from __future__ import annotations

from bisect import bisect_right

from .data import linebreak as _data

UNICODE_VERSION = _data.UNICODE_VERSION
NAMES: tuple[str, ...] = _data.CLASS_NAMES
_IDX = {name: k for k, name in enumerate(NAMES)}
(AI, AL, B2, BA, BB, BK, CB, CJ, CL, CM, CP, CR, EB, EM, EX, GL, H2, H3, HL, HY, ID, IN, IS, JL, JT, JV, LF, NL,
 NS, NU, OP, PO, PR, QU, RI, SG, SP, SY, WJ, XX, ZW, ZWJ) = (_IDX[n] for n in [
    "AI", "AL", "B2", "BA", "BB", "BK", "CB", "CJ", "CL", "CM", "CP", "CR", "EB", "EM", "EX", "GL", "H2", "H3",
    "HL", "HY", "ID", "IN", "IS", "JL", "JT", "JV", "LF", "NL", "NS", "NU", "OP", "PO", "PR", "QU", "RI", "SG",
    "SP", "SY", "WJ", "XX", "ZW", "ZWJ"])
N_CLASSES = len(NAMES)

# Break values per position.
PROHIBITED, ALLOWED, MANDATORY = 0, 1, 2

_STARTS = _data.RANGE_STARTS
_CLASSES = bytes(_data.LETTERS.index(ch) for ch in "".join(_data.RANGE_CLASSES))
_EA_OP_CP = _data.EAST_ASIAN_OP_CP
_PICT_CN = frozenset(cp for lo, hi in _data.UNASSIGNED_PICTOGRAPHIC for cp in range(lo, hi + 1))


def _bmp_table() -> bytes:
    table = bytearray(0x10000)
    for k, start in enumerate(_STARTS):
        if start >= 0x10000:
            break
        end = min(_STARTS[k + 1] if k + 1 < len(_STARTS) else 0x10000, 0x10000)
        table[start:end] = bytes((_CLASSES[k],)) * (end - start)
    return bytes(table)


_BMP = _bmp_table()  # one byte per BMP code point: ~1 ms to build, O(1) lookups for nearly all text


def raw_class(cp: int) -> int:
    """The Line_Break property value (as an index into NAMES) of a code point."""
    if cp < 0x10000:
        return _BMP[cp]
    return _CLASSES[bisect_right(_STARTS, cp) - 1]


def _resolve_table(ai: int, cj: int) -> bytes:
    """LB1: AI, SG, XX → AL (or `ai`); CJ → NS (or `cj`); SA is already resolved in the data."""
    out = list(range(N_CLASSES))
    out[AI], out[SG], out[XX], out[CJ] = ai, AL, AL, cj
    return bytes(out)


_DEFAULT = _resolve_table(AL, NS)


def classes(text: str, resolve: bytes = _DEFAULT) -> list[int]:
    """Resolved line-break classes of each character (LB1); `resolve` maps raw classes (see `resolver`)."""
    bmp = _BMP
    return [resolve[bmp[o]] if (o := ord(ch)) < 0x10000 else resolve[raw_class(o)] for ch in text]


def resolver(ai: int = AL, cj: int = NS) -> bytes:
    """A class map for `classes`: LB1 with AI and CJ resolved as given (CJK text: ai=ID, cj=ID or NS)."""
    return _resolve_table(ai, cj)


def _bits(*cs: int) -> int:
    m = 0
    for c in cs:
        m |= 1 << c
    return m


_HARD = _bits(BK, CR, LF, NL)
_NO_BASE = _bits(BK, CR, LF, NL, SP, ZW)  # LB9: what combining marks do not attach to
_ALHL = _bits(AL, HL)
_IDS = _bits(ID, EB, EM)
_HANGUL = _bits(JL, JV, JT, H2, H3)
_CLCP = _bits(CL, CP)


def _pair(a: int, c: int) -> int:
    """Context-free rules LB11–LB31 for adjacent units a, c (after LB9/LB10): PROHIBITED or ALLOWED."""
    b_a, b_c = 1 << a, 1 << c
    if c == WJ or a in (WJ, GL):  # LB11, LB12
        return PROHIBITED
    if c == GL and not b_a & _bits(SP, BA, HY):  # LB12a
        return PROHIBITED
    if b_c & _bits(CL, CP, EX, IS, SY):  # LB13
        return PROHIBITED
    if a == OP:  # LB14 (with spaces: handled in `opportunities`)
        return PROHIBITED
    if (a == QU and c == OP) or (b_a & _CLCP and c == NS) or (a == B2 and c == B2):  # LB15–LB17
        return PROHIBITED
    if a == SP:  # LB18
        return ALLOWED
    if a == QU or c == QU:  # LB19
        return PROHIBITED
    if a == CB or c == CB:  # LB20
        return ALLOWED
    if b_c & _bits(BA, HY, NS) or a == BB:  # LB21
        return PROHIBITED
    if a == SY and c == HL:  # LB21b
        return PROHIBITED
    if c == IN:  # LB22
        return PROHIBITED
    if (b_a & _ALHL and c == NU) or (a == NU and b_c & _ALHL):  # LB23
        return PROHIBITED
    if (a == PR and b_c & _IDS) or (b_a & _IDS and c == PO):  # LB23a
        return PROHIBITED
    if (b_a & _bits(PR, PO) and b_c & _ALHL) or (b_a & _ALHL and b_c & _bits(PR, PO)):  # LB24
        return PROHIBITED
    if (b_a & _bits(PR, PO) and c == NU) or (b_a & _bits(OP, HY) and c == NU):  # LB25 (pairs)
        return PROHIBITED
    if (a == JL and b_c & _bits(JL, JV, H2, H3)) or (b_a & _bits(JV, H2) and b_c & _bits(JV, JT)) \
            or (b_a & _bits(JT, H3) and c == JT):  # LB26
        return PROHIBITED
    if (b_a & _HANGUL and c == PO) or (a == PR and b_c & _HANGUL):  # LB27
        return PROHIBITED
    if b_a & _ALHL and b_c & _ALHL:  # LB28
        return PROHIBITED
    if a == IS and b_c & _ALHL:  # LB29
        return PROHIBITED
    if a == EB and c == EM:  # LB30b
        return PROHIBITED
    return ALLOWED  # LB31


PAIRS: tuple[bytes, ...] = tuple(bytes(_pair(a, c) for c in range(N_CLASSES)) for a in range(N_CLASSES))

_NUM_PART = _bits(NU, SY, IS)
_NUM_NEXT = _bits(NU, SY, IS, CL, CP)
_PRPO = _bits(PR, PO)
_OPHY = _bits(OP, HY)
_CMZWJ = _bits(CM, ZWJ)
_ALHLNU = _bits(AL, HL, NU)
# Classes that take part in a rule beyond the pair table (LB4–LB10, LB21a, LB25, LB30, LB30a, LB30b) or set
# state: a gap between two units of other classes, with no state pending, is decided by PAIRS alone.
_SPECIAL = _bits(BK, CR, LF, NL, SP, ZW, CM, ZWJ, NU, PR, PO, HY, BA, OP, CP, RI, EM)


def opportunities(text: str, cls: list[int]) -> bytearray:
    """Break value before each position of `text` (len + 1 entries) from its resolved classes.

    Entry i is for the gap between text[i-1] and text[i]: PROHIBITED, ALLOWED or MANDATORY; entry 0 is
    PROHIBITED (LB2) and the last is MANDATORY (LB3).
    """
    n = len(text)
    out = bytearray(n + 1)
    if not n:
        return out
    out[n] = MANDATORY
    pairs = PAIRS
    c = cls[0]
    if c in (CM, ZWJ):
        c = AL  # LB10
    a, a_i, a2, b = c, 0, -1, c  # unit before the gap, where its base is, the unit before it,
    prev_raw = cls[0]            # and the last unit that was not a space
    num = 1 if c == NU else 0  # LB25 state: 1 inside NU (NU|SY|IS)*, 2 after its closing CL|CP
    ri = 1 if c == RI else 0  # LB30a: regional indicators in the current run
    special = _SPECIAL
    plain = not (special >> a) & 1 and prev_raw == a and not num  # no rule beyond the pair table pending
    for i, c in enumerate(cls[1:n], 1):
        if plain and not (special >> c) & 1:
            # Fast path: two ordinary units, no state in play (see _SPECIAL): the pair table decides.
            out[i] = pairs[a][c]
            a2, a, b, prev_raw, a_i = a, c, c, c, i
            continue
        bc = 1 << c
        if bc & _CMZWJ and not (1 << a) & _NO_BASE:  # LB9: the mark joins the unit before it
            prev_raw = c
            plain = False
            continue
        if (1 << a) & _HARD:
            brk = PROHIBITED if (a == CR and c == LF) else MANDATORY  # LB4, LB5
        elif bc & _HARD or c in (SP, ZW):  # LB6, LB7
            brk = PROHIBITED
        elif a == ZW or (a == SP and b == ZW):  # LB8
            brk = ALLOWED
        elif prev_raw == ZWJ:  # LB8a
            brk = PROHIBITED
        else:
            if bc & _CMZWJ:
                c = AL  # LB10
            if a == SP:
                # LB14–LB17 see through spaces; otherwise LB11–LB13 or LB18 decide (the pair table).
                if b == OP or (c == OP and b == QU) or (c == NS and (1 << b) & _CLCP) or (c == B2 and b == B2):
                    brk = PROHIBITED
                else:
                    brk = pairs[a][c]
            elif (num == 1 and bc & _NUM_NEXT) or (num and bc & _PRPO):  # LB25 sequences
                brk = PROHIBITED
            elif (1 << a) & _PRPO and bc & _OPHY and _next_is_nu(cls, i):  # LB25 (PR|PO) × (OP|HY) NU
                brk = PROHIBITED
            elif a in (HY, BA) and a2 == HL:  # LB21a
                brk = PROHIBITED
            elif c == OP and (1 << a) & _ALHLNU and ord(text[i]) not in _EA_OP_CP:  # LB30
                brk = PROHIBITED
            elif a == CP and bc & _ALHLNU and ord(text[a_i]) not in _EA_OP_CP:  # LB30
                brk = PROHIBITED
            elif a == RI and c == RI and ri % 2:  # LB30a
                brk = PROHIBITED
            elif c == EM and ord(text[a_i]) in _PICT_CN:  # LB30b
                brk = PROHIBITED
            else:
                brk = pairs[a][c]
        out[i] = brk
        # The character at i starts a new unit.
        if bc & _CMZWJ:
            c = AL
        prev_raw = cls[i]
        a2, a, a_i = a, c, i
        if c != SP:
            b = c
        if c == NU:
            num = 1
        elif num == 1 and (1 << c) & _NUM_PART:
            pass
        elif num == 1 and (1 << c) & _CLCP:
            num = 2
        else:
            num = 0
        ri = ri + 1 if c == RI else 0
        plain = not (special >> c) & 1 and prev_raw == c and not num
    return out


def _next_is_nu(cls: list[int], i: int) -> bool:
    """Whether the unit after the one at i (skipping its combining marks) is a number."""
    j = i + 1
    while j < len(cls) and (1 << cls[j]) & _CMZWJ:
        j += 1
    return j < len(cls) and cls[j] == NU


def line_breaks(text: str) -> bytearray:
    """Untailored UAX #14 break values for `text` (see `opportunities`)."""
    return opportunities(text, classes(text))
