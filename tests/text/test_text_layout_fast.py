"""The line chooser returns exactly the lines of the reference implementation (`layout_reference`), whatever
was cached before: the same breaks, widths and overflow flags, to the last bit."""

import sys

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
