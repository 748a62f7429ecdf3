"""Line-breaking benchmark: 3,000 short procedure sentences (20–60 characters, zh-Hans, zh-Hant, ja, ko, with
numbers, phone numbers, URLs and Latin words) wrapped at a width of 10 em, beside ICU's line breaker.

Reports sentences per second (median of N runs, caches cleared before each run) for
  * comicboard      `comicboard.text.break_lines` (UAX #14 + CJK rules + BudouX phrases + balanced lines);
  * comicboard-v    the same without BudouX (phrases off): what the rules and line choice cost alone;
  * cb-warm         comicboard at another width with the breaks and phrases of each sentence already known:
                    what layout pays when its size search asks for the same text again (caches not cleared);
  * icu-breaks      ICU `BreakIterator.createLineInstance` boundaries only (no fitting);
  * icu-greedy      ICU boundaries + greedy fitting with the same glyph advances (a complete wrap);
and, for each wrap, how many lines break a rule that comicboard enforces (a line starting with a closing mark,
ending with an opening mark or currency prefix, a split ——/……, or a number cut from its digits).
ICU comes from `pip install icukit-pyicu` (or PyICU); without it those rows are skipped.

Usage:  python benchmarks/bench_wrap.py [--repeat N] [--count 3000] [--width 10]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's comicboard, not whichever one is installed

from comicboard.text import break_lines, phrases, rules_for  # noqa: E402
from comicboard.text.wrap import clear_caches, default_fontset  # noqa: E402

FRAGMENTS = {
    "zh-Hans": ["请携带身份证原件", "到社区服务中心办理", "工作人员审核材料后", "领取证明文件", "咨询电话0311-12345678",
                "办理时限5个工作日", "详见https://example.org/zs", "费用￥20元", "“居住证明”", "（周一至周五）",
                "上午8:30—11:30", "材料不全的，", "需补齐后再来", "——请提前预约", "……", "第3步", "每次50%"],
    "zh-Hant": ["請攜帶身分證正本", "到里辦公處辦理", "審核通過後", "領取證明文件", "電話(02)2345-6789", "「長者健保」",
                "約需3天", "費用NT$100元", "請洽詢承辦人員，", "——謝謝合作", "（週一至週五）"],
    "ja": ["住民票の写しを", "窓口で申請してください。", "マイナンバーカードを", "お持ちください", "受付は8:30〜17:15",
           "手数料は¥300です", "「転入届」", "詳しくはhttps://example.jp/x", "ちょっと待って", "電話03-1234-5678"],
    "ko": ["주민등록등본을 ", "발급받으려면 ", "신분증을 지참하고 ", "주민센터를 방문하세요. ", "문의 02-123-4567 ",
           "수수료 500원 ", "처리 기간 3일 ", "온라인 https://gov.kr/x "],
}


def sentences(count: int, seed: int = 20240601) -> list[tuple[str, str]]:
    """Deterministic (lang, sentence) pairs, 20–60 characters each."""
    rng = random.Random(seed)
    langs = list(FRAGMENTS)
    out: list[tuple[str, str]] = []
    while len(out) < count:
        lang = langs[len(out) % len(langs)]
        target = rng.randint(20, 60)
        text = ""
        while len(text) < target:
            text += rng.choice(FRAGMENTS[lang])
        text = text[:target].strip()
        if len(text) >= 20:
            out.append((lang, text))
    return out


def violations(lines: list[str], lang: str) -> int:
    """Breaks between lines that comicboard's rules forbid."""
    rules = rules_for(lang)
    bad = 0
    for a, b in zip(lines, lines[1:], strict=False):
        a, b = a.rstrip(), b.lstrip()
        if not a or not b:
            continue
        if (b[0] in rules.no_start or a[-1] in rules.no_end or (a[-1] == b[0] and a[-1] in "—…")
                or (a[-1].isdigit() and b[0].isdigit())):
            bad += 1
    return bad


