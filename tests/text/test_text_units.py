"""Units a typesetter keeps on one line (issue #15): an amount per unit, a numeric range, a phone number with its
extension, a Korean word with its particles, and a board's own terms. Each is broken inside only when it alone is
wider than the line. The properties are written from that rule: a unit is generated, embedded in random text of
its language, wrapped at a random width, and no line may end strictly inside it unless it does not fit."""

from hypothesis import given, settings
from hypothesis import strategies as st

import comicboard as cb
from comicboard.spec import from_dict
from comicboard.text.wrap import default_fontset, fill_lines, layout_lines

FS = default_fontset()
LANGS = ("zh-Hans", "zh-Hant", "ja", "ko")
# Plain running text around a unit: ideographs, kana, Hangul words (no brackets or marks that would bind to it).
FILLER = {"zh-Hans": ["请携带", "到社区", "服务中心", "办理", "工作人员", "审核后", "领取证明", "费用"],
          "zh-Hant": ["請攜帶", "到里辦公處", "辦理", "審核後", "領取證明", "費用", "服務"],
          "ja": ["窓口で", "申請して", "ください", "受付は", "手数料は", "住民票の", "お持ちの方"],
          "ko": ["주민센터에서", "신청하세요", "수수료는", "접수는", "문의", "방문", "발급"]}
COUNTERS = {"zh-Hans": "元次人月天张份件", "zh-Hant": "元次人月天張份件", "ja": "円回人月日枚件",
            "ko": "원회명월일장건"}
PARTICLES = ["", "로", "입니다.", "에서", "이며", "은", "까지"]
CONNECTORS = {"zh-Hans": ["至", "到", "～"], "zh-Hant": ["至", "到", "～"], "ja": ["〜", "～"], "ko": ["~", "～"]}
EXT_MARKS = {"zh-Hans": ["转", "分机"], "zh-Hant": ["轉", "分機"], "ja": ["内線"], "ko": ["내선"]}
digits = st.text("0123456789", min_size=1, max_size=5)


@st.composite
def per_unit(draw, lang):
    amount = draw(digits) + draw(st.sampled_from(["", ".00", ".50"]))
    cur = draw(st.sampled_from(["", "￥"] if lang.startswith("zh") else ["", "¥"] if lang == "ja" else [""]))
    unit = draw(st.sampled_from(["", COUNTERS[lang][0]]))
    return f"{cur}{amount}{unit}/{draw(st.sampled_from(COUNTERS[lang]))}"


@st.composite
def num_range(draw, lang):
    a, b = draw(digits), draw(digits)
    counter = draw(st.sampled_from(["", COUNTERS[lang][4]]))
    return f"{a}{counter}{draw(st.sampled_from(CONNECTORS[lang]))}{b}"


@st.composite
def extension(draw, lang):
    phone = f"0{draw(st.integers(10, 999))}-{draw(st.integers(1000000, 99999999))}"
    return f"{phone}{draw(st.sampled_from(EXT_MARKS[lang]))}{draw(st.integers(1, 99999))}"


@st.composite
def term(draw, lang):
    chars = "".join(FILLER[lang]).replace(" ", "")
    return "".join(draw(st.lists(st.sampled_from(chars), min_size=2, max_size=9)))


@st.composite
def case(draw, family):
    lang = draw(st.sampled_from(LANGS))
    unit = draw({"per": per_unit, "range": num_range, "ext": extension, "term": term}[family](lang))
    if lang == "ko":
        unit += draw(st.sampled_from(PARTICLES))  # a Korean unit is a whole word, with its particles
    before = draw(st.lists(st.sampled_from(FILLER[lang]), max_size=4))
    after = draw(st.lists(st.sampled_from(FILLER[lang]), max_size=4))
    sep = " " if lang == "ko" else ""
    head = sep.join(before) + (sep if before else "")
    text = head + unit + (sep if after else "") + sep.join(after)
    return lang, text, len(head), len(head) + len(unit), (unit if family == "term" else None)


def assert_whole(lang, text, start, end, keep, width, strict):
    lines = layout_lines(text, width, lang=lang, strict=strict, keep=(keep,) if keep else ())
    assert "".join(ln.text for ln in lines).replace(" ", "") == text.replace(" ", "")
    cuts = [ln.start for ln in lines[1:]]
    inside = [c for c in cuts if start < c < end]
    if FS.width(text[start:end]) <= width:
        assert not inside, (text[start:end], [ln.text for ln in lines])


WIDTHS = st.floats(min_value=3, max_value=14, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(case("per"), WIDTHS, st.booleans())
def test_an_amount_per_unit_stays_whole_when_it_fits(c, width, strict):
    lang, text, s, e, _ = c
    assert_whole(lang, text, s, e, None, width, strict)


@settings(max_examples=150, deadline=None)
@given(case("range"), WIDTHS, st.booleans())
def test_a_numeric_range_stays_whole_when_it_fits(c, width, strict):
    lang, text, s, e, _ = c
    assert_whole(lang, text, s, e, None, width, strict)


@settings(max_examples=150, deadline=None)
@given(case("ext"), WIDTHS, st.booleans())
def test_a_phone_number_keeps_its_extension_and_the_mark_its_number(c, width, strict):
    lang, text, s, e, _ = c
    assert_whole(lang, text, s, e, None, width, strict)
    # Even when the unit is too wide, the extension mark never ends a line (转|8021).
    for ln in layout_lines(text, width, lang=lang, strict=strict)[:-1]:
        assert not ln.text.endswith(tuple(EXT_MARKS[lang])), ln.text


@settings(max_examples=150, deadline=None)
@given(case("term"), WIDTHS, st.booleans())
def test_a_board_term_stays_whole_when_it_fits(c, width, strict):
    lang, text, s, e, keep = c
    assert_whole(lang, text, s, e, keep, width, strict)


@st.composite
def korean_word(draw):
    """A Korean word that ends with particles after a number or a closing bracket (400원입니다., 4567)로)."""
    core = draw(st.sampled_from([f"{draw(digits)}{draw(st.sampled_from(COUNTERS['ko']))}",
                                 f"({draw(st.sampled_from(FILLER['ko']))})", f"(☎ 02-{draw(digits)})"]))
    return core + draw(st.sampled_from(PARTICLES[1:]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FILLER["ko"]), max_size=3), korean_word(), st.lists(st.sampled_from(FILLER["ko"]),
                                                                                   max_size=3), WIDTHS)
