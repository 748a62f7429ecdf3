"""The line chooser returns exactly the lines of the reference implementation (`layout_reference`), whatever
was cached before: the same breaks, widths and overflow flags, to the last bit."""

import sys

from exact_reference import exact_reference
from hypothesis import given, settings
from hypothesis import strategies as st
from layout_reference import layout_reference

from comicboard.text import rules_for
from comicboard.text.wrap import default_fontset

W = sys.modules["comicboard.text.wrap"]
FS = default_fontset()
PIECES = (list("请携带身份证原件社区工作人员办事材料政审入党申请学校开具的发展党员")
          + list("あいうかきっゃゅアイカキッャュー々가나다라마한국어")
          + list("。，、：；！？」』）》「『（《·℃％abcXYZ0123456789.,:-/@%¥$ ")
          + ["——", "……", "  ", "0311 8765 4321", "5个", "https://example.org/zs", "주민센터를 ", "문의 02-123-4567 "])
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
WIDTHS = st.floats(min_value=0.5, max_value=14, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(TEXTS, WIDTHS, st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"]), st.booleans(), st.lists(WIDTHS, max_size=3),
       st.booleans())
def test_same_lines_as_the_reference(text, width, lang, strict, earlier, cold):
    rules = rules_for(lang, strict=strict)
    if cold:
        W.clear_caches()
    for w in earlier:  # layout asks at other widths first: memoised breaks and phrases must not change the answer
        W._layout_cached(text, w, rules, FS, "regular")
    assert W._layout_cached(text, width, rules, FS, "regular") == layout_reference(text, width, rules, FS, "regular")


def test_same_lines_without_phrases(monkeypatch):
    monkeypatch.setattr(W.phrases, "model_for", lambda lang: None)  # noqa: ARG005 - BudouX off
    W.clear_caches()
    rules = rules_for("zh-Hans")
    for text in ["请携带身份证原件到社区服务中心办理咨询电话0311-12345678", "工作人员审核材料后领取证明文件……"]:
        for width in (3, 4.5, 6, 7.25, 10):
            assert W._layout_cached(text, width, rules, FS, "regular") == layout_reference(text, width, rules, FS,
                                                                                           "regular")
    W.clear_caches()


def test_same_lines_with_phrases_looked_up_lazily_or_at_once():
    # Japanese phrases are looked up at every position with a choice at once, Chinese ones lazily along the
    # cheapest layout: both, cold and after other widths, choose the reference's lines.
    texts = {"ja": ["住民票の写しを窓口で申請してください。マイナンバーカードをお持ちください",
                    "ちょっと待って受付は8:30〜17:15手数料は¥300です「転入届」"],
             "zh-Hans": ["请携带身份证原件到社区服务中心办理工作人员审核材料后领取证明文件",
                         "材料不全的，需补齐后再来——请提前预约办理时限5个工作日"],
             "zh-Hant": ["請攜帶身分證正本到里辦公處辦理審核通過後領取證明文件約需3天"]}
    for lang, paras in texts.items():
        rules = rules_for(lang)
        for text in paras:
            W.clear_caches()
            for width in (3, 4.5, 6, 7.25, 8, 10, 5.5):  # the later widths start from the earlier lookups
                assert W._layout_cached(text, width, rules, FS, "regular") == layout_reference(text, width, rules,
                                                                                               FS, "regular")
    W.clear_caches()


@settings(max_examples=300, deadline=None)
@given(TEXTS, WIDTHS, st.integers(2, 6), st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"]), st.booleans(),
       st.booleans(), st.sampled_from([0.0, 0.5]), st.lists(WIDTHS, max_size=3), st.booleans())
def test_exact_lines_same_as_the_reference(text, width, count, lang, strict, whole_words, last_weight, earlier, keep):
    # Lines in an exact count (bubbles that would cut a word, justified blocks) come from numbers worked out once
    # per paragraph; at any width, after any others, they are the lines the plain programme chooses.
    terms = ("身份证", "マイナンバーカード", "주민센터", "0311 8765 4321") if keep else ()
    rules = rules_for(lang, strict=strict, keep=terms)
    for w in earlier:
        W._exact_cached(text, w, count, rules, FS, "regular", last_weight, whole_words)
    assert (W._exact_cached(text, width, count, rules, FS, "regular", last_weight, whole_words)
            == exact_reference(text, width, count, rules, FS, "regular", last_weight, whole_words))
