"""cb.wrap obeys the clreq/jlreq rules as tests/text/wrap_oracle.py states them: no forbidden line start or end,
——/…… whole, the fewest lines, and no lone letter on the last line when as many lines can avoid it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.text import layout_lines
from comicboard.text.wrap import default_fontset
from tests.needs import examples
from tests.text.wrap_oracle import best_layouts, wrap_violations

FS = default_fontset()
HAN = "请携带身份证原件社区工作人员办事材料政审入党申请学校开具的发展党员居住证明"
KANA = "あいうかきしてにのをっゃゅょアイカキマッャュョー々市役所窓口"
PUNCT = "。，、：；！？「」『』（）《》“”"
PAIRS = ["——", "……"]  # the dash and the ellipsis are written doubled (clreq, jlreq)
HANT = "請攜帶身分證正本到里辦公處辦理登記資料"
POOLS = {"zh-Hans": HAN + PUNCT, "zh-Hant": HANT + PUNCT, "ja": KANA + HAN[:12] + PUNCT}


def advance(ch: str) -> float:
    return FS.advance(ch)


@st.composite
def cases(draw):
    lang = draw(st.sampled_from(sorted(POOLS)))
    text = "".join(draw(st.lists(st.sampled_from([*POOLS[lang], *PAIRS]), min_size=1, max_size=36)))
    return lang, text, draw(st.sampled_from([2, 2.5, 3, 4, 5, 6, 7.5, 9, 12])), lang == "ja"


@settings(max_examples=examples(400), deadline=None)
@given(cases())
def test_wrap_keeps_the_rules(case):
    lang, text, width, strict = case
    lines = layout_lines(text, width, lang=lang, strict=strict)
    got = [ln.text for ln in lines]
    assert wrap_violations(text, got, [ln.width for ln in lines], width, advance, lang, strict) == []


def test_the_widow_of_the_issue_is_avoided():
    # 身的工党社 at 4 em: "身的工党 / 社" leaves 社 alone; the rules want 身的工 / 党社 (as many lines).
    text = "身的工党社"
    assert best_layouts(text, 4, advance, "zh-Hans", False) == (2, True)
    got = [ln.text for ln in layout_lines(text, 4, lang="zh-Hans")]
    assert len(got) == 2 and len(got[-1]) >= 2, got


def test_an_opening_mark_never_ends_a_line():
    for width in (2, 3, 4, 5):
        for text in ("社区「工作人员」办事", "请（携带）身份证", "材料《政审》入党"):
            got = [ln.text for ln in layout_lines(text, width, lang="zh-Hans")]
            assert not any(ln.endswith(("「", "（", "《")) for ln in got[:-1]), (width, got)