def test_a_korean_word_with_its_particles_is_one_unit(before, word, after, width):
    head = " ".join([*before, ""])
    text = head + word + (" " if after else "") + " ".join(after)
    start = len(head) + (word.index(" ") + 1 if "(☎ " in word else 0)  # a word: from its last space
    assert_whole("ko", text, start, len(head) + len(word), None, width, False)


def test_examples_from_the_typesetters_review():
    # A number keeps its counter and particles; a bracket keeps its particle (klreq: words are units).
    assert cb.wrap("1통에 400원입니다.", 6.2, lang="ko") == ["1통에", "400원입니다."]
    # Too wide for the word (6.15 em): split between syllables, not 400|원, when that costs no line more.
    assert cb.wrap("1통에 400원입니다.", 6, lang="ko") == ["1통에 400원", "입니다."]
    for w in (6.5, 9, 10, 11):  # ￥20.00/次， is 6.1 em: never ￥20.00/ | 次
        assert not any(ln.endswith("/") for ln in cb.wrap("每次收费￥20.00/次，请准备零钱。", w, lang="zh-Hans"))
    assert "转8021" in "".join(ln for ln in cb.wrap("电话0311-85551234转8021", 10) if ln.startswith("转"))
    assert not any(ln.endswith("至") for ln in cb.wrap("请到第12至18号窗口办理。", 6.5))
    # BudouX cuts 养|老金 at 4 em; as a board term it stays whole.
    assert not any(ln.endswith("养") for ln in cb.wrap("领取养老金需要本人到场。", 4, keep=["养老金"]))


def test_justified_details_keep_a_material_whole():
    text = "所需材料：身份证、户口簿、居住证明"
    lines = fill_lines(text, 8, lang="zh-Hans", keep=("身份证", "户口簿", "居住证明"))
    assert [ln.text for ln in lines] != [] and not any(ln.text.endswith("身份") for ln in lines)
    for ln in lines:
        assert ln.width <= 8 + 1e-9


def test_the_spec_keep_list_reaches_line_breaking():
    board = from_dict({"board": {"title": "测试", "lang": "zh-Hans", "keep": ["养老金", "外调政审"]},
                       "categories": [{"name": "服务", "procedures": [
                           {"title": "政审材料", "materials": ["身份证"], "steps": ["填写材料"]}]}]})
    assert board.keep == ("养老金", "外调政审")
    assert {"养老金", "外调政审", "政审材料", "身份证"} <= set(board.terms)


def test_two_boards_with_different_terms_never_share_measured_lines():
    from comicboard.pagelayout.typeset import Setter

    text = "领取养老金需要本人到场。"
    plain = Setter(FS, "zh-Hans")
    kept = Setter(FS, "zh-Hans", frozenset({"养老金"}))
    size = 10.0  # points: a 40 pt column is 4 em, where BudouX alone would cut 养|老金
    first = plain.measure(text, 40.0, size).lines
    second = kept.measure(text, 40.0, size).lines
    assert not any(ln.endswith("养") or ln.endswith("养老") for ln in second), second
    assert plain.measure(text, 40.0, size).lines == first  # each board keeps its own memo entry


def test_a_bubble_splits_a_too_wide_term_at_a_phrase_rather_than_cut_a_word_elsewhere():
    from comicboard.text.wrap import phrase_lines

    text = "请先填写个人入党外调政审材料再交给社区。"  # the term (6 em) is wider than a 5 em bubble line
    lines = [ln.text for ln in phrase_lines(text, 5, keep=("外调政审材料",))]
    assert "".join(lines) == text
    assert not any(ln.endswith("个") for ln in lines), lines  # 个|人 cuts a word


# The one pattern that scans for units (rules.NUMERIC_UNITS: the shared first digit taken out in front, matches
# started only at a run's first digit, digit runs never given back) finds exactly what the unit patterns find
# when simply tried in turn at every position.
UNIT_ALPHABET = list("0123456789１２.,:- /／至到~～〜—–转轉元天次a中") + ["ext.", "Ext", "내선", "分机", "內線"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(UNIT_ALPHABET), max_size=30).map("".join))
def test_unit_scan_finds_what_the_unit_patterns_find(text):
    import re

    from comicboard.text.rules import EXTENSION, NUMERIC_UNITS, UNIT_PATTERNS

    plain = re.compile("|".join(rx.pattern for rx in (EXTENSION, *UNIT_PATTERNS.values())))

    def found(rx):
        return [(m.span(), m.start("gap"), m.group("gap")) for m in rx.finditer(text)]

    assert found(NUMERIC_UNITS) == found(plain)
