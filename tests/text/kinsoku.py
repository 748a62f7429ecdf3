"""Line-breaking rules written from the standards, for checking output (never imported by the product).

Sources, read for this file rather than copied from comicboard.text.rules:
- W3C clreq, "Prohibition rules for line start and line end" (行首行尾禁则): closing punctuation (。，、．：；！？),
  closing quotes and brackets do not start a line; opening quotes and brackets do not end one; the dash ——
  and the ellipsis …… are not split.
- W3C jlreq §3.1.7 and Appendix A: cl-01 opening brackets (not at line end); cl-02 closing brackets, cl-03
  hyphens, cl-04 dividing punctuation, cl-05 middle dots, cl-06 full stops, cl-07 commas (not at line start);
  cl-08 inseparable characters (— … ‥ not split); strict level also cl-09 iteration marks, cl-10 the prolonged
  sound mark and cl-11 small kana (not at line start).
- W3C klreq: Korean follows the same punctuation rules for closing and opening marks.
"""

from __future__ import annotations

# Closing brackets and quotes (clreq; jlreq cl-02), with their ASCII and half-width forms.
CLOSING = set("”’）〕］｝〉》」』】〙〗〟｠»)]}｣")
# Opening brackets and quotes (clreq; jlreq cl-01).
OPENING = set("“‘（〔［｛〈《「『【〘〖〝｟«([{｢")
# Full stops, commas, dividing punctuation, middle dots (clreq; jlreq cl-04 to cl-07), full and half width.
PUNCTUATION = set("。．，、：；？！‼⁇⁈⁉・｡､,.:;?!") | {"\u30a0", "\u301c"}  # ゠ 〜 (jlreq cl-03)
# jlreq strict level: cl-09 iteration marks, cl-10 prolonged sound mark, cl-11 small kana.
STRICT_JA = set("ヽヾゝゞ々〻ー" "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
# Never split between two of them (clreq ——, ……; jlreq cl-08: no break between consecutive inseparables).
INSEPARABLE = set("—…‥")


def no_start(lang: str, strict: bool = False) -> set[str]:
    """Characters that may not begin a line (after a break)."""
    chars = CLOSING | PUNCTUATION
    if strict:  # clreq's strict level keeps —— and …… off a line start too; jlreq's, the marks of STRICT_JA
        chars |= INSEPARABLE | (STRICT_JA if lang.startswith("ja") else set())
    return chars


def no_end(lang: str) -> set[str]:
    """Characters that may not end a line (before a break)."""
    return set(OPENING)


def break_violations(lines: list[str], lang: str, strict: bool = False) -> list[str]:
    """What is wrong at the breaks between consecutive `lines` (the text of each line, spaces trimmed)."""
    bad = []
    starts, ends = no_start(lang, strict), no_end(lang)
    for a, b in zip(lines, lines[1:], strict=False):
        if not a or not b:
            continue
        if b[0] in starts:
            bad.append(f"line starts with {b[0]!r}: {a!r} | {b!r}")
        if a[-1] in ends:
            bad.append(f"line ends with {a[-1]!r}: {a!r} | {b!r}")
        if a[-1] in INSEPARABLE and b[0] in INSEPARABLE:
            bad.append(f"{a[-1] * 2!r} split: {a!r} | {b!r}")
    return bad