def run_comicboard(items: list[tuple[str, str]], width: float, use_phrases: bool) -> list[list[str]]:
    saved = phrases.model_for
    if not use_phrases:
        phrases.model_for = lambda lang: None  # noqa: ARG005 - BudouX off for this run
    try:
        return [break_lines(text, width, lang=lang) for lang, text in items]
    finally:
        phrases.model_for = saved


COLD = ("comicboard", "comicboard-v")  # timed from empty memos; cb-warm reuses what they left


def icu_module():
    try:
        import icu
    except ImportError:
        return None
    return icu


def run_icu(icu, items: list[tuple[str, str]], width: float, fit: bool) -> list[list[str]]:
    fs = default_fontset()
    iters = {lang: icu.BreakIterator.createLineInstance(icu.Locale(lang.replace("-", "_"))) for lang, _ in items}
    out: list[list[str]] = []
    for lang, text in items:
        it = iters[lang]
        it.setText(text)
        # ICU offsets are UTF-16 code units; all benchmark text is in the BMP, so they equal str offsets.
        bounds = list(it)
        if not fit:
            out.append([])
            continue
        lines, start, last, w = [], 0, 0, 0.0
        for b in bounds:
            seg_w = fs.width(text[last:b])
            if w + seg_w > width and last > start:
                lines.append(text[start:last].rstrip())
                start, w = last, 0.0
            w += seg_w
            last = b
        lines.append(text[start:].rstrip())
        out.append(lines)
    return out


def timed(rows: list[tuple[str, object]], repeat: int) -> dict[str, tuple[float, object]]:
    """Median seconds and last result per engine; the engines take turns in each round, so a busy machine
    slows them alike and the ratios hold. The cold engines' memos are emptied before their turn, untimed (freeing
    the previous run's memo is not part of wrapping these sentences)."""
    times: dict[str, list[float]] = {name: [] for name, _ in rows}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, fn in rows:
            if name in COLD:
                clear_caches()
            t0 = time.perf_counter()
            results[name] = fn()
            times[name].append(time.perf_counter() - t0)
    return {name: (statistics.median(times[name]), results[name]) for name, _ in rows}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--width", type=float, default=10.0)
    args = ap.parse_args(argv)
    items = sentences(args.count)
    default_fontset()  # load fonts outside the timings
    break_lines("预热", 10)  # and BudouX models
    for lang in FRAGMENTS:
        phrases.phrase_bounds("预热预热", lang)

    rows = [("comicboard", lambda: run_comicboard(items, args.width, True)),
            ("comicboard-v", lambda: run_comicboard(items, args.width, False)),
            ("cb-warm", lambda: [break_lines(text, args.width + 0.5, lang=lang) for lang, text in items])]
    icu = icu_module()
    if icu is not None:
        rows += [("icu-breaks", lambda: run_icu(icu, items, args.width, False)),
                 ("icu-greedy", lambda: run_icu(icu, items, args.width, True))]
    print(f"{len(items)} sentences ({', '.join(FRAGMENTS)}), width {args.width:g} em, median of {args.repeat} runs; "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
          + (f", ICU {icu.ICU_VERSION}" if icu else ", ICU not installed (pip install icukit-pyicu)"))
    print(f"{'engine':<14}{'sentences/s':>12}{'median s':>10}{'lines':>8}{'rule breaks':>13}{'× icu-greedy':>14}")
    results = timed(rows, args.repeat)
    ref = results.get("icu-greedy", (None,))[0]
    for name, (secs, result) in results.items():
        lines = sum(len(r) for r in result)
        bad = sum(violations(r, lang) for r, (lang, _) in zip(result, items, strict=True)) if lines else 0
        speed = f"{ref / secs:.2f}" if ref else "-"
        print(f"{name:<14}{len(items) / secs:>12,.0f}{secs:>10.3f}{lines or '-':>8}{bad if lines else '-':>13}"
              f"{speed:>14}")


if __name__ == "__main__":
    main()
