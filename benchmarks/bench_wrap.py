"""Line-breaking benchmark: distinct procedure sentences (no sentence repeats, so no memo of whole texts can help)
in zh-Hans, zh-Hant, ja and ko, in several lengths, wrapped at 10 em, beside ICU's line breaker in the same run.

The sentences are generated from clause templates with many slot words, numbers, phone numbers, amounts, dates,
URLs and Latin words (see `CLAUSES`), drawn at random until each length group holds `--count` distinct ones.

Engines (sentences per second, median of N rounds; the engines take turns in each round, language by language):
  * comicboard    `comicboard.wrap` (UAX #14 + CJK rules + units + BudouX phrases + balanced lines), cold: its memos
                  emptied before each of its runs, outside the timing;
  * icu-eaw       ICU `BreakIterator.createLineInstance` boundaries + greedy fitting with the cheapest honest
                  width: East Asian Width (W/F: 1 em, else ½ em), looked up once per character in a dict;
  * icu-glyph     ICU boundaries + greedy fitting with the same glyph advances comicboard uses (`FontSet.width`);
  * base          with `--base DIR`: the comicboard of another checkout (e.g. a `git worktree` of main), imported
                  in this process under another name and timed in the same rounds, cold like comicboard;
and, for each wrap, how many line breaks break a rule comicboard enforces (a line starting with a closing mark,
ending with an opening mark or currency prefix, a split ——/……, or a number cut from its digits). Below each
length, comicboard's speed as a fraction of each ICU baseline, language by language (1.00: as fast).
ICU comes from `pip install icukit-pyicu` (or PyICU); without it those rows are skipped.

Times are CPU seconds of this process (`--clock cpu`, the default): on a shared machine they move far less than
wall-clock seconds (`--clock wall`), and every engine here runs on one thread of this process.

Usage:  python benchmarks/bench_wrap.py [--repeat 7] [--count 1000] [--width 10] [--lengths 20,40,60,100]
                                        [--clock cpu|wall] [--base DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's comicboard, not whichever one is installed

import comicboard  # noqa: E402
from comicboard.text import break_lines, phrases, rules_for  # noqa: E402
from comicboard.text.wrap import clear_caches, default_fontset  # noqa: E402

LANGS = ("zh-Hans", "zh-Hant", "ja", "ko")
# Clause templates: {w} a slot word of the clause's list, {n} a number, {p} a phone number, {a} an amount,
# {d} a date, {t} a time range, {u} a URL.
CLAUSES = {
    "zh-Hans": (
        ["请携带{w}原件及复印件", "到{w}窗口办理", "由{w}审核后出具证明", "咨询电话{p}", "办理时限{n}个工作日",
         "费用每份{a}元", "详见{u}", "受理时间{t}", "于{d}前提交{w}", "{w}不齐全的需补齐后再来", "由{w}签字盖章",
         "“{w}”须本人到场", "（{w}除外）", "第{n}步：填写{w}", "逾期{n}天不予受理", "每月{n}日公示{w}结果"],
        ["身份证", "户口簿", "居住证明", "社区居委会", "街道办事处", "党群服务中心", "政审函", "低保申请表",
         "残疾人证", "医保卡", "结婚证", "出生医学证明", "营业执照", "房产证", "工作人员", "网格员", "监护人",
         "代理人", "养老金领取证", "不动产登记证明", "退役军人优待证", "独生子女证", "流动人口登记表"]),
    "zh-Hant": (
        ["請攜帶{w}正本及影本", "至{w}櫃檯辦理", "經{w}審核後核發證明", "洽詢電話{p}", "約需{n}個工作天",
         "規費每份{a}元", "詳見{u}", "受理時間{t}", "於{d}前送交{w}", "「{w}」須本人親自辦理", "（{w}除外）",
         "逾期{n}日不予受理", "由{w}簽章"],
        ["身分證", "戶口名簿", "里辦公處", "區公所", "健保卡", "印鑑證明", "戶籍謄本", "村里幹事", "委託書",
         "中低收入證明", "身心障礙證明", "汽機車行照", "地政事務所", "長照服務申請書"]),
    "ja": (
        ["{w}をお持ちのうえ", "{w}の窓口で申請してください", "{w}が確認したあと交付します", "お問い合わせは{p}まで",
         "交付まで約{n}日かかります", "手数料は1通{a}円です", "詳しくは{u}をご覧ください", "受付時間は{t}です",
         "{d}までに{w}を提出してください", "「{w}」は本人確認が必要です", "（{w}を除く）", "ちょっとお待ちください"],
        ["住民票の写し", "マイナンバーカード", "印鑑登録証", "区役所", "市民課", "戸籍謄本", "転入届", "国民健康保険証",
         "本人確認書類", "委任状", "介護保険被保険者証", "年金手帳", "在留カード", "担当職員"]),
    "ko": (
        ["{w}을 지참하고 ", "{w}에서 신청하세요. ", "{w} 확인 후 발급됩니다. ", "문의 {p} ",
         "처리 기간은 {n}일입니다. ", "수수료는 {a}원입니다. ", "자세한 내용은 {u} 참고 ", "접수 시간 {t} ",
         "{d}까지 {w}을 제출하세요. ",
         "「{w}」은 본인만 신청할 수 있습니다. ", "({w} 제외) "],
        ["신분증", "주민등록등본", "주민센터", "구청 민원실", "가족관계증명서", "건강보험증", "위임장", "인감증명서",
         "기초연금 신청서", "담당 공무원", "장애인 등록증", "여권", "외국인등록증"]),
}


def _fill(template: str, words: list[str], rng: random.Random, lang: str) -> str:
    n = str(rng.randint(1, 60))
    phone = f"0{rng.randint(10, 999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    amount = f"{rng.randint(1, 500)}" + (f".{rng.randint(0, 99):02d}" if rng.random() < 0.3 else "")
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = f"{month}月{day}日" if lang != "ko" else f"{month}월 {day}일"
    hours = f"{rng.randint(7, 10)}:{rng.choice(['00', '30'])}～{rng.randint(15, 18)}:{rng.choice(['00', '30'])}"
    url = f"https://example.org/{rng.choice(['zs', 'ban', 'apply', 'info'])}{rng.randint(1, 99)}"
    return template.format(w=rng.choice(words), n=n, p=phone, a=amount, d=date, t=hours, u=url)


def sentences(count: int, length: int, seed: int = 20261207) -> list[tuple[str, str]]:
    """`count` distinct (lang, sentence) pairs of about `length` characters (±25%), languages in turn."""
    rng = random.Random(seed * 1000 + length)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < count:
        lang = LANGS[len(out) % len(LANGS)]
        templates, words = CLAUSES[lang]
        target = rng.randint(int(length * 0.75), int(length * 1.25))
        text = ""
        while len(text) < target:
            text += _fill(rng.choice(templates), words, rng, lang)
            if lang != "ko" and rng.random() < 0.6:
                text += rng.choice("，。；、") if lang.startswith("zh") else rng.choice("、。")
        text = text.strip()
        if text not in seen:
            seen.add(text)
            out.append((lang, text))
    return out


def violations(lines: list[str], lang: str, text: str) -> int:
    """Breaks between lines that comicboard's rules forbid (digits on both sides count only when no space parts
    them in `text`)."""
    rules = rules_for(lang)
    bad = 0
    pos = 0
    for a, b in zip(lines, lines[1:], strict=False):
        pos = text.find(a, pos) + len(a)
        a, b = a.rstrip(), b.lstrip()
        if not a or not b:
            continue
        if (b[0] in rules.no_start or a[-1] in rules.no_end or (a[-1] == b[0] and a[-1] in "—…")
                or (a[-1].isdigit() and b[0].isdigit() and text[pos:pos + 1] != " ")):
            bad += 1
    return bad


def run_comicboard(items: list[tuple[str, str]], width: float) -> list[list[str]]:
    wrap = comicboard.wrap
    return [wrap(text, width, lang=lang, strict=lang == "ja") for lang, text in items]


def base_package(root: Path):
    """The comicboard package of another checkout, imported as `comicboard_base` (its imports are relative, so it
    uses its own modules throughout): (its `wrap`, its `clear_caches`)."""
    spec = importlib.util.spec_from_file_location("comicboard_base", root / "comicboard" / "__init__.py",
                                                  submodule_search_locations=[str(root / "comicboard")])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no comicboard package in {root}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["comicboard_base"] = module
    spec.loader.exec_module(module)
    wrap_module = importlib.import_module("comicboard_base.text.wrap")
    for lang in LANGS:  # fonts and BudouX models load outside the timings
        module.wrap("预热 预热。", 3, lang=lang)
        wrap_module.break_lines("预热预热预热", 2, lang=lang)
    return module.wrap, wrap_module.clear_caches


def run_wrap(wrap, items: list[tuple[str, str]], width: float) -> list[list[str]]:
    return [wrap(text, width, lang=lang, strict=lang == "ja") for lang, text in items]


def icu_module():
    try:
        import icu
    except ImportError:
        return None
    return icu


class _EastAsianWidth(dict):
    """Character → width in em by the East Asian Width property (W, F: 1; others ½), looked up once."""

    def __missing__(self, ch: str) -> float:
        self[ch] = w = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5
        return w


def run_icu(icu, items: list[tuple[str, str]], width: float, measure) -> list[list[str]]:
    iters = {lang: icu.BreakIterator.createLineInstance(icu.Locale(lang.replace("-", "_"))) for lang in LANGS}
    out: list[list[str]] = []
    for lang, text in items:
        it = iters[lang]
        it.setText(text)
        # ICU offsets are UTF-16 code units; all benchmark text is in the BMP, so they equal str offsets.
        lines, start, last, w = [], 0, 0, 0.0
        for b in it:
            seg_w = measure(text[last:b])
            if w + seg_w > width and last > start:
                lines.append(text[start:last].rstrip())
                start, w = last, 0.0
            w += seg_w
            last = b
        lines.append(text[start:].rstrip())
        out.append(lines)
    return out


def timed(groups: dict[str, list[tuple[str, object]]], repeat: int,
          clock=time.process_time, base_clear=None) -> dict[str, dict[str, tuple[float, list]]]:
    """Per language, per engine: median seconds and last result. In each round every language's sentences are
    wrapped by each engine in turn, so a busy machine slows them alike and the ratios hold. comicboard's memos
    are emptied before each of its runs, untimed."""
    times = {lang: {name: [] for name, _ in rows} for lang, rows in groups.items()}
    results: dict[str, dict[str, list]] = {lang: {} for lang in groups}
    for _ in range(repeat):
        for lang, rows in groups.items():
            for name, fn in rows:
                if name == "comicboard":
                    clear_caches()
                elif name == "base":
                    base_clear()
                t0 = clock()
                results[lang][name] = fn()
                times[lang][name].append(clock() - t0)
    return {lang: {name: (statistics.median(times[lang][name]), results[lang][name]) for name, _ in rows}
            for lang, rows in groups.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--count", type=int, default=1000, help="distinct sentences per length")
    ap.add_argument("--width", type=float, default=10.0)
    ap.add_argument("--lengths", default="20,40,60,100")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    ap.add_argument("--base", type=Path, help="another checkout whose comicboard runs in the same rounds")
    args = ap.parse_args(argv)
    base_wrap, base_clear = base_package(args.base.resolve()) if args.base else (None, None)
    fs = default_fontset()  # fonts and BudouX models load outside the timings
    for lang in LANGS:
        break_lines("预热 预热。", 3, lang=lang)
        phrases.phrase_bounds("预热预热", lang)
    icu = icu_module()
    eaw = _EastAsianWidth()
    glyph = fs.width

    def eaw_width(s: str) -> float:
        return sum(map(eaw.__getitem__, s))

    print(f"{args.count} distinct sentences per length ({', '.join(LANGS)} in turn), width {args.width:g} em, "
          f"median of {args.repeat} rounds ({args.clock} time); Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
          + (f", ICU {icu.ICU_VERSION}" if icu else ", ICU not installed (pip install icukit-pyicu)")
          + (f"; base: {args.base}" if args.base else ""))
    print(f"{'chars':>6} {'engine':<12}{'sentences/s':>12}{'median s':>10}{'lines':>8}{'rule breaks':>13}"
          f"{'cb × engine':>13}")
    for length in map(int, args.lengths.split(",")):
        items = sentences(args.count, length)
        groups = {}
        for lang in LANGS:
            part = [item for item in items if item[0] == lang]
            rows = [("comicboard", lambda part=part: run_comicboard(part, args.width))]
            if base_wrap is not None:
                rows.append(("base", lambda part=part: run_wrap(base_wrap, part, args.width)))
            if icu is not None:
                rows += [("icu-eaw", lambda part=part: run_icu(icu, part, args.width, eaw_width)),
                         ("icu-glyph", lambda part=part: run_icu(icu, part, args.width, glyph))]
            groups[lang] = (part, rows)
        timings = timed({lang: rows for lang, (_, rows) in groups.items()}, args.repeat,
                        time.process_time if args.clock == "cpu" else time.perf_counter, base_clear)
        mean_len = sum(len(t) for _, t in items) / len(items)
        engines = [name for name, _ in groups[LANGS[0]][1]]
        secs = {name: sum(timings[lang][name][0] for lang in LANGS) for name in engines}
        for name in engines:
            lines = bad = 0
            for lang in LANGS:
                part, result = groups[lang][0], timings[lang][name][1]
                lines += sum(len(r) for r in result)
                bad += sum(violations(r, lang, text) for r, (_, text) in zip(result, part, strict=True))
            ratio = f"{secs[name] / secs['comicboard']:.2f}" if name != "comicboard" else "-"
            print(f"{mean_len:>6.0f} {name:<12}{len(items) / secs[name]:>12,.0f}{secs[name]:>10.3f}{lines:>8}{bad:>13}"
                  f"{ratio:>13}")
        for name in engines[1:]:
            print(f"{'':>6} cb × {name:<9} " + "  ".join(
                f"{lang} {timings[lang][name][0] / timings[lang]['comicboard'][0]:.2f}" for lang in LANGS))
        if "base" in engines:  # the other checkout beside the ICU baselines, as it would have measured itself
            for name in engines:
                if name.startswith("icu"):
                    print(f"{'':>6} base × {name:<7} {secs[name] / secs['base']:.2f}: " + "  ".join(
                        f"{lang} {timings[lang][name][0] / timings[lang]['base'][0]:.2f}" for lang in LANGS))

if __name__ == "__main__":
    main()
