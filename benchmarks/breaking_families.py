"""Held-out check of the breaking families of issue #15: breaks a typesetter would send back, counted.

A run is one text wrapped at one width (strict rules, the board's terms given as `keep`). It is counted as bad
when a line break falls inside a unit that fits the line on its own (with the marks kinsoku keeps on it):
  * eojeol   (ko) a space-delimited word, with its particles (400원입니다., 4567)로); a word too wide for the
             line is bad too when it is cut between a number or closing bracket and the syllable after it
             while that syllable would still fit on the line (1통에 400 / 원입니다. at 6 em);
  * per      an amount per unit: number [unit] / unit (￥20.00/次, 300円/回, 500원/회);
  * ext      a phone number and its extension (85551234转8021, 内線12);
  * range    a numeric range (12至18, 9:00～17:00, 5日至10);
  * term     one of the board's own terms (procedure titles, materials, `keep:`).
In Korean a unit of several words takes the particles written after its last word (it spans whole eojeols).
The units are found by the patterns below, written from the families' definitions, not from the engine. The
texts are other members of each family than the issue's examples, in zh-Hans, zh-Hant, ja and ko.

Usage:  python benchmarks/breaking_families.py [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from comicboard.text import rules_for  # noqa: E402
from comicboard.text.wrap import default_fontset, layout_lines  # noqa: E402

WIDTHS = (4.0, 4.5, 5.5, 6.5, 7.0, 8.0, 9.5, 11.0, 12.5, 14.0)
UNITS = {
    "per": re.compile(r"[￥¥$₩]?\d[\d.,]*[^\W\d_]{0,2}[/／][^\W\d_]"),
    "ext": re.compile(r"\d[\d\-]*\s?(?:转|轉|分机|分機|内线|內線|内線|ext\.?|내선)\s?\d+"),
    "range": re.compile(r"\d[\d.:]*[^\W\d_]?\s?(?:至|到|~|～|〜|—|–)\s?\d[\d.:]*"),
}

_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789()")
_DETACHED = re.compile(r"[\d)）」』\]][\uac00-\ud7a3]")  # a number or bracket, then a Hangul syllable
# (lang, text, terms): terms are what the board would pass (its titles and materials, and `keep:`).
CORPUS: list[tuple[str, str, tuple[str, ...]]] = [
    # per
    ("zh-Hans", "复印费每页收取￥0.50/张，请自备零钱。", ()),
    ("zh-Hans", "停车收费标准为5元/小时，夜间减半。", ()),
    ("zh-Hans", "老年餐补贴为每人15元/天，按月发放到卡。", ()),
    ("zh-Hant", "影印費用為每張NT$2/張，請自備零錢。", ()),
    ("zh-Hant", "臨時托育補助每月3000元/人，由里辦公處受理。", ()),
    ("ja", "コピー代は1枚10円/枚です。窓口でお支払いください。", ()),
    ("ja", "駐輪場の利用料は月額200円/月となります。", ()),
    ("ko", "복사 비용은 장당 50원/장이며 현금만 받습니다.", ()),
    ("ko", "주차 요금은 1,000원/시간으로 정산됩니다.", ()),
    # ext
    ("zh-Hans", "如有疑问请拨打0311-87654321转6012咨询。", ()),
    ("zh-Hans", "联系民政窗口：025-66881234分机305，工作日接听。", ()),
    ("zh-Hant", "請撥打(02)2720-8889轉1234洽詢承辦人。", ()),
    ("zh-Hant", "服務專線：04-22289111分機12345，週一至週五。", ()),
    ("ja", "お問い合わせは03-5321-1111内線4521までお電話ください。", ()),
    ("ja", "担当課　電話06-6208-8181内線302（平日のみ）", ()),
    ("ko", "문의는 02-2133-7000내선 1234로 연락 주세요.", ()),
    # range
    ("zh-Hans", "请于每月第5至10个工作日到3至5号窗口办理。", ()),
    ("zh-Hans", "受理时间为上午9:00～11:30，下午2:00～5:00。", ()),
    ("zh-Hant", "受理時間為8:30至17:30，請於第3至7號窗口抽號。", ()),
    ("zh-Hant", "補助對象為65到80歲長者，每年申請一次。", ()),
    ("ja", "受付時間は9:00〜17:00、第2〜4水曜日は休みです。", ()),
    ("ja", "対象は20〜64歳の方で、申請は1〜3月に受け付けます。", ()),
    ("ko", "접수 시간은 평일 9:00~18:00이며 3~5번 창구입니다.", ()),
    # eojeol
    ("ko", "신청서는 1부에 2,000원입니다. 사진은 3장입니다.", ()),
    ("ko", "주민센터(☎ 031-120)로 문의하시거나 방문하세요.", ()),
    ("ko", "등본 발급(온라인)은 무료이고 창구 발급은 500원입니다.", ()),
    ("ko", "「노인복지법」에 따라 65세이상 어르신께 드립니다.", ()),
    ("ko", "담당자(김민수 주무관)에게 서류를 제출해 주세요.", ()),
    ("ko", "처리 기간은 접수일로부터 14일이내입니다.", ()),
    # terms (board titles, materials, keep:)
    ("zh-Hans", "申请人持户口簿和养老金领取证到社区登记。", ("养老金领取证", "户口簿")),
    ("zh-Hans", "请先填写个人入党外调政审材料再交给社区。", ("入党外调政审材料",)),
    ("zh-Hans", "所需材料：身份证、居住证明、低保申请表。", ("身份证", "居住证明", "低保申请表")),
    ("zh-Hans", "办理城乡居民医疗保险参保登记需本人到场。", ("城乡居民医疗保险",)),
    ("zh-Hant", "申請人需攜帶國民身分證及戶口名簿正本。", ("國民身分證", "戶口名簿")),
    ("zh-Hant", "辦理中低收入老人生活津貼請洽區公所。", ("中低收入老人生活津貼",)),
    ("ja", "窓口で介護保険被保険者証を提示してください。", ("介護保険被保険者証",)),
    ("ja", "転入届と国民健康保険の加入手続きを同時に行います。", ("転入届", "国民健康保険")),
    ("ko", "기초연금수급자 확인서와 신분증을 지참하세요.", ("기초연금수급자 확인서",)),
    ("ko", "주민등록등본 발급은 정부24에서도 가능합니다.", ("주민등록등본", "정부24")),
]


def units(text: str, lang: str, terms: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(family, start, end) of every unit in `text`."""
    out = [(fam, m.start(), m.end()) for fam, rx in UNITS.items() for m in rx.finditer(text)]
    for term in terms:
        start = text.find(term)
        while start >= 0:
            out.append(("term", start, start + len(term)))
            start = text.find(term, start + 1)
    if lang == "ko":
        # A unit of several words takes the particles after its last word: it spans whole eojeols.
        out = [(f, text.rfind(" ", 0, s) + 1, e2 if (e2 := text.find(" ", e)) >= 0 else len(text))
               if " " in text[s:e].strip() else (f, s, e) for f, s, e in out]
        out += [("eojeol", m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    return out


def bad_runs(lang: str, text: str, terms: tuple[str, ...], width: float, fs=None) -> list[tuple[str, str]]:
    """(family, unit) for each unit that fits the line alone but is broken inside."""
    fs = fs or default_fontset()
    try:
        lines = layout_lines(text, width, lang=lang, strict=True, keep=terms)
    except TypeError:  # an engine without `keep`
        lines = layout_lines(text, width, lang=lang, strict=True)
    cuts = [ln.start for ln in lines[1:]]
    line_at = {nxt.start: ln for ln, nxt in zip(lines, lines[1:], strict=False)}
    out = []
    rules = rules_for(lang)
    for fam, s, e in units(text, lang, terms):
        # A unit carries the marks that may not be parted from it (kinsoku): a closing mark or comma after it, an
        # opening mark before it; "fits" is judged with them (￥0.50/张， needs the room of its comma too).
        gs, ge = s, e
        while gs > 0 and (text[gs - 1] in rules.no_end or text[gs - 1] in _WORD_CHARS):
            gs -= 1  # and the Latin word or bracketed area code written onto it (NT$2/張, (02)2720-8889)
        while ge < len(text) and text[ge] in rules.no_start:
            ge += 1
        unit = text[gs:ge].strip()
        inside = [c for c in cuts if s < c < e and text[s:c].strip()]
        if inside and (fs.width(unit) <= width + 1e-9
                       or (fam == "eojeol" and any(
                           _DETACHED.match(text, c - 1)
                           and fs.width(text[line_at[c].start:c + 1].strip()) <= width + 1e-9 for c in inside))):
            out.append((fam, unit))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    fs = default_fontset()
    bad: Counter[str] = Counter()
    runs = 0
    for lang, text, terms in CORPUS:
        for width in WIDTHS:
            runs += 1
            found = bad_runs(lang, text, terms, width, fs)
            if found:
                bad["runs"] += 1
            for fam, unit in found:
                bad[fam] += 1
                if args.verbose:
                    lines = [ln.text for ln in layout_lines(text, width, lang=lang, strict=True, keep=terms)]
                    print(f"{fam:7}{lang:8}{width:5g}  {unit}  {' / '.join(lines)}")
    fams = ", ".join(f"{f} {bad[f]}" for f in ("eojeol", "per", "ext", "range", "term"))
    print(f"{len(CORPUS)} texts x {len(WIDTHS)} widths = {runs} runs; runs with a bad break: {bad['runs']} ({fams})")


if __name__ == "__main__":
    main()
