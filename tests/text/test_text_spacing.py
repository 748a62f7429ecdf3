"""After breaking: punctuation compression and CJK–Latin gaps; lines still fit their box and rejoin."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.pagelayout.typeset import Setter
from comicboard.text.spacing import line_widths, set_line, text_parts
from comicboard.text.wrap import default_fontset

FS = default_fontset()
POOL = ("请携带身份证原件社区工作人员办事材料あいうかきっゃアイカキー々가나다한국어"
        "。，、：；！？」』）】》〉「『（【《〈——……・" "abcXYZ0123456789.,:-/@%¥$" "    ")
TEXTS = st.text(st.sampled_from(list(POOL)), min_size=1, max_size=80)
LANGS = st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"])
_GAP = re.compile(r" *")


def widths(text: str, lang: str = "zh-Hans") -> list[float]:
    return list(set_line(text, lang=lang, fontset=FS).advances)


def test_line_end_punctuation_is_set_in_half_an_em():
    assert widths("原件。") == pytest.approx([1, 1, 0.5])
    assert widths("原件。", "ja") == pytest.approx([1, 1, 0.5])  # JIS sets 。 low left too (jlreq cl-06)
    assert widths("原件。", "zh-Hant") == pytest.approx([1, 1, 1])  # centred: no blank half to trim
    assert widths("原件！", "ja") == pytest.approx([1, 1, 1])  # jlreq cl-04: ！ is centred
    assert widths("原件」", "ja") == pytest.approx([1, 1, 0.5])  # brackets have a blank half in every style


def test_marks_sit_where_the_language_puts_them():
    def ink_centre(text, lang, i):
        line = set_line(text, lang=lang, fontset=FS, size=1)
        x0, y0, x1, y1 = FS.main().ink(text[i])
        dy = line.dys[i] if line.dys else 0.0
        pen = sum(line.advances[:i])
        return (line.xs[i] + (x0 + x1) / 2 - pen), (y0 + y1) / 2 - dy  # in its em box, y up from the baseline

    face = FS.main()
    middle = (face.ascender + face.descender) / 2
    cx, cy = ink_centre("好。好", "zh-Hant", 1)  # Taiwan: centred in the em box, both ways
    assert cx == pytest.approx(0.5, abs=0.02) and cy == pytest.approx(middle, abs=0.02)
    cx, cy = ink_centre("好。好", "zh-Hans", 1)  # GB: low left, as the font draws it
    assert cx < 0.4 and cy < 0.2
    cx, _ = ink_centre("好！好", "ja", 1)  # jlreq: ！ centred, 。 low left
    assert cx == pytest.approx(0.5, abs=0.02)
    assert ink_centre("好。好", "ja", 1)[0] < 0.4
    assert set_line("好好", lang="zh-Hant", fontset=FS).dys == ()  # nothing moved: nothing recorded


def test_adjacent_punctuation_takes_one_and_a_half_em():
    assert sum(widths("好。」是")[1:3]) == pytest.approx(1.5)
    assert sum(widths("好）、是")[1:3]) == pytest.approx(1.5)
    assert sum(widths("好」「是")[1:3]) == pytest.approx(1.5)
    line = set_line("是「（好", lang="zh-Hans", fontset=FS, size=10)
    assert line.advances[1] + line.advances[2] == pytest.approx(15)
    assert line.xs[2] == pytest.approx(line.xs[1] + 10 - 5)  # （ loses its left blank: drawn ½ em left


def test_opening_bracket_at_line_start_loses_half_an_em_and_moves_left():
    line = set_line("「好」", lang="zh-Hans", fontset=FS, size=10)
    assert line.xs[0] == pytest.approx(-5)  # the glyph's ink is in its right half: it lands at the line start
    assert line.advances == pytest.approx((5, 10, 5))
    assert line.width == pytest.approx(20)


def test_korean_sets_numbers_and_hangul_solid():
    assert set_line("14일 400원", lang="ko", fontset=FS).width == pytest.approx(FS.width("14일 400원"))


def test_quarter_em_between_cjk_and_latin_only_inside_the_line():
    line = set_line("电话0311请", lang="zh-Hans", fontset=FS)
    plain = FS.width("电话0311请")
    assert line.width == pytest.approx(plain + 0.5)
    assert line.tight == pytest.approx(plain)
    assert set_line("0311请", lang="zh-Hans", fontset=FS).width == pytest.approx(FS.width("0311请") + 0.25)
    assert set_line("电话：0311", lang="zh-Hans", fontset=FS).width == pytest.approx(FS.width("电话：0311"))
    assert set_line("电话 0311", lang="zh-Hans", fontset=FS).width == pytest.approx(FS.width("电话 0311"))
    squeezed = set_line("电话0311请", lang="zh-Hans", fontset=FS, size=10, max_width=10 * plain + 2)
    assert squeezed.width == pytest.approx(10 * plain + 2)


@settings(max_examples=200, deadline=None)
@given(TEXTS, LANGS, st.floats(min_value=0.5, max_value=12, allow_nan=False))
def test_set_lines_never_grow_but_by_gaps_and_positions_run_forward(text, lang, size):
    line = set_line(text, lang=lang, fontset=FS, size=size)
    assert line.tight <= FS.width(text) * size + 1e-9  # compression only shortens
    assert line.width <= line.tight + 0.25 * size * len(text) + 1e-9
    assert sum(line.advances) == pytest.approx(line.width)
    pen = 0.0
    for ch, x, adv in zip(text, line.xs, line.advances, strict=True):
        assert adv >= -1e-9
        assert pen - 0.5 * size - 1e-9 <= x <= pen + 0.5 * size + 1e-9  # moved at most ½ em either way
        ink = FS.face_for(ch).ink(ch)
        if ink is not None and adv > 0:  # the ink stays in the room the character was given
            assert pen - 0.1 * size <= x + ink[0] * size and x + ink[2] * size <= pen + adv + 0.1 * size, ch
        pen += adv


@settings(max_examples=150, deadline=None)
@given(TEXTS, LANGS, st.floats(min_value=2, max_value=14, allow_nan=False), st.sampled_from([8.0, 12.0, 20.0]),
       st.sampled_from(["left", "center", "right"]))
def test_set_blocks_stay_in_their_box_and_rejoin(text, lang, width_em, size, align):
    setter = Setter(FS, lang)
    max_w = width_em * size
    lines, widest, height, _ = setter.measure(text, max_w, size)
    block = setter.block("caption", lines, (0.0, 0.0, max_w, height), size, align=align)
    pos = 0
    for k, ln in enumerate(block.lines):
        if k:
            pos = _GAP.match(text, pos).end()
        assert text.startswith(ln.text, pos)
        pos += len(ln.text)
        x, _, w, _ = ln.bbox
        if setter.tight_width(ln.text, size) <= max_w + 0.01:  # not a lone unbreakable unit
            assert x >= -1e-6 and x + w <= max_w + 0.01
        assert len(ln.xs) == len(ln.text)
        assert list(ln.xs) == sorted(ln.xs)
        assert not ln.xs or ln.xs[0] >= x - 0.5 * size - 1e-6
    assert text[pos:].strip(" ") == ""
    if all(setter.tight_width(ln, size) <= max_w + 0.01 for ln in lines):
        assert widest <= max_w + 0.01  # bubbles sized by `measure` hold their lines


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("请携带身份证原件。，、：；！？「」『』（）《》“”…—abcXY0123 가나다あいうアイ")),
               min_size=1, max_size=30), st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"]), st.data())
def test_line_widths_from_a_texts_numbers_are_the_widths_of_the_set_line(text, lang, data):
    # Measuring cuts lines from a text at many widths; their widths come from numbers looked up once per text and
    # must be what setting the line itself gives, bit for bit (compression at the cut edges included).
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    setl = set_line(text[a:b], lang=lang, fontset=FS)
    assert line_widths(text_parts(text, lang, FS), a, b) == (setl.width, setl.tight)
