"""Justification of captions and details: stretched to the measure by clreq's priorities, never inside a unit."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.pagelayout.typeset import Setter
from comicboard.text import Break, break_levels, rules_for
from comicboard.text.spacing import justify, set_line
from comicboard.text.wrap import default_fontset

FS = default_fontset()
POOL = ("请携带身份证原件社区工作人员办事材料あいうかきっゃアイカキー々가나다한국어"
        "。，、：；！？」』）】》「『（【《——……" "abcXYZ0123456789.-/" "  \n")
LANGS = st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"])


def test_cjk_line_is_stretched_between_characters_evenly():
    line = "请携带身份证"
    setl = set_line(line, lang="zh-Hans", fontset=FS, size=10)
    out = justify(line, setl, 65, lang="zh-Hans", fontset=FS, size=10)
    assert out.width == pytest.approx(65)
    steps = [b - a for a, b in zip(out.xs, out.xs[1:], strict=False)]
    assert steps == pytest.approx([11] * 5)  # 5 gaps share the 5 pt


def test_latin_gaps_stretch_first_and_words_never_split():
    line = "电话0311请"
    setl = set_line(line, lang="zh-Hans", fontset=FS, size=10)
    out = justify(line, setl, setl.width + 4, lang="zh-Hans", fontset=FS, size=10)
    # Two CJK–Latin gaps take the 4 pt; the digits keep their spacing.
    assert [b - a for a, b in zip(out.xs[2:6], out.xs[3:6], strict=False)] == pytest.approx(
        [b - a for a, b in zip(setl.xs[2:6], setl.xs[3:6], strict=False)])
    assert out.width == pytest.approx(setl.width + 4)


def test_a_line_that_would_look_gappy_stays_ragged():
    setl = set_line("好的", lang="zh-Hans", fontset=FS, size=10)
    out = justify("好的", setl, 200, lang="zh-Hans", fontset=FS, size=10)
    assert out.width == pytest.approx(20 + 2)  # one gap, at most ⅕ em


@settings(max_examples=120, deadline=None)
@given(st.text(st.sampled_from(list(POOL)), min_size=1, max_size=90), LANGS,
       st.floats(min_value=4, max_value=14, allow_nan=False))
def test_justified_blocks_fill_their_measure_inside_the_box_and_keep_units_whole(text, lang, width_em):
    size = 10.0
    setter = Setter(FS, lang)
    lines, _, height, _ = setter.measure(text, width_em * size, size)
    box = (0.0, 0.0, width_em * size, height)
    block = setter.block("caption", lines, box, size, align="justify", source=text)
    levels_of = rules_for(lang)
    for i, ln in enumerate(block.lines):
        x, _, w, _ = ln.bbox
        assert x >= -1e-6 and x + w <= box[2] + 1e-6  # inside the box
        plain = set_line(ln.text, lang=lang, fontset=FS, size=size, max_width=box[2])
        levels = break_levels(ln.text, levels_of)
        for k in range(1, len(ln.text)):
            grew = (ln.xs[k] - ln.xs[k - 1]) - (plain.xs[k] - plain.xs[k - 1])
            assert grew >= -1e-6
            if levels[k] != Break.ALLOWED and ln.text[k - 1] != " " and ln.text[k] != " ":
                # Only a CJK–Latin gap may grow where no break is allowed: a Latin word or number stays whole.
                assert grew <= 1e-6 or (ln.text[k - 1].isalnum() and ln.text[k].isalnum()
                                        and ln.text[k - 1].isascii() != ln.text[k].isascii()), (ln.text, k)
        if i == len(block.lines) - 1:
            assert w == pytest.approx(plain.width)  # the last line stays as it is


def test_justified_text_fills_its_lines_before_stretching():
    from comicboard.text.wrap import fill_lines, layout_lines

    text = "通知が届いたら申請して、窓口で受け取ります。"
    balanced = layout_lines(text, 19.9, lang="ja")
    full = fill_lines(text, 19.9, lang="ja")
    assert len(full) == len(balanced) == 2
    assert full[0].width > balanced[0].width  # the first line takes what fits; the last takes the rest


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(list(POOL)), min_size=1, max_size=90), LANGS,
       st.floats(min_value=3, max_value=16, allow_nan=False))
def test_filled_lines_keep_the_count_the_rules_and_the_text(text, lang, width):
    from comicboard.text.wrap import fill_lines, layout_lines

    balanced = layout_lines(text, width, lang=lang)
    full = fill_lines(text, width, lang=lang)
    assert len(full) == len(balanced)
    assert "".join(text[a.start:b.start] for a, b in zip(full, full[1:], strict=False)) + text[full[-1].start:] \
        == text
    rules = rules_for(lang)
    for a, b in zip(full, full[1:], strict=False):
        if a.text and b.text and text[a.end:b.start].strip(" ") == "":
            assert b.text[0] not in rules.no_start and a.text[-1] not in rules.no_end
    for ln in full:
        assert ln.width <= width + 1e-9 or ln.overflow


def _cjk_latin_gaps(line: str, xs: tuple[float, ...], size: float) -> list[float]:
    """The blank (em) between each CJK character and an ASCII letter or digit beside it, on a set line."""
    out = []
    for k in range(1, len(line)):
        a, b = line[k - 1], line[k]
        if a.isascii() != b.isascii() and a.isalnum() and b.isalnum():
            out.append((xs[k] - xs[k - 1]) / size - FS.advance(a, "regular"))
    return out


def test_a_cjk_latin_gap_grows_to_half_an_em_at_most():
    # jlreq §3.8 / clreq §3.7: the gap between CJK and Western text stretches from ¼ em to ½ em, no more; the
    # rest of the slack goes between characters (年滿  65  歲 read as typing errors on the zh-Hant example).
    line = "年滿65歲的市民，搭公車、捷運都有"
    size = 10.0
    setl = set_line(line, lang="zh-Hant", fontset=FS, size=size)
    out = justify(line, setl, setl.width + 12, lang="zh-Hant", fontset=FS, size=size)
    gaps = _cjk_latin_gaps(line, out.xs, size)
    assert len(gaps) == 2 and all(g <= 0.5 + 1e-6 for g in gaps), gaps
    assert out.width == pytest.approx(setl.width + 12)  # the characters take the rest


@settings(max_examples=120, deadline=None)
@given(st.text(st.sampled_from(list(POOL)), min_size=1, max_size=90), st.sampled_from(["zh-Hans", "zh-Hant", "ja"]),
       st.floats(min_value=4, max_value=14, allow_nan=False))
def test_justified_cjk_latin_gaps_stay_within_half_an_em(text, lang, width_em):
    size = 10.0
    setter = Setter(FS, lang)
    lines, _, height, _ = setter.measure(text, width_em * size, size)
    block = setter.block("caption", lines, (0.0, 0.0, width_em * size, height), size, align="justify", source=text)
    for ln in block.lines:
        assert all(g <= 0.5 + 1e-6 for g in _cjk_latin_gaps(ln.text, ln.xs, size)), ln.text
