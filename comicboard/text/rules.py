"""Line-breaking rules as cited data: which characters may not start or end a line, per language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Sources. Each table below names the one it follows; extend the tables, not the code, for new rules.
CLREQ = ("W3C Requirements for Chinese Text Layout (clreq), 'Prohibition rules for line start and line end' "
         "(行首行尾禁则), basic level — https://www.w3.org/TR/clreq/")
JLREQ = ("W3C Requirements for Japanese Text Layout (jlreq) §3.1.7 'Characters not starting a line' / "
         "'Characters not ending a line', character classes cl-01…cl-11 — https://www.w3.org/TR/jlreq/")
KLREQ = ("W3C Requirements for Hangul Text Layout (klreq), line breaking: between words (어절) by default, "
         "between syllables only when needed; same punctuation rules — https://www.w3.org/TR/klreq/")
UAX14 = "Unicode Standard Annex #14, Unicode Line Breaking Algorithm — https://www.unicode.org/reports/tr14/"

# Closing punctuation and marks that never start a line.
# clreq basic level: 。．，、：；！？ closing quotes and brackets; jlreq cl-02 (closing brackets),
# cl-04 (dividing punctuation ！？‼⁇), cl-05 (middle dots ・：；), cl-06 (full stops), cl-07 (commas),
# cl-03 (hyphens: 〜 ～); UAX #14 classes CL, CP, EX, IS, NS and PO (postfix % ‰ ℃ ° ′ ″).
NO_START_BASIC: frozenset[str] = frozenset(
    "。．，、：；！？‼⁇⁈⁉"          # full stops, commas, dividing punctuation (clreq; jlreq cl-04/06/07)
    "”’」』）］｝〕】〗》〉〙〛｠"     # closing quotes and brackets (clreq; jlreq cl-02; UAX14 CL/CP/QU-Pf)
    "～〜・·‧／"                    # wave dashes, middle dots, full-width solidus (clreq; jlreq cl-03/05)
    "％‰‱℃℉°′″"                   # postfix units stay with their number (UAX14 PO)
    ",.:;!?)]}%"                    # ASCII counterparts (UAX14 IS, EX, CL, CP, PO)
    "｡､｣"                           # half-width katakana punctuation (jlreq cl-02/06/07)
)

# Opening marks and prefixes that never end a line.
# clreq basic level: opening quotes and brackets; jlreq cl-01; UAX #14 classes OP, QU-Pi and PR (prefixes).
NO_END_BASIC: frozenset[str] = frozenset(
    "“‘「『（［｛〔【〖《〈〘〚｟"   # opening quotes and brackets (clreq; jlreq cl-01; UAX14 OP)
    "([{"                           # ASCII opening brackets (UAX14 OP)
    "¥$£€№#￥＄￡＃"                 # currency and number prefixes stay with their number (UAX14 PR)
    "｢"                             # half-width corner bracket (jlreq cl-01)
)

# Japanese marks that start a line only under loose rules: jlreq cl-11 (small kana), cl-10 (prolonged
# sound mark ー), cl-09 (iteration marks). jlreq allows them at line start in loose settings (as does CSS
# `line-break: normal`); `strict=True` forbids it (CSS `line-break: strict`, UAX14 class CJ treated as NS).
NO_START_STRICT: frozenset[str] = frozenset(
    "ぁぃぅぇぉっゃゅょゎゕゖ"
    "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ｧｨｩｪｫｯｬｭｮ"
    "ーｰ"
    "々〻ゝゞヽヾ"
    "—⸺⸻…‥⋯"  # clreq strict level: 破折号 —— and 省略号 …… do not start a line either
)

# Characters that must not be split when doubled: clreq (破折号 ——, 省略号 ……), jlreq cl-08 (inseparable
# characters — … ‥), UAX14 B2 (LB17, ——) and IN (…).
INSEPARABLE: frozenset[str] = frozenset("—…‥⋯")


# Compound numeric units: broken inside only when the unit alone is wider than the line (their inner breaks
# become last resorts, `Break.EMERGENCY`). UAX #14 keeps a number with its prefix and postfix (LB25, and its
# §8.2 Example 7 number tailoring); jlreq §3.1.10 "Unbreakable character sequences" (分割禁止) keeps runs of
# numerals and their units together; clreq's rules on numbers and units (数值与计量单位) do the same. These
# patterns carry that principle to the compound forms procedure texts use; each match's inner breaks are last
# resorts. They are matched on the whole paragraph, so they see past the characters the fast path looks at.
UNIT_PATTERNS: dict[str, re.Pattern[str]] = {
    # An amount per unit: the unit after a slash stays with its number (￥20.00/次, 15元/天, 300円/回, 500원/회).
    "per": re.compile(r"\d[\d.,]*[^\W\d_]{0,2}[/／][^\W\d_]"),
    # A numeric range: 12至18, 9:00～17:00, 5日至10日, 20〜64 (the connector between two numbers).
    "range": re.compile(r"\d[\d.:,]*[^\W\d_]?[ ]?(?:至|到|~|～|〜|—|–)[ ]?\d[\d.:,]*"),
}
# A phone number and its extension (0311-85551234转8021, 内線4521, 내선 1234): one unit, and the extension mark
# binds to the extension's number like a prefix (UAX #14 LB25 PR × NU): never 转|8021, at most 1234|转8021.
EXTENSION = re.compile(r"\d[\d\-]*[ ]?(?:转|轉|分机|分機|内线|內線|内線|ext\.?|Ext\.?|내선)(?P<gap>[ ]?)\d+")
# All of them in one pattern, scanned once per paragraph (the extension first: a phone number is the longest).
# The same matches, found faster: each pattern starts with a digit, taken out in front so the scan skips to digits;
# only the first digit of a run can start a match (one starting later also matches from the run's first digit,
# which finditer tries before); and the digit run after it is never given back (`*+`): what follows it in each
# pattern (a space, an extension mark, a letter, a slash, a range connector) is never a digit, point or comma.
NUMERIC_UNITS = re.compile(r"(?<!\d)\d(?:" + "|".join(
    rx.pattern.removeprefix(r"\d").replace(r"[\d\-]*", r"[\d\-]*+", 1).replace(r"[\d.,]*", r"[\d.,]*+", 1)
    .replace(r"[\d.:,]*", r"[\d.:,]*+", 1) for rx in (EXTENSION, *UNIT_PATTERNS.values())) + ")")


@dataclass(frozen=True)
class LineRules:
    """The rules one paragraph is broken by."""

    lang: str
    no_start: frozenset[str]
    no_end: frozenset[str]
    inseparable: frozenset[str]
    # klreq: Korean breaks between words (at spaces); breaks between syllables are a last resort.
    keep_all: bool
    source: str
    # Strict level (clreq strict, jlreq/CSS `line-break: strict`): small kana, ー, 々, —— and …… do not start a
    # line; UAX #14 class CJ resolves to NS instead of ID.
    strict: bool = False
    # A board's own terms (procedure titles, materials, `keep:`): never broken inside unless one alone is wider
    # than the line; a break just before or after one reads as a phrase boundary.
    keep: frozenset[str] = frozenset()

    # Every memo of line breaking is keyed by the rules: their hash is worked out once (a dataclass's own hash
    # builds a tuple of all fields at every lookup) and never pickled (string hashes differ between processes).
    def __hash__(self) -> int:
        try:
            return self.__dict__["_hash"]
        except KeyError:
            h = hash((self.lang, self.no_start, self.no_end, self.inseparable, self.keep_all, self.source,
                      self.strict, self.keep))
            object.__setattr__(self, "_hash", h)
            return h

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state


_CJK_LANGS = {"zh": CLREQ, "ja": JLREQ, "ko": KLREQ}


@lru_cache(maxsize=64)
def lang_key(lang: str) -> str | None:
    """A BCP 47 tag as one of the board languages: zh-CN → zh-Hans, zh-TW / zh-HK / zh-MO → zh-Hant, ja-JP → ja,
    ko-KR → ko; None for any other language."""
    tag = lang.strip().replace("_", "-").lower()
    if tag.startswith("zh"):
        return "zh-Hant" if any(t in tag for t in ("hant", "-tw", "-hk", "-mo")) else "zh-Hans"
    for key in ("ja", "ko"):
        if tag == key or tag.startswith(key + "-"):
            return key
    return None


def rules_for(lang: str = "zh-Hans", *, strict: bool = False, keep: Iterable[str] = ()) -> LineRules:
    """The rules for a BCP 47 tag: 'zh-Hans', 'zh-Hant', 'ja', 'ko'; other tags get the basic CJK rules. `keep`:
    terms never broken inside (see `LineRules.keep`); terms under two characters are ignored."""
    if not keep:
        return _rules_for(lang, strict, _NO_TERMS)
    return _rules_for(lang, strict, _terms(keep if isinstance(keep, tuple | frozenset) else tuple(keep)))


_NO_TERMS: frozenset[str] = frozenset()


@lru_cache(maxsize=64)  # a board passes the same terms with every text
def _terms(keep: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in (k.strip() for k in keep) if len(t) >= 2 and "\n" not in t)


@lru_cache(maxsize=256)  # LineRules is frozen: one instance per (lang, strict, keep), cheap to hash as a memo key
def _rules_for(lang: str, strict: bool, keep: frozenset[str]) -> LineRules:
    primary = lang.replace("_", "-").split("-")[0].lower()
    no_start = NO_START_BASIC | NO_START_STRICT if strict else NO_START_BASIC
    return LineRules(
        lang=lang,
        no_start=no_start,
        no_end=NO_END_BASIC,
        inseparable=INSEPARABLE,
        keep_all=primary == "ko",
        source=_CJK_LANGS.get(primary, CLREQ),
        strict=strict,
        keep=keep,
    )
